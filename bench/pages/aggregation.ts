/**
 * Net-volume aggregation in the browser: 1,000,000 transactions over two years into day buckets
 * in America/New_York. Ours (`aggregateNetVolume`: bucket boundaries once per bucket, then one
 * pass with integer comparisons) against two straightforward baselines run on the same rows in
 * the same page: a `Map` keyed by a per-row `Intl.DateTimeFormat` day label, and `d3.rollup`
 * with the same key. Both baselines apply the same filter (USD, inside the range, counted types),
 * and every result is checked against ours (same days, same sums, same counts).
 */
import { rollup } from 'd3-array';
import { countsTowardNetVolume } from '../../src/contract/categories.js';
import { aggregateNetVolume, type NetVolumeBucket } from '../../src/core/net-volume.js';
import { FROM, TO, netVolumeRows } from './data.js';

const TIME_ZONE = 'America/New_York';

type Row = ReturnType<typeof netVolumeRows>[number];
type Sums = Map<string, { net: number; count: number }>;

/** Straightforward baseline: a day label per row from one formatter, summed in a Map. */
function mapBaseline(rows: Row[], fmt: Intl.DateTimeFormat): Sums {
  const sums: Sums = new Map();
  for (const r of rows) {
    if (r.currency !== 'usd' || r.created < FROM || r.created >= TO || !countsTowardNetVolume(r)) continue;
    const key = fmt.format(r.created * 1000);
    const s = sums.get(key);
    if (s) { s.net += r.net; s.count++; } else sums.set(key, { net: r.net, count: 1 });
  }
  return sums;
}

/** The same with d3.rollup (group by the day label, reduce to sum and count). */
function d3Baseline(rows: Row[], fmt: Intl.DateTimeFormat): Sums {
  const counted = rows.filter((r) => r.currency === 'usd' && r.created >= FROM && r.created < TO && countsTowardNetVolume(r));
  return rollup(
    counted,
    (v) => { let net = 0; for (const r of v) net += r.net; return { net, count: v.length }; },
    (r) => fmt.format(r.created * 1000),
  );
}

function ours(rows: Row[]): NetVolumeBucket[] {
  return aggregateNetVolume(rows, { interval: 'day', created: { gte: FROM, lt: TO }, currency: 'usd', timezone: TIME_ZONE });
}

/** Mismatches between our buckets and a baseline's sums (empty when identical). */
function compare(buckets: NetVolumeBucket[], sums: Sums, fmt: Intl.DateTimeFormat): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const b of buckets) {
    const key = fmt.format(b.start * 1000);
    seen.add(key);
    const s = sums.get(key) ?? { net: 0, count: 0 };
    if (s.net !== b.net || s.count !== b.count) problems.push(`${key}: ours ${b.net}/${b.count}, baseline ${s.net}/${s.count}`);
  }
  for (const key of sums.keys()) if (!seen.has(key)) problems.push(`${key}: only in the baseline`);
  return problems;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * Runs the benchmark; times in milliseconds, every run kept. The first call of ours (cold: the
 * JIT has not seen the code yet) is kept apart; two more warm-up calls follow, then the timed
 * runs. The baselines' runs alternate (Map, d3, Map, ...) so neither gets a warmer machine.
 */
async function run(n = 1_000_000, runs = { ours: 9, baselines: 3 }) {
  const [rows, generateMs] = time(() => netVolumeRows(n));
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const [, firstMs] = time(() => ours(rows));
  ours(rows);
  ours(rows);
  const oursMs: number[] = [];
  let buckets: NetVolumeBucket[] = [];
  for (let i = 0; i < runs.ours; i++) { let ms; [buckets, ms] = time(() => ours(rows)); oursMs.push(ms); }
  const mapMs: number[] = [];
  const d3Ms: number[] = [];
  let mapSums: Sums = new Map();
  let d3Sums: Sums = new Map();
  for (let i = 0; i < runs.baselines; i++) {
    let ms;
    [mapSums, ms] = time(() => mapBaseline(rows, fmt)); mapMs.push(ms);
    [d3Sums, ms] = time(() => d3Baseline(rows, fmt)); d3Ms.push(ms);
  }
  return {
    rows: n,
    buckets: buckets.length,
    counted: buckets.reduce((a, b) => a + b.count, 0),
    generateMs,
    firstMs,
    oursMs,
    mapMs,
    d3Ms,
    mismatches: { map: compare(buckets, mapSums, fmt).slice(0, 5), d3: compare(buckets, d3Sums, fmt).slice(0, 5) },
  };
}

declare global {
  interface Window { benchReady?: boolean; runAggregation?: typeof run }
}
window.runAggregation = run;
window.benchReady = true;
