// Reading a trajectory at the step a figure shows: the helpers every stepped figure shares.

/** Whether the core stopped the run (a value became ±∞ or NaN). */
export const hasDiverged = (trajectory) => trajectory.divergedAt !== null && trajectory.divergedAt !== undefined;
/** Whether it had stopped by `step`. */
export const divergedBy = (trajectory, step) => hasDiverged(trajectory) && step >= trajectory.divergedAt;
/** How many of its rows to draw at `step` (the start, and one per step taken so far). */
export const shownCount = (trajectory, step) => Math.min(step + 1, trajectory.stepsTaken + 1);
/** The row shown at `step`. */
export const rowAt = (trajectory, step) => shownCount(trajectory, step) - 1;
