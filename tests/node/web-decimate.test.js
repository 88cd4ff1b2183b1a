// The spiral's history drawing (issue 14: every frame stroked the whole history, and play slowed
// from 60 to 7 fps): decimate keeps at most 2 · buckets + 1 points, with each bucket's extremes.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

let decimate;
test.before(async () => { ({ decimate } = await import('../../web/src/draw/decimate.js')); });

test('a short history is kept whole, at epochs 1, 2, …', () => {
  const { x, y } = decimate([3, 2, 1]);
  assert.deepEqual(x, [1, 2, 3]);
  assert.deepEqual(y, [3, 2, 1]);
});

test('a long history is bounded, keeps its extremes, its order and its last point', () => {
  const n = 100000, y = Float64Array.from({ length: n }, (_, k) => Math.sin(k / 100) + (k === 54321 ? 50 : 0));
  y[77777] = NaN;
  const d = decimate(y);
  assert.ok(d.x.length <= 1001, `${d.x.length} points`);
  for (let i = 1; i < d.x.length; i++) assert.ok(d.x[i] > d.x[i - 1]);
  assert.ok(d.y.includes(y[54321]), 'the spike is kept');
  assert.ok(d.y.some(Number.isNaN), 'the NaN is kept');
  assert.equal(d.x[d.x.length - 1], n);
  assert.equal(d.y[d.y.length - 1], y[n - 1]);
});
