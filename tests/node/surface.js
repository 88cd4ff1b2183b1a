// The module's public surface, enumerated from the module itself (api.js's _entryPoints, which it
// builds by walking what Embind registered), plus one valid call of each entry point, which the
// leak tests vary into failing ones. An entry point without an example fails surface.test.js.
'use strict';

/** [{ kind: 'function' | 'constructor' | 'method', cls, name, call, args }] for every entry point. */
function entryPoints(lab) {
  const e = lab._entryPoints, out = [];
  for (const [name, args] of Object.entries(e.functions)) out.push({ kind: 'function', name, call: name, args });
  for (const [cls, args] of Object.entries(e.constructors)) out.push({ kind: 'constructor', cls, name: cls, call: 'new ' + cls, args: args || [] });
  for (const [cls, methods] of Object.entries(e.classes))
    for (const [name, args] of Object.entries(methods)) out.push({ kind: 'method', cls, name, call: cls + '.' + name, args });
  return out;
}

const xor = { kind: 'xor', n_samples: 16, seed: 1 };
const line = () => ({ x: [0, 1, 2, 3], y: [1, 3, 5, 7], dim: 1 });
/** One object of each class, fresh, and valid arguments for each call. */
const objects = {
  Optimizer: (lab) => lab.createOptimizer({ kind: 'adagrad', lr: 0.1 }),
  Network: (lab) => new lab.Network({ layers: [2, 3, 1], seed: 1 }),
  TrainingRun: (lab) => new lab.TrainingRun({ network: { layers: [2, 3, 1] }, optimizer: { kind: 'adagrad', lr: 0.1 }, data: xor }),
};
const grid = () => ({ x_min: -1, x_max: 1, y_min: -1, y_max: 1, nx: 4, ny: 3 });
const examples = {
  createOptimizer: () => [{ kind: 'adagrad', lr: 0.1, eps: 1e-10 }],
  optionNames: () => ['adam'],
  optionDefaults: () => ['rmsprop'],
  stepTable: () => [{ x0: 4, lr: 1, eps: 1e-8, steps: 3 }],
  quadraticValue: () => [[1, 10], [0.5, -0.5]],
  quadraticGradient: () => [[1, 10], [0.5, -0.5]],
  runQuadratic: () => [{ scales: [1, 10], x0: [1, 1], steps: 5, optimizer: { kind: 'adagrad', lr: 0.5 } }],
  runLinearRegression: () => [{ ...line(), steps: 5, optimizer: { kind: 'sgd', lr: 0.01 } }],
  linearRegressionValue: () => [line(), [0.5, 0.5]],
  linearRegressionGradient: () => [line(), [0.5, 0.5]],
  linearRegressionMinimum: () => [line()],
  quadraticValueGrid: () => [[1, 10], grid()],
  linearRegressionValueGrid: () => [line(), grid()],
  makeDataset: () => [{ kind: 'spiral', n_samples: 12, noise: 0.1, seed: 2 }],
  makeRegressionDataset: () => [{ kind: 'sparse_column', n_samples: 8, noise: 0.1, seed: 2, density: 0.5 }],
  tokenize: () => ['Good film, bad ending'],
  bagOfWords: () => [['good film', 'bad film'], [1, 0]],
  gradientHistories: () => [{ steps: 20, seed: 3, rare_probability: 0.2 }],
  heapInUse: () => [],
  'new Optimizer': () => [],
  'new Network': () => [{ layers: [2, 3, 1], activation: 'tanh', init: 'glorot', seed: 1 }],
  'new TrainingRun': () => [{ network: { layers: [2, 3, 1] }, optimizer: { kind: 'adagrad', lr: 0.1 }, data: xor, batch_size: 4, shuffle_seed: 1 }],
  'Optimizer.step': () => [[1, 2], [0.5, -1]],
  'Network.setParams': () => [new Float64Array(13).fill(0.1)],
  'Network.evaluate': () => [[0.5, -0.5, 1, 1], [1, 0]],
  'Network.predict': () => [[0.5, -0.5]],
  'Network.predictGrid': () => [grid()],
  'Network.boundaryGrid': () => [grid()],
  'TrainingRun.epochs': () => [2],
  'TrainingRun.predictGrid': () => [grid()],
  'TrainingRun.boundaryGrid': () => [grid()],
  'TrainingRun.predict': () => [[0.5, -0.5]],
  'TrainingRun.evaluate': () => [[0.5, -0.5, 1, 1], [1, 0]],
  'TrainingRun.restart': () => [new Float64Array(13).fill(0.1)],
  'TrainingRun.restartFromSeed': () => [7],
};
/** Valid arguments for an entry point; methods without arguments need none. */
function example(entry) {
  if (examples[entry.call]) return examples[entry.call]();
  return entry.args.length === 0 ? [] : undefined;
}

/** Calls the entry point with `args`; for a method, on `self` (made fresh when not given). */
function invoke(lab, entry, args, self) {
  switch (entry.kind) {
    case 'function': return lab[entry.name](...args);
    case 'constructor': return new lab[entry.cls](...args);
    default: return lab[entry.cls].prototype[entry.name].apply(self, args);
  }
}

module.exports = { entryPoints, objects, example, invoke };
