// Issue 14's repros against the module: sizes whose product overflows wasm32's 32-bit size_t,
// texts too long to convert, inputs whose getters delete the object being called, arrays that
// cannot hold a step's result, and calls that never returned. Each is refused with an Error that
// names what is wrong, and the module works afterwards with its heap, stack and handles unchanged.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

const snapshot = (lab) => ({ heap: lab.heapInUse(), stack: lab.stackSave(), handles: lab.count_emval_handles() });

/** Runs `call`, which must throw an Error matching `message`; then a valid call succeeds and the
 *  module's memory is as it was. */
async function refused(call, message) {
  const lab = await loadLab();
  try { call(lab); } catch { /* warm-up: one-time allocations */ }
  const before = snapshot(lab);
  assert.throws(() => call(lab), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && message.test(e.message), String(call));
  assert.deepEqual(snapshot(lab), before, `memory after ${call}`);
  const net = new lab.Network({ layers: [2, 3, 1] });
  assert.equal(net.numParams(), 13);
  net.delete();
  assert.equal(lab.stepTable({ x0: 4, lr: 1, steps: 3 })[2].x_new.toFixed(5), '1.96727');
}

test('sizes that overflow 32 bits are refused, naming the field, and nothing is corrupted', async () => {
  const lab = await loadLab();
  const live = new lab.Network({ layers: [2, 10, 1] });
  await refused((l) => l.linearRegressionMinimum({ x: new Float64Array(65536).fill(1), y: [1], dim: 65536 }), /^dim must be at most 2048 to solve for the minimum, got 65536$/);
  await refused((l) => { const n = new l.Network({ layers: [4096, 1] }); try { n.evaluate(new Float64Array(0), new Float64Array(2 ** 20)); } finally { n.delete(); } },
    /^x would hold 1048576 × 4096 values, more than the limit of 33554432$/);
  await refused((l) => new l.TrainingRun({ network: { layers: [4096, 1] }, optimizer: { kind: 'sgd' }, data: { x: [], y: new Float64Array(2 ** 20), dim: 4096 } }),
    /^x would hold 1048576 × 4096 values/);
  await refused((l) => l.linearRegressionValue({ x: new Float64Array(65536), y: new Float64Array(65537), dim: 65536 }, new Float64Array(65537)),
    /^x would hold 65537 × 65536 values/);
  await refused((l) => new l.Network({ layers: [2, ...Array(257).fill(4096), 1] }), /^layers would hold more than the limit of 33554432 values$/);
  assert.equal(live.numParams(), 41, 'a live network is untouched');
  live.delete();
});

test('batch_size beyond the data trains full batch; 2³² + 3 is not silently 3', async () => {
  const lab = await loadLab();
  const data = { kind: 'xor', n_samples: 40, seed: 1 };
  const losses = (batch) => {
    const run = new lab.TrainingRun({ network: { layers: [2, 4, 1] }, optimizer: { kind: 'sgd', lr: 0.1 }, data, batch_size: batch });
    try { run.epochs(3); return Array.from(run.losses()); } finally { run.delete(); }
  };
  const full = losses(0);
  assert.deepEqual(losses(2 ** 32 + 3), full);
  assert.notDeepEqual(losses(3), full);
});

test('epochs(2⁵³) is refused instead of running for ever', async () => {
  const epochs = (k) => (l) => { const r = new l.TrainingRun({ optimizer: { kind: 'sgd' }, data: { kind: 'xor', n_samples: 8 } }); try { r.epochs(k); } finally { r.delete(); } };
  await refused(epochs(2 ** 53), /^count must be/);
  await refused(epochs(1e7), /^count must be at most 1000000 epochs per call, got 10000000$/);
});

test('a text too long to convert is refused before it reaches WASM', async () => {
  await refused((l) => l.tokenize('€'.repeat(1000001)), /^tokenize: a text of 1000001 characters is longer than the limit of 1000000$/);
  await refused((l) => l.bagOfWords(['good film', 'x'.repeat(2e6)], [1, 0]), /^bagOfWords: a text of 2000000 characters/);
});

test('a getter that deletes the object being called cannot reach freed memory', async () => {
  const lab = await loadLab();
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.1 });
  const g = [1, 2];
  Object.defineProperty(g, 1, { get() { opt.delete(); return 2; } });
  assert.throws(() => opt.step(new Float64Array(2), g), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  const net = new lab.Network({ layers: [2, 3, 1] });
  const p = Array.from(net.getParams());
  Object.defineProperty(p, 0, { get() { net.delete(); return 0.5; } });
  assert.throws(() => net.setParams(p), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  await refused((l) => l.stepTable({ get x0() { throw new Error('getter failed'); } }), /^getter failed$/);
});

test('a throwing getter, 10 000 times, leaves heap, stack and handles where they were', async () => {
  const lab = await loadLab();
  const bad = { get x0() { throw new Error('no'); } };
  try { lab.stepTable(bad); } catch { /* warm-up */ }
  const before = snapshot(lab);
  for (let i = 0; i < 10000; i++) assert.throws(() => lab.stepTable(bad));
  assert.deepEqual(snapshot(lab), before);
});

test('step() refuses arrays that cannot hold its result, and writes back into those that can', async () => {
  const lab = await loadLab();
  const sgd = lab.createOptimizer({ kind: 'sgd', lr: 1 });
  assert.throws(() => sgd.step(new Uint8Array([0]), [1]), { message: /^params must be a Float64Array or an array of numbers, got Uint8Array/ });
  assert.throws(() => sgd.step(Object.freeze([0]), [1]), { message: /^params is frozen/ });
  const plainParams = [0, 0];
  sgd.step(plainParams, [1, -2]);
  assert.deepEqual(plainParams, [-1, 2]);
  const typed = new Float64Array([1, 1]);
  sgd.step(typed, [0.5, 0.25]);
  assert.deepEqual(Array.from(typed), [0.5, 0.75]);
  sgd.delete();
});

test('messages name the field: stepTable’s overflowing lr, makeDataset’s kind', async () => {
  await refused((l) => l.stepTable({ x0: 4, lr: 1e308, steps: 5 }), /^lr = 1e\+308 is too large: at step \d+ x reached .* and its gradient overflows$/);
  await refused((l) => l.makeDataset({ kind: 'moons' }), /^kind must be one of "spiral"/);
});
