// Native and WASM agree. tests/cross/adagrad_cross_dump (built by the native preset; path in
// $ADAGRAD_NATIVE_DUMP) prints fixed scenarios and the native core's results as %.17g JSON;
// here the same scenarios run through the WASM module. Data sets, gradient histories, seeded
// weights, optimizer paths and whole training runs (losses, accuracies, final weights) must be
// bit-identical: the core uses no libm function whose rounding differs between glibc and musl.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { root, loadLab } = require('./lab.js');

const dumpTool = path.resolve(root, process.env.ADAGRAD_NATIVE_DUMP || 'build/native/tests/cross/adagrad_cross_dump');
const native = JSON.parse(execFileSync(dumpTool, { encoding: 'utf8', maxBuffer: 64 << 20 }));

// Bit-for-bit: Object.is also tells -0 from 0 (and would accept NaN for NaN).
function assertIdentical(got, want, what) {
  assert.strictEqual(got.length, want.length, `${what}: ${got.length} values, native has ${want.length}`);
  for (let i = 0; i < want.length; i++)
    if (!Object.is(got[i], want[i])) assert.fail(`${what}[${i}]: WASM ${got[i]}, native ${want[i]}`);
}

function assertClose(got, want, abs, what) {
  assert.strictEqual(got.length, want.length, `${what}: ${got.length} values, native has ${want.length}`);
  for (let i = 0; i < want.length; i++)
    if (!(Math.abs(got[i] - want[i]) <= abs)) assert.fail(`${what}[${i}]: WASM ${got[i]}, native ${want[i]}, diff ${Math.abs(got[i] - want[i])} > ${abs}`);
}

const describeData = (o) => `${o.kind} n_samples=${o.n_samples} noise=${o.noise} seed=${o.seed}`;

test('the native dump has scenarios of every kind', () => {
  const kinds = new Set(native.datasets.map((d) => d.options.kind));
  assert.deepStrictEqual([...kinds].sort(), ['circle', 'gaussians', 'spiral', 'xor']);
  assert.ok(native.training.length > 0 && native.paths.length > 0);
});

for (const d of native.datasets) {
  test(`same seed, same data set: ${describeData(d.options)}`, async () => {
    const lab = await loadLab();
    const got = lab.makeDataset(d.options);
    assert.strictEqual(got.n, d.n);
    assert.strictEqual(got.dim, d.dim);
    assertIdentical(got.x, d.x, `${d.options.kind} x`);
    assertIdentical(got.y, d.y, `${d.options.kind} y`);
  });
}

for (const d of native.regression) {
  test(`same seed, same regression set: ${describeData(d.options)} density=${d.options.density}`, async () => {
    const lab = await loadLab();
    const got = lab.makeRegressionDataset(d.options);
    assert.deepStrictEqual([got.n, got.dim], [d.n, d.dim]);
    assertIdentical(got.x, d.x, `${d.options.kind} x`);
    assertIdentical(got.y, d.y, `${d.options.kind} y`);
  });
}

for (const h of native.gradient_histories) {
  test(`same seed, same gradient histories: ${JSON.stringify(h.options)}`, async () => {
    const lab = await loadLab();
    const got = lab.gradientHistories(h.options);
    assertIdentical(got.frequent, h.frequent, 'frequent');
    assertIdentical(got.rare, h.rare, 'rare');
  });
}

for (const t of native.training) {
  const name = `${t.network.layers.join('-')} ${t.network.activation}, ${t.optimizer.kind}, ${describeData(t.data)}, batch ${t.batch_size}`;

  test(`same seed, same initial weights: ${name}`, async () => {
    const lab = await loadLab();
    const net = new lab.Network(t.network);
    try {
      assertIdentical(net.getParams(), t.params0, 'params');
    } finally {
      net.delete();
    }
  });

  test(`same weights, same losses: ${name}`, async () => {
    const lab = await loadLab();
    const run = new lab.TrainingRun({
      network: t.network, params: Float64Array.from(t.params0), optimizer: t.optimizer, data: t.data,
      batch_size: t.batch_size, shuffle_seed: t.shuffle_seed,
    });
    try {
      run.epochs(t.epochs);
      assert.strictEqual(run.epochsDone(), t.epochs_done);
      assertClose(run.losses(), t.losses, 0, 'loss');
      assertClose(run.accuracies(), t.accuracies, 0, 'accuracy');
      assertClose(run.getParams(), t.final, 0, 'final weight');
    } finally {
      run.delete();
    }
  });
}

for (const p of native.paths) {
  test(`same optimizer path: ${p.optimizer.kind} ${JSON.stringify(p.optimizer)} on scales ${p.scales}`, async () => {
    const lab = await loadLab();
    const got = lab.runQuadratic({ scales: p.scales, x0: p.x0, steps: p.steps, optimizer: p.optimizer });
    assertIdentical(got.params, p.params, 'params');
    assertIdentical(got.values, p.values, 'values');
  });
}
