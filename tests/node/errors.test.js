// Every rejection reaches JS as a real Error carrying the core's own message (or, for a JS
// value of the wrong type, the binding's message naming the field): never a number, never an
// abort, and the module keeps working afterwards.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { loadLab, throwsMessage } = require('./lab.js');

const data = (extra = {}) => ({ kind: 'spiral', n_samples: 20, ...extra });

// [what is tried, call, exact message]
const cases = [
  // optimizer options: ranges (the core's checks)
  ['negative lr', (lab) => lab.createOptimizer({ kind: 'adagrad', lr: -1 }), 'lr must be finite and > 0, got -1'],
  ['zero lr', (lab) => lab.createOptimizer({ kind: 'sgd', lr: 0 }), 'lr must be finite and > 0, got 0'],
  ['NaN lr', (lab) => lab.createOptimizer({ kind: 'adam', lr: NaN }), 'lr must be finite and > 0, got nan'],
  ['infinite lr', (lab) => lab.createOptimizer({ kind: 'rmsprop', lr: Infinity }), 'lr must be finite and > 0, got inf'],
  ['zero eps', (lab) => lab.createOptimizer({ kind: 'adagrad', eps: 0 }), 'eps must be finite and > 0, got 0'],
  ['negative lr_decay', (lab) => lab.createOptimizer({ kind: 'adagrad', lr_decay: -1 }), 'lr_decay must be finite and >= 0, got -1'],
  ['-Infinity weight_decay', (lab) => lab.createOptimizer({ kind: 'adagrad', weight_decay: -Infinity }), 'weight_decay must be finite and >= 0, got -inf'],
  ['negative initial accumulator', (lab) => lab.createOptimizer({ kind: 'adagrad', initial_accumulator_value: -0.5 }), 'initial_accumulator_value must be finite and >= 0, got -0.5'],
  ['bad eps_placement', (lab) => lab.createOptimizer({ kind: 'adagrad', eps_placement: 'middle' }), 'eps_placement must be "outside" or "inside", got "middle"'],
  ['momentum 1', (lab) => lab.createOptimizer({ kind: 'sgd', momentum: 1 }), 'momentum must be in [0, 1), got 1'],
  ['nesterov without momentum', (lab) => lab.createOptimizer({ kind: 'sgd', nesterov: true }), 'nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0'],
  ['beta2 out of range', (lab) => lab.createOptimizer({ kind: 'adam', beta2: 1.5 }), 'beta2 must be in [0, 1), got 1.5'],
  ['alpha negative', (lab) => lab.createOptimizer({ kind: 'rmsprop', alpha: -0.1 }), 'alpha must be in [0, 1), got -0.1'],
  // optimizer options: names and types
  ['unknown option', (lab) => lab.createOptimizer({ kind: 'adagrad', foo: 1 }), 'unknown option "foo" for adagrad'],
  ['option of another kind', (lab) => lab.createOptimizer({ kind: 'adam', eps_placement: 'inside' }), 'unknown option "eps_placement" for adam'],
  ['unknown kind', (lab) => lab.createOptimizer({ kind: 'adadelta' }), 'kind must be one of "sgd", "adagrad", "rmsprop", "adam", got "adadelta"'],
  ['missing kind', (lab) => lab.createOptimizer({ lr: 0.1 }), 'kind is required'],
  ['lr as a string', (lab) => lab.createOptimizer({ kind: 'adagrad', lr: '0.1' }), 'lr must be a number, got "0.1"'],
  ['nesterov as a number', (lab) => lab.createOptimizer({ kind: 'sgd', nesterov: 1 }), 'nesterov must be true or false, got 1'],
  ['lr as null', (lab) => lab.createOptimizer({ kind: 'sgd', lr: null }), 'lr must be a number, true/false or a string, got null'],
  ['options not an object', (lab) => lab.createOptimizer('adagrad'), 'optimizer must be an object, got string'],
  ['optionNames of an unknown kind', (lab) => lab.optionNames('adamw'), 'kind must be one of "sgd", "adagrad", "rmsprop", "adam", got "adamw"'],
  // stepping
  ['NaN gradient', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step(new Float64Array([1, 2]), new Float64Array([1, NaN])), 'grad[1] must be finite, got nan'],
  ['infinite gradient', (lab) => lab.createOptimizer({ kind: 'sgd' }).step([1], [-Infinity]), 'grad[0] must be finite, got -inf'],
  ['size mismatch', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step(new Float64Array(2), new Float64Array(3)), 'grad has 3 values but params has 2'],
  ['empty params', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step([], []), 'params must not be empty'],
  ['size change without reset', (lab) => { const o = lab.createOptimizer({ kind: 'adagrad' }); o.step([1, 2], [1, 1]); o.step([1, 2, 3], [1, 1, 1]); },
    "params has 3 values but this optimizer's state has 2; call reset() before changing size"],
  ['params not an array', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step('1,2', [1, 1]), 'params must be a Float64Array or an array of numbers, got string'],
  ['a string in the gradient', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step([1, 2], [1, '2']), 'grad[1] must be a number, got string'],
  ['undefined params', (lab) => lab.createOptimizer({ kind: 'adagrad' }).step(undefined, [1]), 'params must be a Float64Array or an array of numbers, got undefined'],
  ['the rate of sgd', (lab) => lab.createOptimizer({ kind: 'sgd' }).effectiveRate(), 'effectiveRate() is not available for sgd, whose rate is its lr'],
  ['the accumulator of rmsprop', (lab) => lab.createOptimizer({ kind: 'rmsprop' }).sum(), 'sum() is only available for adagrad, this optimizer is rmsprop'],
  // the step table
  ['step table: zero steps', (lab) => lab.stepTable({ steps: 0 }), 'steps must be between 1 and 100000, got 0'],
  ['step table: NaN x0', (lab) => lab.stepTable({ x0: NaN }), 'x0 must be finite, got nan'],
  ['step table: negative lr', (lab) => lab.stepTable({ lr: -1 }), 'lr must be finite and > 0, got -1'],
  ['step table: fractional steps', (lab) => lab.stepTable({ steps: 2.5 }), 'steps must be an integer, got 2.5'],
  ['step table: unknown key', (lab) => lab.stepTable({ x_0: 1 }), 'unknown option "x_0" for stepTable'],
  ['step table: not an object', (lab) => lab.stepTable(5), 'stepTable must be an object, got number'],
  // objectives and runs
  ['empty scales', (lab) => lab.quadraticValue([], []), 'scales must not be empty'],
  ['negative scale', (lab) => lab.quadraticValue([1, -1], [0, 0]), 'scales[1] must be finite and > 0, got -1'],
  ['x of the wrong size', (lab) => lab.quadraticGradient([1, 2], [1, 2, 3]), 'x has 3 values but the objective has 2'],
  ['x0 of the wrong size', (lab) => lab.runQuadratic({ scales: [1, 10], x0: [1], steps: 5, optimizer: { kind: 'sgd' } }), 'x0 has 1 values but the objective has 2'],
  ['NaN in x0', (lab) => lab.runQuadratic({ scales: [1, 10], x0: [NaN, 1], steps: 5, optimizer: { kind: 'sgd' } }), 'x0[0] must be finite, got nan'],
  ['negative steps', (lab) => lab.runQuadratic({ scales: [1], steps: -1, optimizer: { kind: 'sgd' } }), 'steps must be between 0 and 10000000, got -1'],
  ['missing optimizer', (lab) => lab.runQuadratic({ scales: [1], steps: 1 }), 'optimizer is required'],
  ['bad optimizer in a run', (lab) => lab.runQuadratic({ scales: [1], steps: 1, optimizer: { kind: 'adagrad', lr: 0 } }), 'lr must be finite and > 0, got 0'],
  ['x0 of strings', (lab) => lab.runQuadratic({ scales: [1], x0: ['1'], steps: 1, optimizer: { kind: 'sgd' } }), 'x0[0] must be a number, got string'],
  ['regression data of the wrong size', (lab) => lab.linearRegressionValue({ x: [1, 2, 3], y: [1, 2], dim: 2 }, [0, 0, 0]), 'x has 3 values but n × dim has 4'],
  ['regression data without dim', (lab) => lab.linearRegressionMinimum({ x: [1, 2], y: [1, 2] }), 'dim is required'],
  ['regression data with a NaN target', (lab) => lab.linearRegressionMinimum({ x: [1, 2], y: [1, NaN], dim: 1 }), 'y[1] must be finite, got nan'],
  ['degenerate regression', (lab) => lab.linearRegressionMinimum({ x: [1, 1], y: [1, 2], dim: 1 }), "the data set's columns are linearly dependent; the minimum is not unique"],
  ['the reset pitfall with adam', (lab) => lab.runQuadratic({ scales: [1], steps: 3, optimizer: { kind: 'adam' }, reset_state_every_step: true }),
    'reset_state_every_step needs an adagrad optimizer, got adam'],
  ['the reset pitfall switched on with 1', (lab) => lab.runQuadratic({ scales: [1], steps: 3, optimizer: { kind: 'adagrad' }, reset_state_every_step: 1 }),
    'reset_state_every_step must be true or false, got number'],
  ['a value grid over 3 parameters', (lab) => lab.quadraticValueGrid([1, 2, 3], {}), 'value_grid needs an objective of 2 parameters, got 3'],
  ['a value grid with nx too large', (lab) => lab.quadraticValueGrid([1, 2], { nx: 4097 }), 'nx must be between 1 and 4096, got 4097'],
  ['a regression value grid over 2 columns', (lab) => lab.linearRegressionValueGrid({ x: [1, 2, 3, 4], y: [1, 2], dim: 2 }, {}), 'value_grid needs an objective of 2 parameters, got 3'],
  // data sets
  ['zero samples', (lab) => lab.makeDataset({ kind: 'spiral', n_samples: 0 }), 'n_samples must be >= 2, got 0'],
  ['too many samples', (lab) => lab.makeDataset({ kind: 'xor', n_samples: 2000000 }), 'n_samples must be <= 1000000, got 2000000'],
  ['negative noise', (lab) => lab.makeDataset({ kind: 'circle', noise: -1 }), 'noise must be finite and >= 0, got -1'],
  ['NaN noise', (lab) => lab.makeDataset({ kind: 'circle', noise: NaN }), 'noise must be finite and >= 0, got nan'],
  ['unknown data set', (lab) => lab.makeDataset({ kind: 'moons' }), 'kind must be one of "spiral", "notebook_spiral", "circle", "xor", "gaussians", got "moons"'],
  ['negative seed', (lab) => lab.makeDataset({ kind: 'spiral', seed: -1 }), 'seed must be an integer >= 0, got -1'],
  ['unknown data set key', (lab) => lab.makeDataset({ kind: 'spiral', samples: 10 }), 'unknown option "samples" for makeDataset'],
  ['zero density', (lab) => lab.makeRegressionDataset({ kind: 'sparse_column', density: 0 }), 'density must be in (0, 1], got 0'],
  ['density above 1', (lab) => lab.makeRegressionDataset({ kind: 'sparse_column', density: 1.5 }), 'density must be in (0, 1], got 1.5'],
  ['one regression sample', (lab) => lab.makeRegressionDataset({ kind: 'line', n_samples: 1 }), 'n_samples must be >= 2, got 1'],
  ['unknown regression set', (lab) => lab.makeRegressionDataset({ kind: 'parabola' }), 'kind must be one of "line", "sparse_column", got "parabola"'],
  ['no texts', (lab) => lab.bagOfWords([], []), 'texts must not be empty'],
  ['texts and labels disagree', (lab) => lab.bagOfWords(['a b', 'c'], [1]), 'labels has 1 values but texts has 2'],
  ['a label that is not 0/1', (lab) => lab.bagOfWords(['a b', 'c'], [1, 2]), 'labels[1] must be 0 or 1, got 2'],
  ['a text without words', (lab) => lab.bagOfWords(['a b', '!!'], [1, 0]), 'texts[1] has no words'],
  ['a text that is a number', (lab) => lab.bagOfWords(['a b', 3], [1, 0]), 'texts[1] must be a string, got number'],
  ['tokenize a number', (lab) => lab.tokenize(42), 'text must be a string, got number'],
  ['zero gradient steps', (lab) => lab.gradientHistories({ steps: 0 }), 'steps must be between 1 and 100000, got 0'],
  ['rare probability 0', (lab) => lab.gradientHistories({ rare_probability: 0 }), 'rare_probability must be in (0, 1], got 0'],
  // the network
  ['zero-width layer', (lab) => new lab.Network({ layers: [2, 0, 1] }), 'layers[1] must be between 1 and 4096, got 0'],
  ['one layer', (lab) => new lab.Network({ layers: [2] }), 'layers must list at least an input and an output size, got 1 size'],
  ['two outputs', (lab) => new lab.Network({ layers: [2, 3, 2] }), 'layers must end in 1 output (sigmoid, binary cross-entropy), got 2'],
  ['fractional layer', (lab) => new lab.Network({ layers: [2, 1.5, 1] }), 'layers[1] must be an integer, got 1.5'],
  ['unknown activation', (lab) => new lab.Network({ activation: 'softmax' }), 'activation must be one of "relu", "tanh", "sigmoid", "linear", got "softmax"'],
  ['unknown init', (lab) => new lab.Network({ init: 'zeros' }), 'init must be one of "auto", "he", "glorot", "notebook", got "zeros"'],
  ['unknown network key', (lab) => new lab.Network({ layer: [2, 1] }), 'unknown option "layer" for network'],
  ['Network without new', (lab) => lab.Network({}), 'Network must be called with new'],
  ['weights of the wrong size', (lab) => new lab.Network({}).setParams(new Float64Array(5)), 'params has 5 values but the network has 41'],
  ['NaN weight', (lab) => new lab.Network({ layers: [2, 1] }).setParams([0, NaN, 0]), 'params[1] must be finite, got nan'],
  ['x and y disagree', (lab) => new lab.Network({}).evaluate([1, 2, 3], [1, 0]), 'x has 3 values but y × inputs has 4'],
  ['empty y', (lab) => new lab.Network({}).evaluate([], []), 'y must not be empty'],
  ['grid with nx = 0', (lab) => new lab.Network({}).predictGrid({ nx: 0 }), 'nx must be between 1 and 4096, got 0'],
  ['grid with ny too large', (lab) => new lab.Network({}).predictGrid({ ny: 5000 }), 'ny must be between 1 and 4096, got 5000'],
  ['grid upside down', (lab) => new lab.Network({}).predictGrid({ y_min: 1, y_max: -1 }), 'y_max must be > y_min, got -1 <= 1'],
  ['grid with an infinite bound', (lab) => new lab.Network({}).predictGrid({ x_min: -Infinity }), 'x_min must be finite, got -inf'],
  ['grid for three inputs', (lab) => new lab.Network({ layers: [3, 1] }).predictGrid({}), 'predict_grid needs a network with 2 inputs, got 3'],
  // training
  ['labels not 0/1', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: { x: [0, 0, 1, 1], y: [0, 0.5] } }), 'y[1] must be 0 or 1, got 0.5'],
  ['data columns vs inputs', (lab) => new lab.TrainingRun({ network: { layers: [3, 1] }, optimizer: { kind: 'sgd' }, data: data() }),
    'the data set has 2 input columns but the network has 3 inputs'],
  ['negative batch size', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: data(), batch_size: -1 }), 'batch_size must be >= 0 (0 for full batch), got -1'],
  ['missing data', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' } }), 'data is required'],
  ['bad data set options', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: data({ n_samples: 1 }) }), 'n_samples must be >= 2, got 1'],
  ['unknown run key', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: data(), epochs: 3 }), 'unknown option "epochs" for TrainingRun'],
  ['start weights of the wrong size', (lab) => new lab.TrainingRun({ params: [1, 2], optimizer: { kind: 'sgd' }, data: data() }), 'params has 2 values but the network has 41'],
  ['zero epochs', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: data() }).epochs(0), 'count must be >= 1, got 0'],
  ['restart with NaN', (lab) => new lab.TrainingRun({ optimizer: { kind: 'sgd' }, data: data() }).restart(new Float64Array(41).fill(NaN)), 'params[0] must be finite, got nan'],
];

for (const [what, call, message] of cases) {
  test(`rejects ${what}: "${message}"`, async () => {
    const lab = await loadLab();
    throwsMessage(assert, () => call(lab), message);
  });
}

test('Embind-level misuse is a JS Error too', async () => {
  const lab = await loadLab();
  const opt = lab.createOptimizer({ kind: 'sgd' });
  assert.throws(() => opt.step([1]), Error);  // wrong argument count
  opt.delete();
  assert.throws(() => opt.steps(), Error);  // use after delete
});

test('after a thousand errors the module still works', async () => {
  const lab = await loadLab();
  for (let i = 0; i < 1000; i++) assert.throws(() => lab.makeDataset({ kind: 'spiral', noise: -i - 1 }), Error);
  assert.strictEqual(lab.makeDataset({ kind: 'spiral', n_samples: 10 }).n, 10);
});
