// story/curvature.js, which the valley's and the line fit's words rely on: the stretch of a
// one-input least-squares loss and what is left after the best per-coordinate rescaling.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

let curvature;
test.before(async () => { ({ curvature } = await import('../../web/src/story/curvature.js')); });

test('a 0/1 column of density p: after rescaling each axis the valley is (1 + √p)/(1 − √p), the tie √p', () => {
  for (const p of [0.01, 0.05, 0.2, 0.5, 0.9]) {
    const x = Array.from({ length: 1000 }, (_, i) => (i < p * 1000 ? 1 : 0));
    const k = curvature(x), r = Math.sqrt(p);
    assert.ok(Math.abs(k.tie - r) < 1e-12, `${p}`);
    assert.ok(Math.abs(k.diagonal - (1 + r) / (1 - r)) < 1e-9, `${p}: ${k.diagonal}`);
    assert.ok(k.stretch >= k.diagonal, `${p}: rescaling never makes it worse`);
  }
});

test('centred data of variance 1 is a round bowl as it is; data of other scale is round after rescaling', () => {
  const x = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1));
  assert.ok(Math.abs(curvature(x).stretch - 1) < 1e-12);
  const scaled = x.map((v) => 30 * v);
  assert.ok(curvature(scaled).stretch > 800);
  assert.ok(Math.abs(curvature(scaled).diagonal - 1) < 1e-12);
});
