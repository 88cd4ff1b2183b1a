// How stretched a one-input least-squares loss is in (w, b), and how much of the stretch a
// per-coordinate rate can remove. The MSE's Hessian is 2·[[mean x², mean x], [mean x, 1]]; its
// eigenvalues' ratio says how much longer than wide the valley is (1: a round bowl). Rescaling
// each coordinate by its own curvature (the best any diagonal method, AdaGrad among them, can do)
// leaves [[1, r], [r, 1]] with r = mean x / √(mean x²): a ratio of (1 + |r|)/(1 − |r|), which
// only a tilt (w and b tied together) keeps above 1.

const ratioOf = (a, b, c) => {  // eigenvalue ratio of [[a, b], [b, c]]
  const tr = a + c, det = a * c - b * b;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const hi = tr / 2 + disc, lo = tr / 2 - disc;
  return lo > 0 ? hi / lo : Infinity;
};

/** {stretch, diagonal, tie, angle}: the curvature ratio as it is, after the best per-coordinate
 *  rescaling, the correlation r that the rescaling cannot remove, and the angle in degrees
 *  (−90 to 90) between the valley's long axis (the flattest direction) and the w axis. */
export function curvature(x) {
  let s1 = 0, s2 = 0;
  for (const v of x) { s1 += v; s2 += v * v; }
  const n = x.length, mx = s1 / n, mxx = s2 / n;
  const tie = mxx > 0 ? mx / Math.sqrt(mxx) : 0;
  // the steepest direction of [[a, b], [b, c]] is at ½·atan2(2b, a − c); the valley runs across it
  let angle = (0.5 * Math.atan2(2 * mx, mxx - 1) * 180) / Math.PI + 90;
  if (angle > 90) angle -= 180;
  return { stretch: ratioOf(mxx, mx, 1), diagonal: ratioOf(1, tie, 1), tie, angle };
}
