// The step table's settings, each declared once. Link names: table.x0, table.lr, …, table.mode.
import { table, rate, real, count, choice } from '../../settings.js';

export const settings = table({
  x0: real('4', { label: 'start x₀', name: 'x₀', min: -1e6, max: 1e6 }),
  lr: rate('1', { label: 'learning rate η', name: 'η', min: 1e-6, max: 1e3 }),
  eps: rate('1e-8', { label: 'ε', name: 'ε', max: 1 }),
  place: choice('outside', [['outside', 'outside: η / (√G + ε)'], ['inside', 'inside: η / √(G + ε)']], { label: 'ε placement' }),
  steps: count('10', { label: 'rows', min: 1, max: 200 }),
  // 'practice': rows ahead stay hidden until the learner has predicted them (a teacher can link it)
  mode: choice('filled', [['filled', 'filled in'], ['practice', 'work it out yourself']], { label: 'table' }),
});
