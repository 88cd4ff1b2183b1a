// The fading-rate figure's settings, each declared once. Link names: fading.w0, fading.ada, …
import { table, rate, real, count, choice } from '../../settings.js';

export const SPEEDS = ['50', '100', '250', '500', '1000', '2500'];
const eta = (fallback, label) => rate(fallback, { label: `${label} η`, name: `${label} η`, min: 1e-6, max: 1e3 });

export const settings = table({
  // starts up to 1e300: a start so far out that f overflows is reported as a divergence, not refused
  w0: real('30', { label: 'start w₀', name: 'w₀', min: -1e300, max: 1e300 }),
  b0: real('20', { label: 'start b₀', name: 'b₀', min: -1e300, max: 1e300 }),
  steps: count('3000', { label: 'steps', min: 2, max: 20000 }),
  ada: eta('0.1', 'AdaGrad'),
  rms: eta('0.1', 'RMSProp'),
  adam: eta('0.1', 'Adam'),
  param: choice('w', [['w', 'w (gentle direction)'], ['b', 'b (steep direction)']], { label: 'rates of' }),
  seed: count('42', { label: 'seed of the random gradients', name: 'seed', min: 0, max: 4294967295, slide: false }),
  speed: choice('250', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. `lr` is the η of whichever optimizer
 *  the core refused (error.kind). */
export const coreNames = (kind) => ({ lr: settings.get({ adagrad: 'ada', rmsprop: 'rms', adam: 'adam' }[kind])?.name ?? 'η', 'x0[0]': 'w₀', 'x0[1]': 'b₀', steps: 'steps', seed: 'seed' });
