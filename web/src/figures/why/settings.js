// The first figure's settings, each declared once. Link names: why.lr, why.eps, …
import { table, rate, count, choice } from '../../settings.js';

export const SPEEDS = ['5', '10', '25', '50', '100', '250'];

export const settings = table({
  lr: rate('0.1', { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  eps: rate('1e-8', { label: 'ε', name: 'ε', max: 1 }),
  steps: count('100', { label: 'steps', min: 1, max: 5000 }),
  seed: count('42', { label: 'seed', min: 0, max: 4294967295, slide: false }),
  rare: rate('0.1', { label: 'rare gradient’s probability', name: 'probability', max: 1 }),
  scale: choice('linear', [['linear', 'linear'], ['log', 'logarithmic']], { label: 'y scale of G, rate, step' }),
  speed: choice('25', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { lr: 'η', eps: 'ε', steps: 'steps', seed: 'seed', rare_probability: 'probability' };
