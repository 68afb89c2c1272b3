// Small statistics for the benchmark numbers (all in milliseconds unless named otherwise).

/** The q-quantile (0..1) of `values` by linear interpolation; NaN when empty. */
export function quantile(values, q) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** The median of `values`. */
export const median = (values) => quantile(values, 0.5);

/** p50, p95, max and count of frame times. */
export function frameStats(frames) {
  return { frames: frames.length, p50: quantile(frames, 0.5), p95: quantile(frames, 0.95), max: Math.max(...frames) };
}
