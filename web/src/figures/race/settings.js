// The race's settings, each declared once. Link names (race.w0, race.gd, race.hide, …) are the
// ones links have always used.
import { table, rate, real, count, choice, subset } from '../../settings.js';

/** The plot's edges: a start outside them could not be drawn or dragged back. */
export const BOX = Object.freeze({ x_min: -5, x_max: 5, y_min: -2.5, y_max: 2.5 });
export const IDS = ['gd', 'mom', 'nag', 'ada', 'rms', 'adam'];
export const SPEEDS = ['2', '5', '10', '25', '100'];

// η from 10⁻⁶ to 10³: every racer's rate from "barely moves" to "diverges at once" is reachable.
// `help` says whose rate it is where the label cannot (README's list of settings)
const eta = (fallback, who) => rate(fallback, { label: 'η', name: 'η', help: `${who}’s learning rate`, min: 1e-6, max: 1e3 });

// GD at 0.09, just under the 2/20 = 0.1 where the steep b axis stops converging; the momentum
// methods with the usual β = 0.9 and a rate that does not blow up; AdaGrad and Adam with a first
// step of 1.5 in each coordinate (their first step is η·sign(g)); RMSProp's first step is
// 10η·sign(g) with α = 0.99, so 0.15 gives it the same 1.5.
export const settings = table({
  w0: real('-4.5', { label: 'start w₀', name: 'start w₀', min: BOX.x_min, max: BOX.x_max }),
  b0: real('2', { label: 'start b₀', name: 'start b₀', min: BOX.y_min, max: BOX.y_max }),
  steps: count('60', { label: 'steps', min: 1, max: 1000 }),
  speed: choice('10', SPEEDS.map((v) => [v, `${v} steps/s`]), { label: 'speed' }),
  gd: eta('0.09', 'gradient descent'), mom: eta('0.01', 'Momentum'), nag: eta('0.01', 'Nesterov'),
  ada: eta('1.5', 'AdaGrad'), rms: eta('0.15', 'RMSProp'), adam: eta('0.3', 'Adam'),
  hide: subset('', IDS, { label: 'hidden racers', name: 'hide' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { lr: 'η', 'x0[0]': 'start w₀', 'x0[1]': 'start b₀', steps: 'steps' };
