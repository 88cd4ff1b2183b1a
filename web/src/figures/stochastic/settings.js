// The stochastic figure's settings, each declared once. Link names: stochastic.batch, …
import { table, rate, count, choice, pattern } from '../../settings.js';

export const SPEEDS = ['1', '2', '5', '10', '25'];
const word = (fallback, label) => pattern(fallback, /^[a-z0-9']{1,30}$/, { label, what: 'a word from the reviews' });

export const settings = table({
  sgd: rate('1', { label: 'SGD learning rate η', name: 'SGD η', min: 1e-6, max: 1e3 }),
  ada: rate('0.1', { label: 'AdaGrad learning rate η', name: 'AdaGrad η', min: 1e-6, max: 1e3 }),
  batch: count('1', { label: 'reviews per step', name: 'reviews per step', min: 1, max: 40 }),
  epochs: count('30', { label: 'epochs', min: 1, max: 500 }),
  seed: count('1', { label: 'shuffling seed', name: 'seed', min: 0, max: 4294967295, slide: false }),
  rare: word('masterpiece', 'rare word'),
  common: word('great', 'common word'),
  speed: choice('5', SPEEDS.map((v) => [v, `${v} epochs/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. `lr` is the η of the model the core
 *  refused (error.which). */
export const coreNames = (which) => ({ lr: settings.get(which)?.name ?? 'η', batch_size: 'reviews per step', shuffle_seed: 'seed', epochs: 'epochs' });
