// The JS API contract (docs/api.md): shapes, defaults, in-place updates, copies not views.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { loadLab } = require('./lab.js');

const isWasmMemory = (lab, a) => a.buffer === lab.HEAP8.buffer;

test('the factory loads under require() and resolves to the API', async () => {
  const lab = await loadLab();
  for (const name of ['createOptimizer', 'optionNames', 'stepTable', 'quadraticValue', 'quadraticGradient',
    'runQuadratic', 'runLinearRegression', 'linearRegressionValue', 'linearRegressionMinimum', 'makeDataset',
    'Network', 'TrainingRun', 'heapInUse'])
    assert.strictEqual(typeof lab[name], 'function', name);
  assert.strictEqual(lab._createNetwork, undefined, 'raw factories stay hidden');
});

test('optimizers step a Float64Array in place and report their state', async () => {
  const lab = await loadLab();
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.1, eps: 1e-8, eps_placement: 'inside' });
  try {
    assert.strictEqual(opt.kind(), 'adagrad');
    assert.strictEqual(opt.steps(), 0);
    const params = new Float64Array([1, 2]);
    opt.step(params, new Float64Array([0.5, -1]));
    assert.strictEqual(opt.steps(), 1);
    // G = g², rate = lr / sqrt(G + eps), update = -rate * g
    assert.deepStrictEqual(Array.from(opt.sum()), [0.25, 1]);
    assert.deepStrictEqual(Array.from(opt.effectiveRate()), [0.1 / Math.sqrt(0.25 + 1e-8), 0.1 / Math.sqrt(1 + 1e-8)]);
    const update = opt.lastUpdate();
    assert.deepStrictEqual(Array.from(params), [1 + update[0], 2 + update[1]]);
    for (const a of [opt.sum(), opt.effectiveRate(), opt.lastUpdate()]) {
      assert.ok(a instanceof Float64Array);
      assert.ok(!isWasmMemory(lab, a), 'a copy, not a view of WASM memory');
    }
    opt.reset();
    assert.strictEqual(opt.steps(), 0);
    assert.strictEqual(opt.sum().length, 0);
  } finally {
    opt.delete();
  }
});

test('plain arrays work too, and are updated in place', async () => {
  const lab = await loadLab();
  const opt = lab.createOptimizer({ kind: 'sgd', lr: 0.5 });
  const params = [1, 2];
  opt.step(params, [1, -2]);
  assert.deepStrictEqual(params, [0.5, 3]);
  opt.delete();
});

test('every kind with its PyTorch defaults', async () => {
  const lab = await loadLab();
  assert.deepStrictEqual(lab.optionNames('sgd'), ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov']);
  assert.deepStrictEqual(lab.optionNames('adagrad'), ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'eps_placement']);
  assert.deepStrictEqual(lab.optionNames('rmsprop'), ['lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered']);
  assert.deepStrictEqual(lab.optionNames('adam'), ['lr', 'beta1', 'beta2', 'eps', 'weight_decay', 'amsgrad']);
  for (const kind of ['sgd', 'adagrad', 'rmsprop', 'adam']) {
    const opt = lab.createOptimizer({ kind });
    const p = new Float64Array([1]);
    opt.step(p, new Float64Array([1]));
    assert.ok(p[0] < 1, kind);
    assert.strictEqual(opt.kind(), kind);
    opt.delete();
  }
});

test('effectiveRate() for every adaptive kind', async () => {
  const lab = await loadLab();
  for (const kind of ['adagrad', 'rmsprop', 'adam']) {
    const opt = lab.createOptimizer({ kind, lr: 0.1 });
    assert.strictEqual(opt.effectiveRate().length, 0, 'empty before the first step');
    opt.step([1, 2, 3], [0.1, 0.2, 0.3]);
    const rate = opt.effectiveRate();
    assert.strictEqual(rate.length, 3, kind);
    assert.ok(rate.every((r) => r > 0), kind);
    opt.delete();
  }
});

test('sum() refuses other kinds with a clear Error', async () => {
  const lab = await loadLab();
  const opt = lab.createOptimizer({ kind: 'adam' });
  assert.throws(() => opt.sum(), { message: 'sum() is only available for adagrad, this optimizer is adam' });
  opt.delete();
});

