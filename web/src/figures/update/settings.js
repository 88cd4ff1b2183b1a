// The update figure's settings, each declared once: part A (where ε goes, on x²) and part B
// (PyTorch's three extra options, on the notes' line fit). Link names: update.lr, update.blr, …
import { table, rate, real, count, choice } from '../../settings.js';

export const SPEEDS = ['1', '2', '5', '10', '25', '100'];
export const OPTION_SPEEDS = ['5', '10', '25', '50', '100'];
const onOff = (fallback, label) => choice(fallback, [['on', 'on'], ['off', 'off']], { label });

export const settings = table({
  lr: rate('0.1', { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  eps: rate('1e-7', { label: 'ε', name: 'ε', max: 1 }),
  tiny: real('1e-4', { label: 'tiny start x₀', name: 'tiny x₀', min: -1e6, max: 1e6 }),
  big: real('5', { label: 'ordinary start x₀', name: 'ordinary x₀', min: -1e6, max: 1e6 }),
  steps: count('20', { label: 'steps', min: 1, max: 2000 }),
  speed: choice('5', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
  blr: rate('1', { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  bsteps: count('100', { label: 'steps', min: 1, max: 5000 }),
  decay: onOff('off', 'learning-rate decay'),
  decayv: real('0.05', { label: 'lr_decay', name: 'lr_decay', min: 0, max: 1e3 }),
  wd: onOff('on', 'weight decay'),
  wdv: real('0.5', { label: 'weight_decay λ', name: 'weight_decay λ', min: 0, max: 1e3 }),
  acc: onOff('off', 'starting G₀'),
  accv: real('100', { label: 'initial_accumulator_value G₀', name: 'G₀', min: 0, max: 1e12 }),
  bspeed: choice('25', OPTION_SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. The placement part starts from the
 *  tiny or the ordinary x₀ (`which`). */
export const optionsCoreNames = { lr: 'η', steps: 'steps', lr_decay: 'lr_decay', weight_decay: 'weight_decay λ', initial_accumulator_value: 'G₀' };
export const placementCoreNames = (which) => ({ lr: 'η', eps: 'ε', steps: 'steps', x0: settings.get(which)?.name ?? 'x₀', 'x0[0]': settings.get(which)?.name ?? 'x₀' });
