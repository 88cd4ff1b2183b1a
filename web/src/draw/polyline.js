// @ts-check
// A polyline traced only where it crosses a rectangle. Canvas strokes (and dashes) every segment
// over its whole length before it clips: a run that flies off to 1e300 drew, even clamped to
// ±10⁴ px, thousands of dashes per step off the plot, and seconds per frame (valley, Momentum
// η = 999). Cut to the plot, a segment costs what its visible part does.

/** The part of segment a → b inside `r` as [t0, t1] along it (0 ≤ t0 ≤ t1 ≤ 1), or null
 *  (Liang–Barsky). */
export function clipSegment(ax, ay, bx, by, r) {
  const dx = bx - ax, dy = by - ay;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  let t0 = 0, t1 = 1;
  for (const [p, q] of [[-dx, ax - r.x0], [dx, r.x1 - ax], [-dy, ay - r.y0], [dy, r.y1 - ay]]) {
    if (p === 0) { if (q < 0) return null; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return null; if (t > t0) t0 = t; }
    else { if (t < t0) return null; if (t < t1) t1 = t; }
  }
  return [t0, t1];
}

/**
 * Adds to ctx's current path the polyline through points (px(i), py(i)), i < n, cut to the
 * rectangle r = {x0, y0, x1, y1} (x0 < x1, y0 < y1): a stretch outside it is left out and the line
 * starts again where it comes back. A non-finite point breaks the line. Returns how many
 * segments were traced.
 * @param {{moveTo(x: number, y: number): void, lineTo(x: number, y: number): void}} ctx
 * @param {number} n
 * @param {(i: number) => number} px
 * @param {(i: number) => number} py
 * @param {{x0: number, y0: number, x1: number, y1: number}} r
 */
export function tracePolyline(ctx, n, px, py, r) {
  let pen = false, ax = NaN, ay = NaN, traced = 0;
  for (let i = 0; i < n; i++) {
    const bx = px(i), by = py(i);
    if (!Number.isFinite(bx) || !Number.isFinite(by)) { pen = false; ax = NaN; continue; }
    const cut = Number.isFinite(ax) ? clipSegment(ax, ay, bx, by, r) : null;
    if (cut) {
      const [t0, t1] = cut;
      const dx = bx - ax, dy = by - ay;
      if (!pen || t0 > 0) ctx.moveTo(ax + t0 * dx, ay + t0 * dy);
      ctx.lineTo(t1 === 1 ? bx : ax + t1 * dx, t1 === 1 ? by : ay + t1 * dy);
      pen = t1 === 1;
      traced++;
    } else pen = false;
    ax = bx; ay = by;
  }
  return traced;
}
