// Issue 15 §2 (and §5 for the chart): a chart a driver reads right. Each test failed on the chart
// as it was (a smoothed area, 13 months shown as complete, a menu showing another interval than
// the one drawn, a comparison a weekday off, controls moving, an axis stretched to -$100 by
// -$0.50, y labels over the plot right to left).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { NetVolumeParams } from '../../../src/contract/types.js';
import type { ExpressEarnings } from '../../../src/components/earnings/earnings.js';
import '../../../src/components/earnings/earnings.js';
import { bucketStarts, parseLocalIsoDate, zonedParts } from '../../../src/core/time.js';
import { fakeAdapter, page, txn, type FakeAdapter } from '../../support/earnings-adapter.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';

const NY = 'America/New_York';
const day = (iso: string) => parseLocalIsoDate(iso, NY);
const now = () => Math.floor(Date.now() / 1000);

before(async function () {
  this.timeout(60_000);
  await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
});

failOnLitWarnings();

const $ = <T extends Element = HTMLElement>(el: ExpressEarnings, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: ExpressEarnings, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tableLabels = (el: ExpressEarnings) => $$(el, '[part="data-table"] tbody tr').map((tr) => text(tr.firstElementChild));
const selects = (el: ExpressEarnings) => $$<HTMLSelectElement>(el, 'select');

/** A getNetVolume adapter answering `net` for every bucket (a day or bucket start → net). */
function netVolumeAdapter(net: (start: number) => number = () => 1500): FakeAdapter {
  return fakeAdapter({
    netVolume: true,
    subscribe: true,
    auto: {
      getAccount: () => ({ id: 'acct_1', default_currency: 'usd', created: day('2024-03-15') + 3600, settings: { dashboard: { timezone: NY } } }),
      getBalance: () => ({ available: [{ amount: 0, currency: 'usd' }], pending: [] }),
      getNetVolume: (p) => {
        const q = p as NetVolumeParams;
        return bucketStarts(q.created, q.interval, q.timezone).map((start) => ({ start, net: net(start) }));
      },
    },
  });
}

async function drawn(el: ExpressEarnings) {
  await waitUntil(() => $(el, 'svg[part~="svg"]') && $(el, '[part="data-table"] tbody tr') && !el.shadowRoot!.querySelector('.stale'), 'the chart did not draw', { timeout: 5000 });
  await el.updateComplete;
}

/** The interval the last getNetVolume call asked for. */
const drawnInterval = (a: FakeAdapter) => (a.callsOf('getNetVolume').at(-1)!.params as NetVolumeParams).interval;

/** The interval drawn, read from the data table's first label ("2024", "Q1 2024", "March 2024", "Week of …", "Sat, Mar 7, 2026"). */
function drawnBy(el: ExpressEarnings): string {
  const label = tableLabels(el)[0] ?? '';
  if (/^\d{4}\b/.test(label)) return 'year';
  if (/^Q\d/.test(label)) return 'quarter';
  if (/^Week of/.test(label)) return 'week';
  if (/^[A-Z][a-z]+ \d{4}/.test(label)) return 'month';
  return 'day';
}

/** Picks `value` in a menu as a person does (the option's own selectedness, which a `selected` attribute no longer moves), and says so. */
async function choose(select: HTMLSelectElement, value: string) {
  const option = [...select.options].find((o) => o.value === value);
  if (!option) throw new Error(`no option ${value}`);
  option.selected = true;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await ((select.getRootNode() as ShadowRoot).host as ExpressEarnings).updateComplete;
}

describe('<express-earnings> reads right', function () {
  this.timeout(20_000);

  it('draws days as bars from zero: nothing between days, nothing for a day without earnings', async () => {
    const adapter = fakeAdapter({
      auto: {
        listBalanceTransactions: (p) =>
          page([txn('a', '2026-03-07T17:00:00Z', 100_000), txn('b', '2026-03-09T17:00:00Z', 100_000)], p),
      },
    });
    const el = await fixture<ExpressEarnings>(html`<div style="width: 640px"><express-earnings .adapter=${adapter}
      time-zone=${NY} currency="usd" locale="en-US" from="2026-03-07" to="2026-03-09"></express-earnings></div>`).then(
      (d) => d.querySelector('express-earnings')!,
    );
    await drawn(el);
    const marks = $$<SVGPathElement>(el, 'svg[part~="svg"] .series path');
    expect(marks.length).to.be.above(0);
    // Straight edges only: no curve command anywhere in the series.
    for (const p of marks) expect(p.getAttribute('d') ?? '').not.to.match(/[CcSsQqTtAa]/);
    const zero = $<SVGLineElement>(el, 'line.zero')!;
    const left = Number(zero.getAttribute('x1'));
    const right = Number(zero.getAttribute('x2'));
    const zeroY = Number(zero.getAttribute('y1'));
    const step = (right - left) / 3;
    const filled = (x: number, y: number) => marks.some((p) => p.isPointInFill(new DOMPoint(x, y)));
    // Inside the first bar; over Sunday, the day without earnings, just above zero: nothing.
    expect(filled(left + step * 0.5, zeroY - 2)).to.equal(true);
    expect(filled(left + step * 1.3, zeroY - 2)).to.equal(false);
    expect(filled(left + step * 1.7, zeroY - 2)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('marks this week so far as incomplete: lighter, and "so far" in the tooltip and the data table', async () => {
    const adapter = netVolumeAdapter();
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US" range="90d"></express-earnings>`);
    await drawn(el);
    expect(drawnInterval(adapter)).to.equal('week');
    const labels = tableLabels(el);
    expect(labels.at(-1)).to.match(/^Week of .* \(so far\)$/);
    expect(labels.slice(1, -1).every((l) => !/so far|\(/.test(l)), 'the weeks between are whole').to.equal(true);
    const last = labels.length - 1;
    const lighter = $(el, `rect.bar.incomplete[data-index="${last}"]`);
    expect(lighter, 'the last week is drawn apart').to.exist;
    expect(Number(getComputedStyle(lighter!).fillOpacity)).to.be.below(1);
    $(el, 'svg[part~="svg"]')!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(text($(el, '[part="tooltip"] .t-label'))).to.match(/\(so far\)$/);
    expect(text($(el, '[role="status"]'))).to.contain('(so far)');
    await expect(el).to.be.accessible();
  });

  it('says what "Last 12 months" is: twelve whole months and this month, marked so far', async () => {
    const adapter = netVolumeAdapter();
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US" range="12m"></express-earnings>`);
    await drawn(el);
    const option = selects(el)[0].selectedOptions[0];
    expect(text(option)).to.equal('Last 12 months + this month');
    const { year, month } = zonedParts(now(), NY);
    const first = day(`${year - 1}-${String(month).padStart(2, '0')}-01`);
    const call = adapter.callsOf('getNetVolume')[0].params as NetVolumeParams;
    expect(call.interval).to.equal('month');
    expect(call.created.gte).to.equal(first);
    const labels = tableLabels(el);
    expect(labels).to.have.length(13);
    expect(labels.filter((l) => l.includes('(')), 'only this month is incomplete').to.deep.equal([labels[12]]);
    expect(labels[12]).to.match(/\(so far\)$/);
    expect(labels[0]).to.equal(new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: NY }).format(first * 1000));
  });

  it('always shows the interval that is drawn in the interval menu', async () => {
    const adapter = netVolumeAdapter();
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US" range="30d"></express-earnings>`);
    await drawn(el);
    const [range, interval] = selects(el);
    const shows = () => [interval.value, text(interval.selectedOptions[0])];

    // Last 12 months → Weekly → Year to date → All time: monthly points, and the menu says so.
    await choose(range, '12m');
    await drawn(el);
    await choose(interval, 'week');
    await waitUntil(() => drawnBy(el) === 'week', undefined, { timeout: 5000 });
    await choose(range, 'ytd');
    await drawn(el);
    await choose(range, 'all');
    await waitUntil(() => drawnBy(el) === 'month' && tableLabels(el)[0].startsWith('March 2024'), 'all time, monthly', { timeout: 5000 });
    await drawn(el);
    expect(shows()).to.deep.equal(['month', 'Monthly']);

    // All time → Yearly → Custom: the custom range's own interval, shown.
    await choose(interval, 'year');
    await waitUntil(() => drawnBy(el) === 'year', undefined, { timeout: 5000 });
    expect(shows()).to.deep.equal(['year', 'Yearly']);
    await choose(range, 'custom');
    await waitUntil(() => drawnBy(el) !== 'year', 'the custom range keeps yearly buckets', { timeout: 5000 });
    await drawn(el);
    expect(interval.value).to.equal(drawnBy(el));
    expect(text(interval.selectedOptions[0])).to.equal({ day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' }[drawnBy(el)]);
  });

  it('compares a day with the same weekday, and the tooltip names both dates', async () => {
    const adapter = netVolumeAdapter((start) => 1000 + (Math.floor(start / 86400) % 7) * 100);
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US"
      from="2026-03-01" to="2026-03-30" compare></express-earnings>`);
    await drawn(el);
    await waitUntil(() => adapter.callsOf('getNetVolume').length === 2 && $(el, 'path.previous'), 'no comparison', { timeout: 5000 });
    const [current, previous] = adapter.callsOf('getNetVolume').map((c) => (c.params as NetVolumeParams).created);
    expect(current.gte).to.equal(day('2026-03-01'));
    // 30 days, compared with the 30 days five weeks earlier: Sunday with Sunday.
    expect(previous.gte).to.equal(day('2026-01-25'));
    expect(zonedParts(previous.gte, NY).weekday).to.equal(zonedParts(current.gte, NY).weekday);
    expect(text($(el, '[part="change"]'))).to.match(/vs Jan 25 – Feb 23$/);
    $(el, 'svg[part~="svg"]')!.focus();
    await sendKeys({ press: 'ArrowRight' }); // Sunday, March 1
    await el.updateComplete;
    expect(text($(el, '[part="tooltip"] .t-label'))).to.equal('Sun, Mar 1, 2026');
    expect(text($(el, '[part="tooltip"] .t-previous'))).to.match(/^Sun, Jan 25, 2026: \$/);
    await sendKeys({ press: 'End' }); // Monday, March 30
    await el.updateComplete;
    expect(text($(el, '[part="tooltip"] .t-previous'))).to.match(/^Mon, Feb 23, 2026: \$/);
  });

  for (const width of [1280, 820, 375]) {
    it(`keeps the controls and the chart in their place when the range changes (${width}px)`, async () => {
      const adapter = netVolumeAdapter((start) => (Math.floor(start / 86400) % 3) * 40_000 + 12_345);
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><express-earnings .adapter=${adapter}
        time-zone=${NY} currency="usd" locale="en-US" range="7d" compare></express-earnings></div>`);
      const el = wrap.querySelector('express-earnings')!;
      await drawn(el);
      await waitUntil(() => $(el, '[part="change"]'), undefined, { timeout: 5000 });
      const base = el.getBoundingClientRect();
      const place = () => {
        const at = (e: Element | null) => {
          const r = e!.getBoundingClientRect();
          return `${Math.round(r.left - base.left)},${Math.round(r.top - base.top)}`;
        };
        return { range: at(selects(el)[0]), interval: at(selects(el)[1]), chart: at($(el, '[part="chart"]')) };
      };
      // Settled: the same place over a few frames (a narrow width is applied in the frame after
      // it is measured).
      let first = place();
      for (let stable = 0; stable < 3; ) {
        await new Promise((r) => requestAnimationFrame(r));
        const next = place();
        stable = JSON.stringify(next) === JSON.stringify(first) ? stable + 1 : 0;
        first = next;
      }
      for (const range of ['30d', '90d', '12m', 'ytd', 'all', 'custom', '7d']) {
        await choose(selects(el)[0], range);
        expect(place(), `while ${range} loads`).to.deep.equal(first);
        await drawn(el);
        await waitUntil(() => $(el, '[part="change"]'), undefined, { timeout: 5000 });
        expect(place(), `once ${range} has loaded`).to.deep.equal(first);
      }
    });
  }

  it('never leaves the change arrow alone on a line', async () => {
    const adapter = netVolumeAdapter();
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 230px"><express-earnings .adapter=${adapter}
      time-zone=${NY} currency="usd" locale="en-US" from="2025-01-01" to="2025-12-31"></express-earnings></div>`);
    const el = wrap.querySelector('express-earnings')!;
    await waitUntil(() => $(el, '[part="change"] .arrow'), 'no arrow', { timeout: 5000 });
    const arrow = $(el, '[part="change"] .arrow')!;
    const words = arrow.nextSibling!;
    const r = document.createRange();
    r.setStart(words, 0);
    r.setEnd(words, 1);
    const wordTop = r.getClientRects()[0].top;
    expect(Math.abs(arrow.getBoundingClientRect().top - wordTop)).to.be.below(4);
    expect($(el, '[part="change"]')!.getBoundingClientRect().height, 'the words wrap').to.be.above(arrow.getBoundingClientRect().height * 1.5);
  });

  it('does not stretch the y axis to -$100 for an almost-zero negative day', async () => {
    const adapter = fakeAdapter({
      auto: {
        listBalanceTransactions: (p) =>
          page([txn('a', '2026-03-07T17:00:00Z', 30_000), txn('b', '2026-03-08T17:00:00Z', -50), txn('c', '2026-03-09T17:00:00Z', 22_000)], p),
      },
    });
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US" from="2026-03-07" to="2026-03-09"></express-earnings>`);
    await drawn(el);
    const labels = $$(el, '.axis.y text').map(text);
    expect(labels[0]).to.equal('$0');
    expect(labels.filter((l) => l.startsWith('-'))).to.deep.equal([]);
    // The -$0.50 day is still there, below zero.
    expect($(el, 'path.bars.negative')!.getAttribute('d')).to.match(/^M/);
  });

  it('right to left, keeps the y axis labels off the plot', async () => {
    const adapter = netVolumeAdapter((start) => ((Math.floor(start / 86400) % 5) + 1) * 100_000);
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 640px"><express-earnings .adapter=${adapter}
      time-zone=${NY} currency="usd" locale="ar" from="2026-03-01" to="2026-03-30"></express-earnings></div>`);
    const el = wrap.querySelector('express-earnings')!;
    await drawn(el);
    const plotLeft = $(el, 'line.zero')!.getBoundingClientRect().left;
    const labels = $$(el, '.axis.y text');
    expect(labels.length).to.be.above(1);
    for (const t of labels) expect(t.getBoundingClientRect().right).to.be.at.most(plotLeft + 1);
  });

  it('takes a tap anywhere in a bucket column, and highlights the whole column', async () => {
    const adapter = netVolumeAdapter((start) => (Math.floor(start / 86400) % 2 ? 100 : 90_000));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 360px"><express-earnings .adapter=${adapter}
      time-zone=${NY} currency="usd" locale="en-US" from="2026-03-01" to="2026-03-30"></express-earnings></div>`);
    const el = wrap.querySelector('express-earnings')!;
    await drawn(el);
    const svg = $<SVGSVGElement>(el, 'svg[part~="svg"]')!;
    const zero = $(el, 'line.zero')!;
    const plot = zero.getBoundingClientRect();
    const step = plot.width / 30;
    const box = svg.getBoundingClientRect();
    // The top of the column of March 10, far above its bar.
    const x = plot.left + step * 9.5;
    svg.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: box.top + 14, pointerType: 'touch', bubbles: true }));
    await el.updateComplete;
    expect(text($(el, '[part="tooltip"] .t-label'))).to.equal('Tue, Mar 10, 2026');
    const column = $(el, '.crosshair')!.getBoundingClientRect();
    expect(column.width).to.be.closeTo(step, 1);
    expect(column.bottom - column.top).to.be.above(box.height / 2);
    // A touch ends with a leave: the tooltip stays.
    svg.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'touch' }));
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')).to.exist;
  });

  it('makes every control at least 44px high for a coarse pointer', async () => {
    const adapter = netVolumeAdapter();
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US"></express-earnings>`);
    await drawn(el);
    // The engines cannot emulate a coarse pointer here: take the element's own (pointer: coarse)
    // rules out of their media query and apply them as they would apply on a phone.
    const root = el.shadowRoot!;
    const rules = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /pointer:\s*coarse/.test(r.conditionText));
    expect(rules, 'a (pointer: coarse) rule').to.have.length.above(0);
    const coarse = new CSSStyleSheet();
    coarse.replaceSync(rules.flatMap((r) => [...r.cssRules].map((c) => c.cssText)).join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, coarse];
    const controls = $$(el, '[part="controls"] select, [part="controls"] input[type="date"], [part="controls"] .check');
    expect(controls.length).to.be.at.least(5);
    for (const c of controls) expect(c.getBoundingClientRect().height, c.outerHTML.slice(0, 40)).to.be.at.least(44);
  });

  it('names every new word in every language', async () => {
    const adapter = netVolumeAdapter();
    for (const locale of ['fr-FR', 'de-DE', 'es-ES', 'ja-JP']) {
      const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale=${locale} range="90d"></express-earnings>`);
      await waitUntil(() => tableLabels(el).length > 0 && !/so far/.test(tableLabels(el).at(-1)!) && /\(|（/.test(tableLabels(el).at(-1)!), `${locale}: no incomplete week in its words`, { timeout: 5000 });
      expect(text(selects(el)[0].querySelector('option[value="12m"]'))).not.to.equal('Last 12 months + this month');
      expect(text($(el, '.legend'))).not.to.contain('Incomplete');
    }
  });
});