test('lastUpdate() is the change each kind applied, for every kind', async () => {
  const lab = await loadLab();
  for (const spec of [{ kind: 'sgd', lr: 0.1, momentum: 0.9 }, { kind: 'adagrad', lr: 0.1 },
                      { kind: 'rmsprop', lr: 0.01, centered: true }, { kind: 'adam', lr: 0.1, amsgrad: true }]) {
    const opt = lab.createOptimizer(spec);
    try {
      assert.strictEqual(opt.lastUpdate().length, 0, `${spec.kind}: empty before a step`);
      const x = new Float64Array([1, -2, 3]);
      for (let t = 0; t < 3; t++) {
        const before = Float64Array.from(x);
        opt.step(x, [0.5, -1, 2 + t]);
        const update = opt.lastUpdate();
        for (let i = 0; i < 3; i++) assert.strictEqual(before[i] + update[i], x[i], `${spec.kind} step ${t} param ${i}`);
      }
    } finally {
      opt.delete();
    }
  }
});

test('optionDefaults gives PyTorch\'s defaults for each kind, read from C++', async () => {
  const lab = await loadLab();
  assert.deepStrictEqual(lab.optionDefaults('adagrad'),
    { lr: 0.01, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10, eps_placement: 'outside' });
  assert.deepStrictEqual(lab.optionDefaults('sgd'), { lr: 0.001, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false });
  assert.deepStrictEqual(lab.optionDefaults('rmsprop'), { lr: 0.01, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false });
  assert.deepStrictEqual(lab.optionDefaults('adam'), { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false });
  for (const kind of ['sgd', 'adagrad', 'rmsprop', 'adam']) assert.deepStrictEqual(Object.keys(lab.optionDefaults(kind)), lab.optionNames(kind));
  assert.throws(() => lab.optionDefaults('lion'), { message: 'kind must be one of "sgd", "adagrad", "rmsprop", "adam", got "lion"' });
});

test("the manual step table reproduces the notebook's numbers", async () => {
  const lab = await loadLab();
  const rows = lab.stepTable();
  assert.strictEqual(rows.length, 10);
  assert.deepStrictEqual(Object.keys(rows[0]), ['t', 'x', 'grad', 'sum', 'effective_rate', 'update', 'x_new']);
  assert.deepStrictEqual([rows[0].t, rows[0].x, rows[0].grad, rows[0].sum], [1, 4, 8, 64]);
  assert.ok(Math.abs(rows[0].x_new - 3) < 1e-8 && Math.abs(rows[1].x_new - 2.4) < 1e-8);
  assert.ok(Math.abs(rows[2].x_new - 1.9673) < 1e-4);
  const inside = lab.stepTable({ x0: 1, lr: 0.5, eps: 1e-8, eps_placement: 'inside', steps: 3, scale: 2 });
  assert.strictEqual(inside.length, 3);
  assert.strictEqual(inside[0].grad, 4);
  assert.strictEqual(inside[0].effective_rate, 0.5 / Math.sqrt(16 + 1e-8));
});

test('quadratic value and gradient', async () => {
  const lab = await loadLab();
  assert.strictEqual(lab.quadraticValue([1, 10], [3, 2]), 49);
  assert.deepStrictEqual(Array.from(lab.quadraticGradient(new Float64Array([1, 10]), [3, 2])), [6, 40]);
});

test('runQuadratic returns the whole path', async () => {
  const lab = await loadLab();
  const r = lab.runQuadratic({ scales: [1, 10], x0: [3, 2], steps: 60, optimizer: { kind: 'adagrad', lr: 0.5 } });
  assert.strictEqual(r.dim, 2);
  assert.strictEqual(r.stepsTaken, 60);
  assert.strictEqual(r.divergedAt, null);
  assert.ok(r.params instanceof Float64Array && r.params.length === 61 * 2);
  assert.ok(r.values instanceof Float64Array && r.values.length === 61);
  assert.deepStrictEqual(Array.from(r.params.subarray(0, 2)), [3, 2]);
  assert.strictEqual(r.values[0], 49);
  assert.ok(r.values[60] < r.values[0]);
  // x0 defaults to the objective's start (5 in every coordinate)
  assert.deepStrictEqual(Array.from(lab.runQuadratic({ scales: [1], steps: 0, optimizer: { kind: 'sgd' } }).params), [5]);
});

