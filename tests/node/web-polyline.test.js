// draw/polyline.js: a polyline cut to a rectangle, so that a runaway path costs only what shows.
const { test } = require('node:test');
const assert = require('node:assert/strict');

let clipSegment, tracePolyline;
test.before(async () => { ({ clipSegment, tracePolyline } = await import('../../web/src/draw/polyline.js')); });

const R = { x0: 0, y0: 0, x1: 100, y1: 50 };
/** A context that records the path it is given. */
const recorder = () => { const ops = []; return { ops, moveTo: (x, y) => ops.push(['M', x, y]), lineTo: (x, y) => ops.push(['L', x, y]) }; };
const trace = (pts, r = R) => { const c = recorder(); const n = tracePolyline(c, pts.length, (i) => pts[i][0], (i) => pts[i][1], r); return { ops: c.ops, n }; };
const close = (a, b) => a.length === b.length && a.every((op, i) => op[0] === b[i][0] && Math.abs(op[1] - b[i][1]) < 1e-9 && Math.abs(op[2] - b[i][2]) < 1e-9);

test('segments inside are kept whole, in one subpath', () => {
  const { ops, n } = trace([[10, 10], [20, 20], [30, 10]]);
  assert.deepEqual(ops, [['M', 10, 10], ['L', 20, 20], ['L', 30, 10]]);
  assert.equal(n, 2);
});

test('a segment leaving the rectangle ends at its edge; one coming back starts a new subpath at the edge', () => {
  const { ops } = trace([[50, 25], [150, 25], [150, 40], [50, 40]]);
  assert.ok(close(ops, [['M', 50, 25], ['L', 100, 25], ['M', 100, 40], ['L', 50, 40]]), JSON.stringify(ops));
});

test('a segment that crosses the rectangle from outside to outside is cut at both edges', () => {
  const { ops } = trace([[-50, 25], [150, 25]]);
  assert.ok(close(ops, [['M', 0, 25], ['L', 100, 25]]), JSON.stringify(ops));
});

test('a runaway to 1e300 costs nothing off the plot, and its direction is kept', () => {
  const { ops, n } = trace([[10, 10], [20, 20], [1e300, 1e300], [-1e300, 1e300], [-1e300, -1e300]]);
  assert.equal(n, 2, 'only the two segments that touch the plot are traced');
  assert.ok(close(ops, [['M', 10, 10], ['L', 20, 20], ['L', 50, 50]]), JSON.stringify(ops));
  for (const [, x, y] of ops) assert.ok(Math.abs(x) <= 100 && Math.abs(y) <= 100);
});

test('non-finite points break the line; segments that miss the rectangle are left out', () => {
  const { ops } = trace([[10, 10], [20, 10], [NaN, 5], [30, 10], [40, 10], [Infinity, 0], [200, 200], [300, 200]]);
  assert.deepEqual(ops, [['M', 10, 10], ['L', 20, 10], ['M', 30, 10], ['L', 40, 10]]);
  assert.equal(clipSegment(200, 200, 300, 200, R), null);
  assert.equal(clipSegment(-1e308, 0, 1e308, 0, R), null, 'a length that overflows is not drawn');
  assert.deepEqual(clipSegment(0, 0, 100, 50, R), [0, 1], 'the edges belong to the rectangle');
});
