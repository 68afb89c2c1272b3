/**
 * `<express-earnings>` at scale: first render time (data ready to chart painted) and the cost of
 * every frame while the crosshair moves across the whole chart, one bucket per frame, by
 * pointermove events dispatched on the chart's SVG.
 *
 * The adapter is a MemoryAdapter over generated history whose getNetVolume answers are computed
 * once (in a warm-up render) and then served from memory: "data ready" is the moment the element
 * gets an adapter that can answer at once, so the times are the element's own work.
 * Also times `chartLayout` alone (scales, ticks and paths) for 1,826 daily buckets, the five-year
 * daily chart that the element itself does not draw (it offers an interval only up to 400 buckets).
 */
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { NetVolumeParams, NetVolumePoint, RequestOptions } from '../../src/adapter/types.js';
import { aggregateNetVolume } from '../../src/core/net-volume.js';
import { chartLayout } from '../../src/components/earnings/earnings.model.js';
import '../../src/components/earnings/earnings.js';
import { balanceTransactions, TO } from './data.js';
import { paintedWhen, timeFrames } from './frames.js';

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

/** Mounts a chart of `[from, to]` (local dates) at `interval`; returns the element and ms to its first painted chart. */
async function mount(from: string, to: string, interval: string) {
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
  const t1 = await paintedWhen(() => !!el.shadowRoot?.querySelector('path.line')?.getAttribute('d'));
  return { el, ms: t1 - t0 };
}

/** First renders (median taken by the caller) and one crosshair sweep over every bucket. */
async function run(from: string, to: string, interval: string, renders = 5) {
  // warm-up: computes the adapter's answer and lets the JIT see the code
  (await mount(from, to, interval)).el.remove();
  const firstRenderMs: number[] = [];
  let el!: HTMLElement;
  for (let i = 0; i < renders; i++) {
    const m = await mount(from, to, interval);
    firstRenderMs.push(m.ms);
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
    const cross = root.querySelector('line.crosshair');
    if (cross) seen.add(cross.getAttribute('x1')!);
  });
  el.remove();
  return { buckets, firstRenderMs, frames, intervals, crosshairPositions: seen.size };
}

/** chartLayout alone for the five-year daily series (1,826 buckets): median of `runs` ms. */
async function layout1826(runs = 15) {
  const points: NetVolumePoint[] = aggregateNetVolume(getHistory(), { interval: 'day', created: { gte: FROM_5Y, lt: TO }, currency: 'usd', timezone: TIME_ZONE });
  const ms: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    chartLayout({ points, previous: null, width: 1166, height: 240, interval: 'day', currency: 'usd', timeZone: TIME_ZONE, locale: 'en-US' });
    if (i >= 2) ms.push(performance.now() - t0);
  }
  return { buckets: points.length, ms };
}

declare global {
  interface Window { benchReady?: boolean; runEarnings?: typeof run; runLayout1826?: typeof layout1826 }
}
window.runEarnings = run;
window.runLayout1826 = layout1826;
(window as unknown as { benchAdapter: typeof getAdapter }).benchAdapter = getAdapter;
window.benchReady = true;
