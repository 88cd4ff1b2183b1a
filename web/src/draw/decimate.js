// A long history drawn at a bounded cost: at most `buckets` buckets, each kept as its lowest and
// highest point in step order, so a spike or a dip still shows however long the run has played.

/** y: values at x = first, first + 1, …; returns {x, y} with at most 2 · buckets points. */
export function decimate(y, { buckets = 500, first = 1 } = {}) {
  const n = y.length;
  if (n <= 2 * buckets) return { x: Array.from({ length: n }, (_, k) => k + first), y: Array.from(y) };
  const xs = [], ys = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size), end = Math.min(n, Math.floor((b + 1) * size));
    let lo = start, hi = start;
    for (let k = start + 1; k < end; k++) {
      if (!Number.isNaN(y[lo]) && (Number.isNaN(y[k]) || y[k] < y[lo])) lo = k;  // a NaN is kept: a divergence still shows
      if (y[k] > y[hi]) hi = k;
    }
    for (const k of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) { xs.push(k + first); ys.push(y[k]); }
  }
  // the last point exactly, so the line ends where the run is
  if (xs[xs.length - 1] !== n - 1 + first) { xs.push(n - 1 + first); ys.push(y[n - 1]); }
  return { x: xs, y: ys };
}
