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
  Network: (lab) => { const n = new lab.Network({ layers: [2, 16, 1], seed: 3 }); n.predict([0.5, -0.5]); n.getParams(); n.delete(); },
  TrainingRun: (lab) => {
    const r = new lab.TrainingRun({ network: { layers: [2, 4, 1] }, optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'xor', n_samples: 16 } });
    r.epoch(); r.losses(); r.delete();
  },
};
for (const kind of ['sgd', 'adagrad', 'rmsprop', 'adam']) {
  classes[`Optimizer (${kind})`] = (lab) => {
    const o = lab.createOptimizer({ kind, lr: 0.01 });
    o.step([1, 2], [0.5, 0.5]);
    o.lastUpdate();
    if (kind !== 'sgd') o.effectiveRate();
    o.delete();
  };
}
for (const [name, cycle] of Object.entries(classes)) {
  test(`10^4 create/delete cycles of ${name} leave the heap unchanged`, async () => {
    await assertNoLeak(`${name} cycles`,
      (lab) => { for (let i = 0; i < 100; i++) cycle(lab); },
      (lab) => { for (let i = 0; i < cycles; i++) cycle(lab); });
  });
}

// 10^5 epochs of a small network, 10^4 at a time. A run keeps one loss and one accuracy an
// epoch (two std::vectors, whose capacity doubles: the smallest power of two >= epochs), so after
// the first chunk the heap grows by exactly those two vectors' growth and nothing else; deleting the
// run gives everything back.
test('10^5 epochs of a network in chunks of 10^4: the heap grows only by the loss history, and is all returned', async () => {
  const lab = await loadLab();
  const spec = { network: { layers: [2, 8, 1] }, optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'xor', n_samples: 32, seed: 1 }, batch_size: 8 };
  new lab.TrainingRun(spec).delete();  // warm-up
  const before = snapshot(lab);
  const run = new lab.TrainingRun(spec);
  const capacity = (n) => 2 ** Math.ceil(Math.log2(n));
  const history = (n) => 2 * 8 * capacity(n);  // bytes of the two vectors
  let first, last;
  const growth = [];
  for (let chunk = 1; chunk <= 10; chunk++) {
    last = run.epochs(1e4);
    const heap = lab.heapInUse();
    if (chunk === 1) first = heap;
    growth.push(heap - first);
    // exactly: a reallocated vector's new block has the same malloc header as the old one
    assert.ok(heap - first === history(chunk * 1e4) - history(1e4),
      `chunk ${chunk}: the heap grew by ${heap - first} bytes, the histories by ${history(chunk * 1e4) - history(1e4)}`);
  }
  assert.strictEqual(run.epochsDone(), 1e5);
  assert.strictEqual(last.epoch, 1e5 - 1);  // counted from 0
  assert.ok(Number.isFinite(last.loss) && !last.diverged && last.accuracy === 1, JSON.stringify(last));
  assert.strictEqual(run.losses().length, 1e5);
  run.delete();
  assert.deepStrictEqual(snapshot(lab), before, 'after delete()');
  console.log(`# heap growth after each chunk of 10^4 epochs: ${growth.join(', ')} bytes`);
});

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