test('a run that blows up stops and says where', async () => {
  const lab = await loadLab();
  const r = lab.runQuadratic({ scales: [1], x0: [1], steps: 1000, optimizer: { kind: 'sgd', lr: 10 } });
  assert.strictEqual(typeof r.divergedAt, 'number');
  assert.strictEqual(r.stepsTaken, r.divergedAt - 1);
  assert.strictEqual(r.values.length, r.stepsTaken + 1);
  assert.ok(r.values.every(Number.isFinite));
});

test('linear regression: value, minimum and a run towards it', async () => {
  const lab = await loadLab();
  const data = { x: new Float64Array([0, 1, 2, 3]), y: new Float64Array([1, 3, 5, 7]), dim: 1 };
  const min = lab.linearRegressionMinimum(data);
  assert.ok(Math.abs(min[0] - 2) < 1e-12 && Math.abs(min[1] - 1) < 1e-12);
  assert.ok(lab.linearRegressionValue(data, min) < 1e-24);
  assert.strictEqual(lab.linearRegressionValue(data, [0, 0]), (1 + 9 + 25 + 49) / 4);
  const r = lab.runLinearRegression({ ...data, x0: [0, 0], steps: 3000, optimizer: { kind: 'adagrad', lr: 0.5 } });
  assert.strictEqual(r.dim, 2);
  assert.strictEqual(r.params.length, 3001 * 2);
  const last = r.params.subarray(3000 * 2);
  assert.ok(Math.abs(last[0] - 2) < 1e-3 && Math.abs(last[1] - 1) < 1e-3, `ended at ${last}`);
  // x0 defaults to zeros
  assert.deepStrictEqual(Array.from(lab.runLinearRegression({ ...data, steps: 0, optimizer: { kind: 'sgd' } }).params), [0, 0]);
});

test('makeDataset: seeded, shaped, labelled 0/1', async () => {
  const lab = await loadLab();
  for (const kind of ['spiral', 'circle', 'xor', 'gaussians']) {
    const d = lab.makeDataset({ kind, n_samples: 50, noise: 0.1, seed: 3 });
    assert.strictEqual(d.n, 50);
    assert.strictEqual(d.dim, 2);
    assert.ok(d.x instanceof Float64Array && d.x.length === 100);
    assert.ok(d.y instanceof Float64Array && d.y.length === 50);
    assert.ok(d.y.every((v) => v === 0 || v === 1));
    assert.deepStrictEqual(lab.makeDataset({ kind, n_samples: 50, noise: 0.1, seed: 3 }), d);
    assert.notDeepStrictEqual(lab.makeDataset({ kind, n_samples: 50, noise: 0.1, seed: 4 }).x, d.x);
  }
  const d = lab.makeDataset({ kind: 'spiral' });  // defaults: 300 samples, noise 0.1, seed 42
  assert.strictEqual(d.n, 300);
  assert.deepStrictEqual(lab.makeDataset({ kind: 'spiral', n_samples: 300, noise: 0.1, seed: 42 }), d);
});

test('Network: parameters, prediction, evaluation', async () => {
  const lab = await loadLab();
  const net = new lab.Network({ layers: [2, 10, 1], activation: 'relu', init: 'auto', seed: 42 });
  try {
    assert.ok(net instanceof lab.Network);
    assert.strictEqual(net.numParams(), 2 * 10 + 10 + 10 + 1);
    const p = net.getParams();
    assert.ok(p instanceof Float64Array && p.length === 41 && !isWasmMemory(lab, p));
    const q = p.map((v, i) => v + i * 1e-3);
    net.setParams(q);
    assert.deepStrictEqual(net.getParams(), q);
    const d = lab.makeDataset({ kind: 'xor', n_samples: 40, seed: 1 });
    const prob = net.predict(d.x);
    assert.strictEqual(prob.length, 40);
    assert.ok(prob.every((v) => v > 0 && v < 1));
    const e = net.evaluate(d.x, d.y);
    assert.deepStrictEqual(Object.keys(e), ['loss', 'accuracy']);
    assert.ok(e.loss > 0 && e.accuracy >= 0 && e.accuracy <= 1);
    // The same seed gives the same weights; defaults are [2, 10, 1] relu auto 42.
    const again = new lab.Network({});
    assert.deepStrictEqual(again.getParams(), p);
    again.delete();
  } finally {
    net.delete();
  }
});

