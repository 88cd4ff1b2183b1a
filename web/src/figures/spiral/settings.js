// The spiral's settings, each declared once, and its presets. Link names (sp.lr, sp.hidden, …)
// are the ones links have always used.
import { table, rate, real, count, choice } from '../../settings.js';
import { MAX_LAYERS, MAX_WIDTH, hiddenRule } from './limits.js';

export const KINDS = [
  ['adagrad', 'AdaGrad'], ['sgd', 'plain SGD'], ['momentum', 'Momentum (SGD, 0.9)'], ['rmsprop', 'RMSProp'], ['adam', 'Adam'],
];
export const EPF = ['1', '5', '10', '25', '50', '100', '250'];

/** The hidden layers: up to MAX_LAYERS comma-separated widths ('' for none). */
function layers(fallback, { label, name = label }) {
  const parse = (text) => (hiddenRule.pattern.test(String(text ?? '')) ? { value: String(text) }
    : { error: `${name} must be ${hiddenRule.what}, got “${String(text).slice(0, 40)}”` });
  return { kind: 'text', default: fallback, label, name, parse, what: hiddenRule.what, accepts: (t) => !parse(t).error };
}

export const presets = {
  notebook: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '10', act: 'relu', init: 'notebook', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.01', place: 'inside', epochs: '2000',
  },
  // The notebook's network and points with one η for both boards: the comparison that isolates
  // the optimizer (the notebook's own setup gives SGD a rate ten times smaller).
  fair: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '10', act: 'relu', init: 'notebook', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.1', place: 'inside', epochs: '2000',
  },
  solves: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '24,24,24', act: 'tanh', init: 'auto', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.1', place: 'outside', epochs: '2000',
  },
};
const p = presets.notebook;
// η up to 1e300: a rate so large that the weights overflow is shown as a divergence, not refused
// `help` says whose rate it is where the label cannot (README's list of settings)
const eta = (fallback, who) => rate(fallback, { label: 'η', name: 'η', help: `${who}’s learning rate`, min: 1e-6, max: 1e300 });

export const settings = table({
  // numpy's legacy stream reproduces the notebook's own points; the lab's generator draws the
  // same spiral from the project's RNG
  draw: choice(p.draw, [['numpy', 'numpy’s stream, as the notebook'], ['lab', 'the lab’s own generator']], { label: 'points drawn by' }),
  seed: count(p.seed, { label: 'data seed', name: 'seed', min: 0, max: 4294967295, slide: false }),
  noise: real(p.noise, { label: 'noise', min: 0, max: 10 }),
  // the notebook's spiral (numpy's stream) needs an even count: the slider gives only those
  n: count(p.n, { label: 'points', name: 'points', min: 2, max: 2000, grain: 2 }),
  hidden: layers(p.hidden, { label: 'hidden layers', name: 'hidden layers' }),
  act: choice(p.act, [['relu', 'ReLU'], ['tanh', 'tanh'], ['sigmoid', 'sigmoid'], ['linear', 'linear']], { label: 'activation' }),
  init: choice(p.init, [['auto', 'He / Glorot'], ['he', 'He'], ['glorot', 'Glorot'], ['notebook', 'notebook: 0.1·randn (numpy)']], { label: 'initial weights' }),
  wseed: count(p.wseed, { label: 'weight seed', name: 'weight seed', min: 0, max: 4294967295, slide: false }),
  opt: choice(p.opt, KINDS, { label: 'optimizer (left board)' }),
  lr: eta(p.lr, 'the left board'),
  cmp: choice(p.cmp, KINDS, { label: 'compared with (right board)' }),
  clr: eta(p.clr, 'the right board'),
  place: choice(p.place, [['inside', 'inside √ (notebook)'], ['outside', 'outside √ (PyTorch)']], { label: 'AdaGrad’s ε' }),
  epochs: count(p.epochs, { label: 'epochs', min: 1, max: 100000 }),
  epf: choice('10', EPF.map((v) => [v, v]), { label: 'epochs per frame' }),
});

/** One layer's width, as the layer editor's fields read it. */
export const width = (i) => count('8', { label: `layer ${i + 1}`, min: 1, max: MAX_WIDTH });
export { MAX_LAYERS, MAX_WIDTH };

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. The data and the weights each have a
 *  seed (`stage`: 'data', 'network', or the board 'a' / 'b'); core layers[0] is the input and
 *  layers[i] the i-th hidden layer, which the layer editor labels `layer i`. */
export const coreNames = (stage) => ({ lr: 'η', seed: stage === 'network' ? 'weight seed' : 'data seed', noise: 'noise', n_samples: 'points', layers: (i) => (i === undefined ? 'hidden layers' : `layer ${i}`), activation: 'activation', init: 'initial weights', eps_placement: 'AdaGrad’s ε', epochs: 'epochs' });
