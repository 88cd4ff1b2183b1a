// The comparison figure's settings (its live experiment), each declared once. Link names: compare.g1, …
import { table, rate, real, count } from '../../settings.js';

export const settings = table({
  g1: real('10', { label: 'gradient g₁', name: 'g₁', min: -1e6, max: 1e6 }),
  g2: real('0.1', { label: 'gradient g₂', name: 'g₂', min: -1e6, max: 1e6 }),
  lr: rate('0.1', { label: 'η (all five)', name: 'η', min: 1e-6, max: 1e3 }),
  mom: real('0.9', { label: 'momentum μ', name: 'μ', min: 0, max: 0.999 }),
  k: count('100', { label: 'steps k', name: 'k', min: 1, max: 10000 }),
});

/** The core's option names in this figure's words (ui/pagewords.js): a refusal from the core is
 *  shown with the name the figure gives the field. */
export const coreNames = { 'grad[0]': 'g₁', 'grad[1]': 'g₂', momentum: 'μ', lr: 'η', steps: 'k' };
