// The sparse valley's settings, each declared once. Link names (valley.density, valley.n, …) are
// the ones links have always used.
import { table, rate, real, count, choice, subset } from '../../settings.js';

/** The plot's edges: a start outside them could not be drawn or dragged back. */
export const BOX = Object.freeze({ x_min: -2, x_max: 6, y_min: -1.5, y_max: 3.5 });
export const IDS = ['gd', 'mom', 'nag', 'ada'];
export const SPEEDS = ['2', '5', '10', '25', '100'];

// `help` says whose rate it is where the label cannot (README's list of settings)
const eta = (fallback, who) => rate(fallback, { label: 'η', name: 'η', help: `${who}’s learning rate`, min: 1e-6, max: 1e3 });

// 5 rows in 100 have x = 1. From (−1, 3) gradient descent's first step is almost all b; η = 0.5 is
// about half the largest rate the steep b direction tolerates. The momentum methods get the usual
// β = 0.9 and η = 0.1, AdaGrad η = 1 (a first step of 1 in each of w and b).
export const settings = table({
  density: real('0.05', { label: 'share of rows where x = 1 (density)', name: 'density', min: 0.01, max: 0.5 }),
  n: count('100', { label: 'rows n', name: 'rows n', min: 2, max: 5000 }),
  noise: real('0.1', { label: 'noise', name: 'noise', min: 0, max: 10 }),
  seed: count('7', { label: 'seed', name: 'seed', min: 0, max: 4294967295, slide: false }),
  w0: real('-1', { label: 'start w₀', name: 'start w₀', min: BOX.x_min, max: BOX.x_max }),
  b0: real('3', { label: 'start b₀', name: 'start b₀', min: BOX.y_min, max: BOX.y_max }),
  steps: count('100', { label: 'steps', min: 1, max: 2000 }),
  speed: choice('10', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
  gd: eta('0.5', 'batch gradient descent'), mom: eta('0.1', 'Momentum'), nag: eta('0.1', 'Nesterov'), ada: eta('1', 'AdaGrad'),
  hide: subset('', IDS, { label: 'hidden optimizers', name: 'hide' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { lr: 'η', 'x0[0]': 'start w₀', 'x0[1]': 'start b₀', steps: 'steps', n_samples: 'rows n', noise: 'noise', seed: 'seed', density: 'density' };
