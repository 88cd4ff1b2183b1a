// The pitfall figure's settings, each declared once. Link names: pitfall.f, pitfall.x0, …
import { table, rate, real, count, choice } from '../../settings.js';

export const SPEEDS = ['2', '5', '10', '25', '100'];

export const settings = table({
  f: choice('x2', [['x2', 'x²'], ['valley', 'w² + 10b²']], { label: 'function' }),
  x0: real('3', { label: 'start x₀', name: 'x₀', min: -1e6, max: 1e6 }),
  b0: real('2', { label: 'start b₀', name: 'b₀', min: -1e6, max: 1e6 }),
  lr: rate('0.4', { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  steps: count('100', { label: 'steps', min: 1, max: 5000 }),
  speed: choice('10', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { lr: 'η', x0: 'x₀', 'x0[0]': 'x₀', 'x0[1]': 'b₀', steps: 'steps' };