test('predictGrid: ny rows of nx, row 0 at the top (y_max)', async () => {
  const lab = await loadLab();
  const net = new lab.Network({ layers: [2, 1] });  // P = sigmoid(w1 x + w2 y + b)
  try {
    net.setParams([0, 20, 0]);  // rises with y
    let g = net.predictGrid({ x_min: -1, x_max: 1, y_min: -1, y_max: 1, nx: 4, ny: 3 });
    assert.strictEqual(g.length, 12);
    assert.ok(g[0] > 0.99 && g[11] < 0.01, 'top row high, bottom row low');
    net.setParams([20, 0, 0]);  // rises with x
    g = net.predictGrid({ x_min: -1, x_max: 1, y_min: -1, y_max: 1, nx: 4, ny: 3 });
    assert.ok(g[0] < 0.01 && g[3] > 0.99, 'left column low, right column high');
    assert.strictEqual(net.predictGrid().length, 100 * 100, 'defaults: 100 x 100 over [-2.5, 2.5]²');
  } finally {
    net.delete();
  }
});

test('TrainingRun: epochs, history, restart', async () => {
  const lab = await loadLab();
  const start = new lab.Network({ layers: [2, 8, 1], seed: 5 });
  const params0 = start.getParams();
  start.delete();
  const run = new lab.TrainingRun({
    network: { layers: [2, 8, 1], activation: 'tanh', seed: 5 }, params: params0,
    optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'circle', n_samples: 100, noise: 0.05, seed: 2 },
    batch_size: 0, shuffle_seed: 0,
  });
  try {
    assert.ok(run instanceof lab.TrainingRun);
    const first = run.epoch();
    assert.deepStrictEqual(Object.keys(first), ['epoch', 'loss', 'accuracy', 'diverged']);
    assert.strictEqual(first.epoch, 0);
    assert.strictEqual(first.diverged, false);
    const last = run.epochs(49);
    assert.strictEqual(last.epoch, 49);
    assert.strictEqual(run.epochsDone(), 50);
    assert.strictEqual(run.divergedAt(), null);
    const losses = run.losses();
    assert.ok(losses instanceof Float64Array && losses.length === 50);
    assert.strictEqual(losses[0], first.loss);
    assert.strictEqual(losses[49], last.loss);
    assert.ok(losses[49] < losses[0]);
    assert.strictEqual(run.accuracies().length, 50);
    assert.strictEqual(run.getParams().length, params0.length);
    assert.strictEqual(run.predictGrid({ nx: 5, ny: 7 }).length, 35);
    const data = run.data();
    assert.deepStrictEqual(data, lab.makeDataset({ kind: 'circle', n_samples: 100, noise: 0.05, seed: 2 }));
    const e = run.evaluate(data.x, data.y);
    assert.ok(Math.abs(e.loss - run.epoch().loss) < 1e-2);
    // restart() goes back to the weights the run started from, restart(p) to p.
    run.restart();
    assert.strictEqual(run.epochsDone(), 0);
    assert.deepStrictEqual(run.getParams(), params0);
    assert.strictEqual(run.epoch().loss, first.loss);
    const p = params0.map((v) => v / 2);
    run.restart(p);
    assert.deepStrictEqual(run.getParams(), p);
  } finally {
    run.delete();
  }
});

