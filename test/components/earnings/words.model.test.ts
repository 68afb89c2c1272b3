import { expect } from '@open-wc/testing';
import { stringsFor } from '../../../src/core/i18n/index.js';
import { parseLocalIsoDate } from '../../../src/core/time.js';
import { resolveRange } from '../../../src/components/earnings/ranges.model.js';
import { bucketLabel, chartSummary, compareTotals, describeChange, formatSpan, seriesStats, tableRows } from '../../../src/components/earnings/words.model.js';

const NY = 'America/New_York';
const en = stringsFor('en');
const day = (iso: string, tz = NY) => parseLocalIsoDate(iso, tz);
const utc = (iso: string) => Date.parse(iso) / 1000;
// Thursday, November 26, 2026, 15:00 in New York.
const NOW = utc('2026-11-26T20:00:00Z');

describe('earnings model: headline', () => {
  const span = (from: string, to: string) => ({ gte: day(from), lt: day(to) });

  it('words the change as a signed percentage against the dates it is compared with', () => {
    expect(compareTotals(12_440, 10_000)).to.deep.equal({ kind: 'up', percent: 24.4 });
    const down = compareTotals(7_500, 10_000);
    expect(down).to.deep.equal({ kind: 'down', percent: 25 });
    const oct = formatSpan(span('2026-10-09', '2026-11-08'), NY, 'en-US', NOW);
    expect(oct).to.equal('Oct 9 – Nov 7');
    expect(describeChange(compareTotals(11_240, 10_000), oct, en, 'en-US', 'usd')).to.equal('up 12.4% vs Oct 9 – Nov 7');
    // Another year than now's: with the year.
    const lastYear = formatSpan(span('2024-11-01', '2025-11-27'), NY, 'en-US', NOW);
    expect(lastYear).to.equal('Nov 1, 2024 – Nov 26, 2025');
    expect(describeChange(down, lastYear, en, 'en-US', 'usd')).to.equal('down 25% vs Nov 1, 2024 – Nov 26, 2025');
    expect(describeChange(compareTotals(5, 5), oct, en, 'en-US', 'usd')).to.equal('no change vs Oct 9 – Nov 7');
    // Up from a negative period is up.
    expect(compareTotals(-50, -100)).to.deep.equal({ kind: 'up', percent: 50 });
    const fr = formatSpan(span('2026-11-13', '2026-11-20'), NY, 'fr-FR', NOW);
    // Engines space a French date range differently ("13–19 nov." or "13 – 19 nov.").
    const words = describeChange(compareTotals(1, 2), fr, stringsFor('fr'), 'fr-FR', 'eur').replace(/\s+/g, ' ');
    expect(words).to.match(/^en baisse de 50 % par rapport à la période du 13 ?– ?19 nov\.$/);
  });

  it('never divides by a previous total of zero', () => {
    expect(compareTotals(500, 0)).to.deep.equal({ kind: 'upFromZero', percent: null });
    expect(compareTotals(-500, 0)).to.deep.equal({ kind: 'downFromZero', percent: null });
    expect(compareTotals(0, 0)).to.deep.equal({ kind: 'same', percent: null });
    expect(compareTotals(500, null)).to.deep.equal({ kind: 'none', percent: null });
    expect(describeChange(compareTotals(500, 0), 'Oct 9 – Nov 7', en, 'en-US', 'usd')).to.equal('up from $0.00 vs Oct 9 – Nov 7');
    expect(describeChange(compareTotals(500, 0), 'Oct 9 – Nov 7', en, 'en-US', 'jpy')).to.equal('up from ¥0 vs Oct 9 – Nov 7');
    expect(describeChange(compareTotals(500, null), '', en, 'en-US', 'usd')).to.equal('no earlier data to compare');
    for (const s of [0, 1, -1, 12_345]) expect(describeChange(compareTotals(s, 0), 'x', en, 'en', 'usd')).not.to.match(/NaN|Infinity/);
  });
});

describe('earnings model: words', () => {
  it('lists every bucket in the data table rows with its formatted net volume', () => {
    const points = [
      { start: day('2026-03-07'), net: 8, count: 1 },
      { start: day('2026-03-08'), net: -270050, count: 3 },
    ];
    const rows = tableRows(points, 'day', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en, countsKnown: true });
    expect(rows).to.deep.equal([
      { start: points[0].start, label: 'Sat, Mar 7, 2026', count: '1', net: '$0.08' },
      { start: points[1].start, label: 'Sun, Mar 8, 2026', count: '3', net: '-$2,700.50' },
    ]);
    const weeks = tableRows(points.slice(0, 1), 'week', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en, countsKnown: false });
    expect(weeks[0].label).to.equal('Week of Sat, Mar 7, 2026');
    expect(weeks[0].count).to.equal(null);
  });

  it('says "so far" for a period not over, and which dates count of one the range cuts', () => {
    const nov = day('2026-11-01');
    expect(bucketLabel(nov, 'month', NY, 'en-US', en, { kind: 'soFar', span: { gte: day('2025-11-01'), lt: day('2026-11-27') } })).to.equal(
      'November 2026 (so far)',
    );
    const custom = { gte: day('2025-03-10'), lt: day('2026-03-10') };
    expect(bucketLabel(day('2025-03-01'), 'month', NY, 'en-US', en, { kind: 'partial', span: custom })).to.equal('March 2025 (Mar 10 – 31)');
    expect(bucketLabel(day('2026-03-01'), 'month', NY, 'en-US', en, { kind: 'partial', span: custom })).to.equal('March 2026 (Mar 1 – 9)');
    expect(bucketLabel(day('2026-11-23'), 'week', NY, 'fr-FR', stringsFor('fr'), { kind: 'soFar', span: custom })).to.equal(
      'Semaine du lun. 23 nov. 2026 (jusqu’à présent)',
    );
    const rows = tableRows(
      [
        { start: day('2025-03-01'), net: 5, count: 1 },
        { start: day('2025-04-01'), net: 6, count: 1 },
        { start: day('2026-03-01'), net: 7, count: 1 },
      ],
      'month',
      { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en, countsKnown: false, span: custom, incomplete: new Map([[0, 'partial'], [2, 'soFar']]) },
    );
    expect(rows.map((r) => r.label)).to.deep.equal(['March 2025 (Mar 10 – 31)', 'April 2025', 'March 2026 (so far)']);
  });

  it('summarises a series in one sentence and knows when it is empty', () => {
    const points = [
      { start: day('2026-03-07'), net: 100, count: 1 },
      { start: day('2026-03-08'), net: -50, count: 1 },
      { start: day('2026-03-09'), net: 900, count: 1 },
    ];
    const r = resolveRange({ range: 'custom', from: '2026-03-07', to: '2026-03-09', now: NOW, timeZone: NY });
    expect(chartSummary(points, r, 'day', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en })).to.equal(
      'Net volume from Mar 7, 2026 to Mar 9, 2026: $9.50 in total. Highest $9.00 (Mon, Mar 9, 2026), lowest -$0.50 (Sun, Mar 8, 2026).',
    );
    expect(seriesStats(points)).to.deep.equal({ total: 950, maxIndex: 2, minIndex: 1, empty: false });
    expect(seriesStats([{ net: 0 }, { net: 0 }]).empty).to.equal(true);
    expect(seriesStats([]).empty).to.equal(true);
  });
});
