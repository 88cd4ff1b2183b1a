// A long history drawn at a bounded cost, grown one point at a time: points fall into buckets of
// `size` steps, each kept as its lowest and highest point in step order, so a spike or a dip still
// shows however long the run has played. When the buckets fill up, neighbours merge and `size`
// doubles: push is O(1) amortised and points() is O(buckets), never O(steps).

// the lower of two points; a NaN counts as lowest, so a divergence still shows
const lower = (p, q) => !Number.isNaN(q[1]) && (Number.isNaN(p[1]) || p[1] < q[1]);

/** A history of values at x = first, first + 1, …; points() has at most 4 · buckets + 3 points. */
export function history({ buckets = 250, first = 1 } = {}) {
  let size = 1, n = 0, open = null, last = null;
  let closed = [];  // full buckets, in step order: {lo, hi} with points [x, y]
  const merge = () => {
    const out = [];
    for (let i = 0; i < closed.length; i += 2) {
      const a = closed[i], b = closed[i + 1];
      out.push(b ? { lo: lower(b.lo, a.lo) ? b.lo : a.lo, hi: b.hi[1] > a.hi[1] ? b.hi : a.hi } : a);
    }
    closed = out;
    size *= 2;
  };
  return {
    get length() { return n; },
    push(y) {
      const p = [n + first, y];
      n++;
      last = p;
      if (!open) open = { lo: p, hi: p, count: 0 };
      else { if (lower(p, open.lo)) open.lo = p; if (p[1] > open.hi[1]) open.hi = p; }
      if (++open.count === size) {
        closed.push(open);
        open = null;
        if (closed.length >= 2 * buckets) merge();
      }
    },
    /** {x, y}: each bucket's extremes in step order, and the last point exactly. */
    points() {
      const x = [], y = [];
      const add = (p) => { if (!x.length || p[0] > x[x.length - 1]) { x.push(p[0]); y.push(p[1]); } };
      for (const b of open ? [...closed, open] : closed) {
        if (b.lo[0] <= b.hi[0]) { add(b.lo); add(b.hi); } else { add(b.hi); add(b.lo); }
      }
      if (last) add(last);
      return { x, y };
    },
  };
}
