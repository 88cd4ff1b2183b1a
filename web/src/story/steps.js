// Reading a trajectory at the step a figure shows: the helpers every stepped figure shares.

/** Whether the core stopped the run (a value became ±∞ or NaN). */
export const hasDiverged = (trajectory) => trajectory.divergedAt !== null && trajectory.divergedAt !== undefined;
/** Whether it had stopped by `step`. */
export const divergedBy = (trajectory, step) => hasDiverged(trajectory) && step >= trajectory.divergedAt;
/** How many of its rows to draw at `step` (the start, and one per step taken so far). */
export const shownCount = (trajectory, step) => Math.min(step + 1, trajectory.stepsTaken + 1);
/** The row shown at `step`. */
export const rowAt = (trajectory, step) => shownCount(trajectory, step) - 1;

/** A first move "is η" when it is within this share of η: AdaGrad's first step is η·g/(|g| + ε),
 *  so with ε = 1e-10 any gradient above 1e-4 qualifies and one near ε visibly does not. */
export const ETA_MATCH = 1e-6;
/** How an AdaGrad run's first move in coordinate c (of `dim`) compares with its η: 'eta',
 *  'still' (its gradient was 0) or 'other' (a gradient so small that ε does not cancel). */
export function firstMoveKind(trajectory, lr, c, dim = 2) {
  const move = Math.abs(trajectory.params[dim + c] - trajectory.params[c]);
  if (move === 0) return 'still';
  return Math.abs(move - lr) <= ETA_MATCH * lr ? 'eta' : 'other';
}
