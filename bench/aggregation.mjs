// 3. Net-volume aggregation in Chromium: bench/pages/aggregation.ts does the work; this reads
// its numbers. Ours against a per-row Intl label in a Map and against d3.rollup, same rows,
// same page, same run. The sums are compared bucket by bucket: a mismatch fails the run.
import { median } from './lib/stats.mjs';

/** Runs the aggregation page; returns { rows, details }. */
export async function run({ browser, baseUrl, open, log }) {
  const page = await open(browser, baseUrl, '/bench/pages/aggregation.html');
  try {
    const r = await page.evaluate(() => window.runAggregation());
    const oursMs = median(r.oursMs);
    const mapMs = median(r.mapMs);
    const d3Ms = median(r.d3Ms);
    log(`  ${r.rows} rows, ${r.buckets} day buckets, ${r.counted} counted; ours ${oursMs.toFixed(1)} ms, Map ${mapMs.toFixed(0)} ms, d3.rollup ${d3Ms.toFixed(0)} ms`);
    const mismatches = [...r.mismatches.map, ...r.mismatches.d3];
    if (mismatches.length) throw new Error(`aggregation results differ from the baseline: ${mismatches.join('; ')}`);
    const what = `${(r.rows / 1e6).toFixed(0)}M txns into ${r.buckets} NY days`;
    return {
      rows: [
        { section: 'aggregation', metric: `${what}: ours vs Map + per-row Intl label`, ours: oursMs, theirs: mapMs, unit: 'ms', ratio: mapMs / oursMs, goal: '>= 20x, < 50 ms', met: mapMs / oursMs >= 20 && oursMs < 50 },
        { section: 'aggregation', metric: `${what}: ours vs d3.rollup + per-row Intl label`, ours: oursMs, theirs: d3Ms, unit: 'ms', ratio: d3Ms / oursMs, note: `same sums and counts in every bucket (checked); medians of ${r.oursMs.length} runs of ours after warm-up (the very first, cold call took ${r.firstMs.toFixed(0)} ms) and ${r.mapMs.length} of each baseline` },
      ],
      details: r,
    };
  } finally {
    await page.close();
  }
}
