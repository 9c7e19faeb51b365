// Small statistics for the benchmarks: every result is reported as median and min–max of repeated runs.

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {number[]} values */
export function min(values) {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

/** @param {number[]} values */
export function max(values) {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** @param {number[]} values */
export function summarize(values) {
  return { n: values.length, median: median(values), min: min(values), max: max(values) };
}

/**
 * `1.234 (1.100–1.500)`: median, then min–max, each with `digits` decimals and an optional unit factor.
 * @param {number[]} values
 */
export function medianRange(values, digits = 3, scale = 1) {
  const { median: m, min: lo, max: hi } = summarize(values.map((v) => v * scale));
  return `${m.toFixed(digits)} (${lo.toFixed(digits)}–${hi.toFixed(digits)})`;
}

/**
 * Least-squares line y = intercept + slope·x and its r²: how linear a growth is.
 * @param {number[]} xs
 * @param {number[]} ys
 */
export function linearFit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxx === 0 ? Number.NaN : sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = sxx === 0 || syy === 0 ? Number.NaN : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}
