// The line fit's settings, each declared once. Link names: line.n, line.sgd, line.hide, …
import { table, rate, real, count, choice, subset } from '../../settings.js';

export const IDS = ['sgd', 'ada', 'adam'];
export const SPEEDS = [['5', '5 epochs/s'], ['10', '10 epochs/s'], ['25', '25 epochs/s'], ['100', '100 epochs/s']];

/** The article's learning rates, and each optimizer's best on the grid 0.001, 0.003, 0.01, 0.03,
 *  0.1, 0.3, 1 (fewest epochs to within 1% of the least-squares loss on the default data, from
 *  (0, 0); tests/browser/fig-line.test.js re-runs that sweep in the core). */
export const presets = {
  article: { sgd: '0.01', ada: '0.1', adam: '0.001' },
  tuned: { sgd: '0.3', ada: '1', adam: '0.3' },
};

// `help` says whose rate it is where the label cannot (README's list of settings)
const eta = (fallback, who) => rate(fallback, { label: 'η', name: 'η', help: `${who}’s learning rate`, min: 1e-6, max: 1e3 });
export const settings = table({
  n: count('1000', { label: 'points n', name: 'points n', min: 2, max: 20000 }),
  noise: real('0.1', { label: 'noise', name: 'noise', min: 0, max: 100 }),
  seed: count('7', { label: 'seed', min: 0, max: 4294967295, slide: false }),
  w0: real('0', { label: 'start w₀', name: 'start w₀', min: -1e6, max: 1e6 }),
  b0: real('0', { label: 'start b₀', name: 'start b₀', min: -1e6, max: 1e6 }),
  epochs: count('100', { label: 'epochs', min: 1, max: 5000 }),
  speed: choice('25', SPEEDS, { label: 'speed' }),
  sgd: eta(presets.article.sgd, 'SGD'),
  ada: eta(presets.article.ada, 'AdaGrad'),
  adam: eta(presets.article.adam, 'Adam'),
  hide: subset('', IDS, { label: 'hidden optimizers' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { lr: 'η', 'x0[0]': 'start w₀', 'x0[1]': 'start b₀', steps: 'epochs', n_samples: 'points n', noise: 'noise', seed: 'seed' };