test('TrainingRun: explicit data equals generated data; mini-batches are seeded', async () => {
  const lab = await loadLab();
  const d = lab.makeDataset({ kind: 'spiral', n_samples: 60, seed: 8 });
  const make = (data, extra = {}) => new lab.TrainingRun({ optimizer: { kind: 'adam', lr: 0.01 }, data, ...extra });
  const a = make({ kind: 'spiral', n_samples: 60, seed: 8 }), b = make({ x: d.x, y: d.y, dim: 2 }), c = make({ x: d.x, y: d.y });
  a.epochs(20); b.epochs(20); c.epochs(20);
  assert.deepStrictEqual(a.losses(), b.losses());
  assert.deepStrictEqual(a.losses(), c.losses(), 'dim defaults to the network input count');
  const m1 = make(d, { batch_size: 16, shuffle_seed: 3 }), m2 = make({ x: d.x, y: d.y, dim: 2 }, { batch_size: 16, shuffle_seed: 3 });
  m1.epochs(5); m2.epochs(5);
  assert.deepStrictEqual(m1.losses(), m2.losses());
  assert.notDeepStrictEqual(m1.losses(), a.losses().subarray(0, 5));
  for (const r of [a, b, c, m1, m2]) r.delete();
});

test('TrainingRun: divergence stops the run and keeps the last good weights', async () => {
  const lab = await loadLab();
  const run = new lab.TrainingRun({ optimizer: { kind: 'sgd', lr: 1e300 }, data: { kind: 'gaussians', n_samples: 20 } });
  const before = run.getParams();
  let s = run.epochs(10);
  if (!s.diverged) s = run.epochs(10);
  assert.strictEqual(s.diverged, true);
  assert.ok(Number.isNaN(s.loss));
  assert.strictEqual(typeof run.divergedAt(), 'number');
  assert.ok(run.getParams().every(Number.isFinite));
  assert.strictEqual(run.epochsDone(), run.divergedAt());
  assert.ok(before.length > 0);
  run.delete();
});

test('results survive memory growth: nothing returned is a view of WASM memory', async () => {
  const lab = await loadLab();
  const net = new lab.Network({});
  const p = net.getParams();
  const copy = Array.from(p);
  const bytes = lab.HEAP8.buffer.byteLength;
  const big = net.predictGrid({ nx: 4096, ny: 1024 });  // 32 MB of output: grows the heap
  assert.ok(lab.HEAP8.buffer.byteLength > bytes, 'the heap grew');
  assert.strictEqual(big.length, 4096 * 1024);
  assert.deepStrictEqual(Array.from(p), copy);
  net.delete();
});

test('trajectories record the effective rate of each step', async () => {
  const lab = await loadLab();
  const r = lab.runQuadratic({ scales: [1, 10], x0: [3, 2], steps: 5, optimizer: { kind: 'adagrad', lr: 0.5 } });
  assert.ok(r.rates instanceof Float64Array && r.rates.length === 5 * 2);
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.5 });
  const x = new Float64Array([3, 2]);
  opt.step(x, lab.quadraticGradient([1, 10], x));
  assert.deepStrictEqual(r.rates.subarray(0, 2), opt.effectiveRate());
  opt.delete();
  assert.strictEqual(lab.runQuadratic({ scales: [1], steps: 5, optimizer: { kind: 'sgd' } }).rates.length, 0, 'none for sgd');
});

test("the reset pitfall: AdaGrad re-created every step takes fixed-size steps", async () => {
  const lab = await loadLab();
  const options = { scales: [1], x0: [5], steps: 10, optimizer: { kind: 'adagrad', lr: 0.1 } };
  const bad = lab.runQuadratic({ ...options, reset_state_every_step: true });
  for (let s = 1; s <= 10; s++) assert.ok(Math.abs(bad.params[s - 1] - bad.params[s] - 0.1) < 1e-9, `step ${s}`);
  const good = lab.runQuadratic({ ...options, reset_state_every_step: false });
  assert.deepStrictEqual(good, lab.runQuadratic(options));
  assert.notDeepStrictEqual(good.params, bad.params);
  const reg = lab.runLinearRegression({ x: [0, 1], y: [1, 3], dim: 1, steps: 3, optimizer: { kind: 'adagrad', lr: 0.1 }, reset_state_every_step: true });
  assert.strictEqual(reg.stepsTaken, 3);
});

