/**
 * `<express-earnings>` at scale: first render time (data ready to chart painted, and to chart and
 * hidden data table painted: the element draws the table of its first chart in a task after the
 * chart's frame) and the cost of every frame while the crosshair moves across the whole chart,
 * one bucket per frame, by pointermove events dispatched on the chart's SVG.
 *
 * The adapter is a MemoryAdapter over generated history whose getNetVolume answers are computed
 * once (in a warm-up render) and then served from memory: "data ready" is the moment the element
 * gets an adapter that can answer at once, so the times are the element's own work. The interval
 * is set by the page (the `interval` attribute), so five years of days (1,826 buckets) are drawn:
 * the element's menu offers at most about 400 buckets, a page may ask for up to 3,700.
 */
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { NetVolumeParams, NetVolumePoint, RequestOptions } from '../../src/contract/types.js';
import '../../src/components/earnings/earnings.js';
import { balanceTransactions, TO } from './data.js';
import { afterCurrentTask, nextFrame, timeFrames } from './frames.js';

const TIME_ZONE = 'America/New_York';
/** New York midnight, 2021-01-01: five years (1,826 days) before TO. */
const FROM_5Y = Date.UTC(2021, 0, 1, 5) / 1000;

/** Serves each distinct getNetVolume request from memory after computing it once. */
class PrecomputedAdapter extends MemoryAdapter {
  private readonly answers = new Map<string, NetVolumePoint[]>();
  override async getNetVolume(p: NetVolumeParams, o?: RequestOptions): Promise<NetVolumePoint[]> {
    const key = JSON.stringify(p);
    let a = this.answers.get(key);
    if (!a) {
      a = await super.getNetVolume(p, o);
      this.answers.set(key, a);
    }
    return structuredClone(a);
  }
}

/** 200,000 transactions over five years and a bit, newest first. */
let history: ReturnType<typeof balanceTransactions> | undefined;
const getHistory = () => (history ??= balanceTransactions(200_000, FROM_5Y - 400 * 86400, TO));

let adapter: PrecomputedAdapter | undefined;
function getAdapter(): PrecomputedAdapter {
  adapter ??= new PrecomputedAdapter({
    account: { id: 'acct_bench', default_currency: 'usd', settings: { dashboard: { timezone: TIME_ZONE } } },
    balance_transactions: getHistory(),
  });
  return adapter;
}

const stage = () => document.getElementById('stage')!;

/**
 * The time at the end of the first frame whose rendering ends with `ready()` true: the frame in
 * which it was painted. Checked after each frame's rendering task rather than at its start, so a
 * chart drawn during the frame's own rendering steps (the element lays out once its
 * ResizeObserver has measured it, which happens in the frame, before paint) counts for that frame.
 */
async function paintedBy(ready: () => boolean, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    await nextFrame();
    const end = await afterCurrentTask();
    if (ready()) return end;
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for the first paint');
  }
}

/** The chart's marks (the series layer of its SVG) are drawn. */
const chartDrawn = (el: HTMLElement) => !!el.shadowRoot?.querySelector('svg[part~="svg"] .series > *');

/** Mounts a chart of `[from, to]` (local dates) at `interval`; returns the element, ms to its first painted chart and ms to its painted data table. */
async function mount(from: string, to: string, interval: string, paintedMark?: string) {
  const el = document.createElement('express-earnings');
  el.setAttribute('range', 'custom');
  el.setAttribute('from', from);
  el.setAttribute('to', to);
  el.setAttribute('interval', interval);
  el.setAttribute('currency', 'usd');
  el.setAttribute('time-zone', TIME_ZONE);
  el.setAttribute('locale', 'en-US');
  const a = getAdapter();
  const t0 = performance.now();
  el.adapter = a;
  stage().append(el);
  const t1 = await paintedBy(() => chartDrawn(el));
  if (paintedMark) performance.mark(paintedMark);
  const t2 = await paintedBy(() => !!el.shadowRoot?.querySelector('table[part~="data-table"] tbody tr'));
  return { el, ms: t1 - t0, withTableMs: t2 - t0 };
}

/**
 * First renders for a trace taken by the caller: each from the mark `earnings-<i>-start` (the
 * adapter handed over) to `earnings-<i>-painted` (the end of the frame that painted the chart).
 * The caller sums the main thread's CPU time between them, which the machine's load does not
 * inflate as it does wall time.
 */
async function traceRenders(from: string, to: string, interval: string, renders = 5): Promise<number> {
  (await mount(from, to, interval)).el.remove();
  for (let i = 0; i < renders; i++) {
    await new Promise((r) => setTimeout(r, 200));
    performance.mark(`earnings-${i}-start`);
    const m = await mount(from, to, interval, `earnings-${i}-painted`);
    m.el.remove();
  }
  return renders;
}

/** First renders (median taken by the caller) and one crosshair sweep over every bucket. */
async function run(from: string, to: string, interval: string, renders = 5) {
  // warm-up: computes the adapter's answer and lets the JIT see the code
  (await mount(from, to, interval)).el.remove();
  const firstRenderMs: number[] = [];
  const withTableMs: number[] = [];
  let el!: HTMLElement;
  for (let i = 0; i < renders; i++) {
    const m = await mount(from, to, interval);
    firstRenderMs.push(m.ms);
    withTableMs.push(m.withTableMs);
    if (i < renders - 1) m.el.remove();
    else el = m.el;
  }
  // let the previous period load and the ResizeObserver settle
  await new Promise((r) => setTimeout(r, 500));
  const root = el.shadowRoot!;
  const svg = root.querySelector<SVGSVGElement>('svg[part~="svg"]')!;
  const zero = root.querySelector('line.zero')!;
  const left = Number(zero.getAttribute('x1'));
  const right = Number(zero.getAttribute('x2'));
  const buckets = root.querySelectorAll('table[part~="data-table"] tbody tr').length;
  const rect = svg.getBoundingClientRect();
  const seen = new Set<string>();
  const { costs: frames, intervals } = await timeFrames(buckets, (i) => {
    const x = rect.left + left + ((i + 0.5) * (right - left)) / buckets;
    svg.dispatchEvent(new PointerEvent('pointermove', {
      clientX: x, clientY: rect.top + rect.height / 2, pointerType: 'mouse', bubbles: true, composed: true,
    }));
    const cross = root.querySelector('.crosshair');
    if (cross) seen.add(cross.getAttribute('x')!);
  });
  el.remove();
  return { buckets, firstRenderMs, withTableMs, frames, intervals, crosshairPositions: seen.size };
}

declare global {
  interface Window { benchReady?: boolean; runEarnings?: typeof run; traceEarnings?: typeof traceRenders }
}
window.runEarnings = run;
window.traceEarnings = traceRenders;
(window as unknown as { benchAdapter: typeof getAdapter }).benchAdapter = getAdapter;
window.benchReady = true;
