// The parabola's settings, each declared once. Link names (x2.x0, x2.lr, …) are the keys.
import { table, rate, real, count, choice } from '../../settings.js';

export const SPEEDS = ['1', '2', '5', '10', '25', '100'];

/** AdaGrad on f(x) = x² from x₀: the settings the parabola and the step table share, with
 *  each figure's own defaults. */
export const adagradOnX2 = ({ x0, lr }) => ({
  x0: real(x0, { label: 'start x₀', name: 'x₀', min: -1e6, max: 1e6 }),
  lr: rate(lr, { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  eps: rate('1e-8', { label: 'ε', name: 'ε', max: 1 }),
  place: choice('outside', [['outside', 'outside: η / (√G + ε)'], ['inside', 'inside: η / √(G + ε)']], { label: 'ε placement' }),
});

export const settings = table({
  ...adagradOnX2({ x0: '5', lr: '0.1' }),
  steps: count('50', { label: 'steps', min: 1, max: 5000 }),
  speed: choice('10', SPEEDS.map((v) => [v, `${v} step${v === '1' ? '' : 's'}/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { x0: 'x₀', 'x0[0]': 'x₀', lr: 'η', eps: 'ε', steps: 'steps', eps_placement: 'ε placement' };