test('value grids: the loss surface for contour plots, row 0 at the top', async () => {
  const lab = await loadLab();
  const g = lab.quadraticValueGrid([1, 10], { x_min: -1, x_max: 1, y_min: -1, y_max: 1, nx: 2, ny: 2 });
  assert.deepStrictEqual(Array.from(g), [2.75, 2.75, 2.75, 2.75]);
  assert.strictEqual(lab.quadraticValueGrid([1, 10]).length, 100 * 100, 'default grid');
  const data = { x: [0, 1, 2], y: [1, 3, 5], dim: 1 };
  const grid = { x_min: 0, x_max: 4, y_min: -2, y_max: 2, nx: 4, ny: 2 };  // (w, b) plane
  const v = lab.linearRegressionValueGrid(data, grid);
  assert.strictEqual(v.length, 8);
  assert.strictEqual(v[0], lab.linearRegressionValue(data, [0.5, 1]), 'row 0: b at the top');
  assert.strictEqual(v[7], lab.linearRegressionValue(data, [3.5, -1]));
});

test('regression data sets: the noisy line and the rare column', async () => {
  const lab = await loadLab();
  const line = lab.makeRegressionDataset({ kind: 'line' });  // 100 samples, noise 0.1, seed 7
  assert.deepStrictEqual([line.n, line.dim, line.x.length, line.y.length], [100, 1, 100, 100]);
  const min = lab.linearRegressionMinimum(line);
  assert.ok(Math.abs(min[0] - 2) < 0.1 && Math.abs(min[1] - 1) < 0.1, `fit ${min}`);
  const sparse = lab.makeRegressionDataset({ kind: 'sparse_column', n_samples: 200, density: 0.05, noise: 0, seed: 1 });
  assert.strictEqual(sparse.x.filter((v) => v === 1).length, 10);
  assert.ok(sparse.x.every((v) => v === 0 || v === 1));
  assert.deepStrictEqual(lab.makeRegressionDataset({ kind: 'line', seed: 3 }), lab.makeRegressionDataset({ kind: 'line', seed: 3 }));
});

test('bag of words: vocabulary by frequency, counts per text', async () => {
  const lab = await loadLab();
  assert.deepStrictEqual(lab.tokenize("Hello, world! It's 2 worlds."), ['hello', 'world', "it's", '2', 'worlds']);
  const bag = lab.bagOfWords(['the cat sat', 'the dog', 'The cat, the cat'], [1, 0, 1]);
  assert.strictEqual(bag.n, 3);
  assert.strictEqual(bag.dim, bag.vocabulary.length);
  assert.deepStrictEqual(bag.vocabulary.slice(0, 2), ['the', 'cat']);
  assert.deepStrictEqual(Array.from(bag.documentFrequency.subarray(0, 2)), [3, 2]);
  assert.deepStrictEqual(Array.from(bag.x.subarray(2 * bag.dim, 2 * bag.dim + 2)), [2, 2], 'third text: the x2, cat x2');
  assert.deepStrictEqual(Array.from(bag.y), [1, 0, 1]);
});

test('gradient histories: frequent and large, rare and small', async () => {
  const lab = await loadLab();
  const h = lab.gradientHistories();
  assert.strictEqual(h.frequent.length, 100);
  assert.strictEqual(h.rare.length, 100);
  const zeros = h.rare.filter((g) => g === 0).length;
  assert.ok(zeros > 70, `${zeros} of 100 rare gradients are zero`);
  assert.ok(h.frequent.every((g) => g !== 0));
  assert.deepStrictEqual(lab.gradientHistories({ steps: 100, seed: 42, rare_probability: 0.1 }), h);
  assert.strictEqual(lab.gradientHistories({ steps: 7 }).rare.length, 7);
});

