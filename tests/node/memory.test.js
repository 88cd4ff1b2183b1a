// Nothing leaks: long runs, create/delete cycles and failing calls leave the WASM heap (malloc's
// bytes in use, from lab.heapInUse()), its size, the stack pointer and Embind's value handles
// where they were. Each check warms up first, so one-time allocations are not counted.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { loadLab } = require('./lab.js');

function snapshot(lab) {
  return {
    heapInUse: lab.heapInUse(),
    heapSize: lab.HEAP8.buffer.byteLength,
    stack: lab.stackSave(),
    handles: lab.count_emval_handles(),
  };
}

async function assertNoLeak(what, warmUp, body) {
  const lab = await loadLab();
  warmUp(lab);
  const before = snapshot(lab);
  body(lab);
  assert.deepStrictEqual(snapshot(lab), before, `${what} changed the module's memory`);
}

test('10^6 optimizer steps leave the heap unchanged', async () => {
  const params = new Float64Array(4), grads = new Float64Array([0.1, -0.2, 0.3, -0.4]);
  let opt;
  await assertNoLeak('stepping',
    (lab) => { opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.1 }); for (let i = 0; i < 1000; i++) opt.step(params, grads); },
    () => { for (let i = 0; i < 1e6; i++) opt.step(params, grads); });
  assert.strictEqual(opt.steps(), 1e6 + 1000);
  assert.ok(params.every(Number.isFinite));
  opt.delete();
});

const cycles = 1e4;
const classes = {
  Optimizer: (lab) => { const o = lab.createOptimizer({ kind: 'adam', lr: 0.01 }); o.step([1, 2], [0.5, 0.5]); o.effectiveRate(); o.delete(); },
  Network: (lab) => { const n = new lab.Network({ layers: [2, 16, 1], seed: 3 }); n.predict([0.5, -0.5]); n.getParams(); n.delete(); },
  TrainingRun: (lab) => {
    const r = new lab.TrainingRun({ network: { layers: [2, 4, 1] }, optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'xor', n_samples: 16 } });
    r.epoch(); r.losses(); r.delete();
  },
};
for (const [name, cycle] of Object.entries(classes)) {
  test(`10^4 create/delete cycles of ${name} leave the heap unchanged`, async () => {
    await assertNoLeak(`${name} cycles`,
      (lab) => { for (let i = 0; i < 100; i++) cycle(lab); },
      (lab) => { for (let i = 0; i < cycles; i++) cycle(lab); });
  });
}

test('the free functions leave the heap unchanged', async () => {
  const calls = (lab) => {
    lab.stepTable({ steps: 20 });
    lab.runQuadratic({ scales: [1, 10], steps: 50, optimizer: { kind: 'rmsprop' } });
    lab.makeDataset({ kind: 'gaussians', n_samples: 50 });
    lab.linearRegressionMinimum({ x: [0, 1, 2], y: [1, 2, 4], dim: 1 });
    lab.optionNames('adam');
  };
  await assertNoLeak('free functions',
    (lab) => { for (let i = 0; i < 100; i++) calls(lab); },
    (lab) => { for (let i = 0; i < 2000; i++) calls(lab); });
});

test('10^4 failing calls leave heap, stack and handles unchanged', async () => {
  const fail = (lab, i) => {
    assert.throws(() => lab.createOptimizer({ kind: 'adagrad', lr: -i }), Error);
    assert.throws(() => new lab.Network({ layers: [2, 0, 1], activation: 'relu' }), Error);
    assert.throws(() => lab.runQuadratic({ scales: [1, 2], x0: [1, NaN], steps: 3, optimizer: { kind: 'sgd' } }), Error);
    assert.throws(() => lab.makeDataset({ kind: 'a data set name long enough to live on the heap' }), Error);
  };
  let opt;
  await assertNoLeak('failing calls',
    (lab) => { opt = lab.createOptimizer({ kind: 'sgd' }); for (let i = 0; i < 100; i++) fail(lab, i); },
    (lab) => {
      for (let i = 0; i < cycles; i++) {
        fail(lab, i);
        assert.throws(() => opt.step([1, 2], [1, Infinity]), Error);
      }
    });
  opt.delete();
});
