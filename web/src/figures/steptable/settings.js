// The step table's settings, each declared once. Link names: table.x0, table.lr, …, table.mode.
import { table, count, choice } from '../../settings.js';
import { adagradOnX2 } from '../parabola/settings.js';

export const settings = table({
  ...adagradOnX2({ x0: '4', lr: '1' }),
  steps: count('10', { label: 'rows', min: 1, max: 200 }),
  // 'practice': rows ahead stay hidden until the learner has predicted them (a teacher can link it)
  mode: choice('filled', [['filled', 'filled in'], ['practice', 'work it out yourself']], { label: 'table' }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { x0: 'x₀', 'x0[0]': 'x₀', lr: 'η', eps: 'ε', steps: 'rows', eps_placement: 'ε placement' };