test('a TrainingRun shows its optimizer insides per weight', async () => {
  const lab = await loadLab();
  const run = new lab.TrainingRun({
    network: { layers: [2, 3, 1], seed: 1 }, optimizer: { kind: 'adagrad', lr: 0.1 },
    data: { kind: 'gaussians', n_samples: 20, noise: 0.1, seed: 3 },
  });
  try {
    run.epoch();
    const rate = run.effectiveRate(), G = run.sum();
    assert.strictEqual(rate.length, run.numParams());
    // AdaGrad's rate is η / (√G + ε) for every weight (default ε = 1e-10)
    for (let i = 0; i < rate.length; i++) assert.ok(Math.abs(rate[i] - 0.1 / (Math.sqrt(G[i]) + 1e-10)) <= 1e-15 * rate[i]);
  } finally {
    run.delete();
  }
  const sgd = new lab.TrainingRun({ network: { layers: [2, 1] }, optimizer: { kind: 'sgd', lr: 0.1 },
                                    data: { kind: 'xor', n_samples: 10, noise: 0, seed: 1 } });
  try {
    sgd.epoch();
    assert.throws(() => sgd.sum(), /sum\(\) is only available for adagrad/);
  } finally {
    sgd.delete();
  }
});

test('boundaryGrid is predictGrid in single precision, for drawing', async () => {
  const lab = await loadLab();
  const net = new lab.Network({ layers: [2, 32, 32, 1], activation: 'tanh', seed: 3 });
  try {
    const grid = { x_min: -2, x_max: 3, y_min: -1, y_max: 1, nx: 23, ny: 17 };
    const exact = net.predictGrid(grid), fast = net.boundaryGrid(grid);
    assert.ok(fast instanceof Float32Array);
    assert.strictEqual(fast.length, exact.length);
    for (let i = 0; i < exact.length; i++) assert.ok(Math.abs(fast[i] - exact[i]) < 2e-6, `cell ${i}: ${fast[i]} vs ${exact[i]}`);
    assert.throws(() => net.boundaryGrid({ nx: 0 }), { message: 'nx must be between 1 and 4096, got 0' });
  } finally {
    net.delete();
  }
});

test('linearRegressionGradient is the gradient of linearRegressionValue', async () => {
  const lab = await loadLab();
  const data = lab.makeRegressionDataset({ kind: 'sparse_column', n_samples: 50, density: 0.1, seed: 3 });
  const p = [0.3, -0.7];
  const g = lab.linearRegressionGradient(data, p);
  assert.strictEqual(g.length, 2);
  for (let i = 0; i < 2; i++) {  // central differences
    const h = 1e-6, up = [...p], down = [...p];
    up[i] += h; down[i] -= h;
    const numeric = (lab.linearRegressionValue(data, up) - lab.linearRegressionValue(data, down)) / (2 * h);
    assert.ok(Math.abs(numeric - g[i]) < 1e-7 * Math.max(1, Math.abs(g[i])), `∂L/∂p${i}: ${g[i]} vs ${numeric}`);
  }
  assert.throws(() => lab.linearRegressionGradient(data, [1]), { message: 'x has 1 values but the objective has 2' });
});

test('trajectories carry each step\'s gradient and second moment; optimizers expose secondMoment()', async () => {
  const lab = await loadLab();
  const r = lab.runQuadratic({ scales: [1, 10], x0: [3, 2], steps: 30, optimizer: { kind: 'adagrad', lr: 0.5 } });
  assert.strictEqual(r.grads.length, 30 * 2);
  assert.strictEqual(r.moments.length, 30 * 2);
  // replay with a real optimizer: the same gradients give the same G after every step
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.5 });
  try {
    const x = Float64Array.from([3, 2]);
    for (let s = 0; s < 30; s++) {
      const g = lab.quadraticGradient([1, 10], x);
      assert.deepStrictEqual(Array.from(g), Array.from(r.grads.subarray(2 * s, 2 * s + 2)), `grad at step ${s + 1}`);
      opt.step(x, g);
      assert.deepStrictEqual(Array.from(opt.secondMoment()), Array.from(r.moments.subarray(2 * s, 2 * s + 2)), `G after step ${s + 1}`);
      assert.deepStrictEqual(Array.from(opt.secondMoment()), Array.from(opt.sum()));
    }
  } finally {
    opt.delete();
  }
  const sgd = lab.runQuadratic({ scales: [1], x0: [1], steps: 3, optimizer: { kind: 'sgd', lr: 0.1 } });
  assert.strictEqual(sgd.moments.length, 0);
  assert.strictEqual(sgd.grads.length, 3);
});
