// The spiral's loss and accuracy histories (issue 14: every frame copied and stroked the whole
// history, and play slowed from 60 to 7 fps over three minutes): a history grown one epoch at a
// time keeps each bucket's extremes, and what a frame draws stays bounded however long it plays.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

let history;
test.before(async () => { ({ history } = await import('../../web/src/draw/decimate.js')); });

test('a short history is kept whole, at epochs 1, 2, …', () => {
  const h = history();
  for (const v of [3, 2, 1]) h.push(v);
  assert.deepEqual(h.points(), { x: [1, 2, 3], y: [3, 2, 1] });
  assert.equal(h.length, 3);
});

test('a long history is bounded, keeps its extremes, its order and its last point', () => {
  const n = 100000, h = history();
  const y = Float64Array.from({ length: n }, (_, k) => Math.sin(k / 100) + (k === 54321 ? 50 : 0) - (k === 12345 ? 50 : 0));
  y[77777] = NaN;
  for (const v of y) h.push(v);
  const d = h.points();
  assert.ok(d.x.length <= 1003, `${d.x.length} points`);
  assert.equal(d.x.length, d.y.length);
  for (let i = 1; i < d.x.length; i++) assert.ok(d.x[i] > d.x[i - 1]);
  for (let i = 0; i < d.x.length; i++) assert.ok(Object.is(d.y[i], y[d.x[i] - 1]), `point ${i} is a point of the history`);
  assert.ok(d.y.includes(y[54321]), 'the spike is kept');
  assert.ok(d.y.includes(y[12345]), 'the dip is kept');
  assert.ok(d.y.some(Number.isNaN), 'the NaN is kept');
  assert.equal(d.x[0], 1);
  assert.equal(d.x[d.x.length - 1], n);
  assert.equal(d.y[d.y.length - 1], y[n - 1]);
});

test('pushing and drawing cost the same at epoch 10⁶ as at epoch 10³', () => {
  const h = history();
  const time = (k) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < k; i++) { h.push(Math.random()); if (i % 250 === 0) h.points(); }
    return Number(process.hrtime.bigint() - t0) / k;
  };
  time(1000);
  const early = time(20000);
  for (let i = 0; i < 1e6; i++) h.push(Math.random());
  const late = time(20000);
  assert.ok(h.points().x.length <= 1003);
  assert.ok(late < 5 * early + 200, `${early.toFixed(0)} ns a point early, ${late.toFixed(0)} ns late`);
});
