// The rare-words figure's settings, each declared once. Link names: text.sgd, text.rare, …
import { table, rate, count, choice, pattern } from '../../settings.js';

export const SPEEDS = ['5', '10', '25', '50', '100'];
export const MAX_SENTENCE = 160;

export const settings = table({
  // η up to 1e300: the figure reports an overflowing run (the epoch it diverged in) rather than refusing it
  sgd: rate('1', { label: 'SGD learning rate η', name: 'SGD η', min: 1e-6, max: 1e300 }),
  ada: rate('0.1', { label: 'AdaGrad learning rate η', name: 'AdaGrad η', min: 1e-6, max: 1e300 }),
  epochs: count('200', { label: 'epochs', min: 1, max: 2000 }),
  speed: choice('25', SPEEDS.map((v) => [v, `${v} epochs/s`]), { label: 'speed' }),
  rare: pattern('masterpiece', /^[a-z0-9']{1,30}$/, { label: 'rare word', what: 'a word from the reviews' }),
  common: pattern('great', /^[a-z0-9']{1,30}$/, { label: 'common word', what: 'a word from the reviews' }),
  say: pattern('Tedious and clumsy, but great acting.', new RegExp(`^[A-Za-z0-9 ,.!?;:'()-]{0,${MAX_SENTENCE}}$`),
    { label: 'your review', what: 'a short sentence of letters, digits and punctuation' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. `lr` is the η of the model the core
 *  refused (error.which). */
export const coreNames = (which) => ({ lr: settings.get(which)?.name ?? 'η', steps: 'epochs', epochs: 'epochs' });
