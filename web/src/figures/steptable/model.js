// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The step table's rows, from the core (lab.stepTable), and the check of a learner's prediction
// of a row against them. Pure.

/** values: the parsed settings. */
export const stepRows = (/** @type {AdagradLab.Lab} */ lab, { x0, lr, eps, place, steps }) => lab.stepTable({ x0, lr, eps, eps_placement: place, steps, scale: 1 });

/** The three numbers a learner predicts for the next row, in order. */
export const PREDICTED = [['sum', 'G'], ['effective_rate', 'rate'], ['x_new', 'new x']];

/** How close a typed prediction must be: a hand calculation rounds, so within 0.5% of the
 *  value (or 5·10⁻⁴ of it when the value is near 0) counts as right. */
export const TOLERANCE = { relative: 5e-3, absolute: 5e-4 };

/** Checks typed numbers {sum, effective_rate, x_new} (strings) against `row`. Returns, per
 *  key, {state: 'right' | 'wrong' | 'empty' | 'unreadable', value, expected}. */
export function checkPrediction(row, typed) {
  const out = {};
  for (const [key] of PREDICTED) {
    const text = String(typed[key] ?? '').trim().replace(/^−/, '-');
    const expected = row[key];
    if (text === '') { out[key] = { state: 'empty', expected }; continue; }
    const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(value)) { out[key] = { state: 'unreadable', expected }; continue; }
    const close = Math.abs(value - expected) <= Math.max(TOLERANCE.relative * Math.abs(expected), TOLERANCE.absolute);
    out[key] = { state: close ? 'right' : 'wrong', value, expected };
  }
  return out;
}
