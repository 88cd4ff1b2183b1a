// What happened in a run, decided from its numbers: the one place where the lesson's words
// about an outcome (arrived, diverged, oscillates, stalls, still closing in) get their meaning.
// A story chooses its sentence from the verdict; it never states an outcome of its own.

/** The thresholds, each with why it is where it is. */
export const THRESHOLDS = Object.freeze({
  /** Arrived: the loss gap f − f* is below this share of where it started (a millionth: well
   *  below anything a plot can show, far above rounding). A figure may give its own target. */
  arriveShare: 1e-6,
  /** The recent pace is judged over the last `window` steps (or all of them, if fewer); a run
   *  shorter than the window is never said to stall. */
  window: 10,
  /** No progress: over the window the gap shrank by less than this share (0.1%). */
  flat: 1e-3,
  /** Stalls: at its recent pace the run would need more than this many times the steps it has
   *  taken to arrive. Ten times: far enough that "more steps" is not the answer. */
  stallFactor: 10,
  /** Oscillates (rather than stalls): its recent steps are at least this share of its distance
   *  from the minimum, so it is moving a lot and getting nowhere. */
  bigStep: 0.5,
  /** Zig-zag: at least this share of the recent steps cross the minimum in some coordinate. */
  zigzagShare: 0.8,
});

const gapsOf = (values, fMin) => Array.from(values, (v) => v - fMin);

/** The verdict on a trajectory {params (flat, `dim` per step), values, divergedAt}, about the
 *  objective's minimum value `fMin` at `minimizer` (an array of `dim` numbers). Optional
 *  `target`: the gap that counts as arrived (default: arriveShare of the first gap).
 *  Returns { kind, …numbers }:
 *    diverged   {step}             the core stopped: a value became ±∞ or NaN at `step`
 *    diverging  {factor}           finite, the gap ended `factor` times larger than it began and
 *                                  is still growing (a bounded bounce is `oscillates`)
 *    start      {}                 it began at the minimum (gap 0): nothing to do
 *    arrived    {step, gap}        within target from `step` on, and still there at the end
 *    oscillates {low, high, gap}   no progress, big steps: bouncing across the minimum
 *    stalls     {gap, pace, toGo}  no progress or far too slow, with small steps
 *    closing    {gap, pace, toGo}  still approaching at a pace that would get there
 *  Every kind also carries `zigzag` (its recent steps cross the minimum), `steps` (taken),
 *  `gap0` and `lastStep` (the length of its last move).
 *  @param {{ params: ArrayLike<number>, values: ArrayLike<number>, dim?: number, divergedAt?: number | null }} run
 *  @param {{ fMin?: number, minimizer?: ArrayLike<number>, target?: number }} [about] */
export function verdict(run, { fMin = 0, minimizer, target } = {}) {
  const dim = run.dim ?? minimizer?.length ?? 1;
  const gaps = gapsOf(run.values, fMin);
  const steps = gaps.length - 1;
  const gap0 = gaps[0];
  const at = (t, i) => run.params[t * dim + i];
  const lastStep = steps > 0 ? Math.hypot(...Array.from({ length: dim }, (_, i) => at(steps, i) - at(steps - 1, i))) : 0;
  const W = Math.min(THRESHOLDS.window, steps);
  const zigzag = minimizer ? zigzagOf(run, dim, minimizer, steps, W) : false;
  const base = { steps, gap0, lastStep, zigzag };
  if (run.divergedAt !== null && run.divergedAt !== undefined) return { ...base, kind: 'diverged', step: run.divergedAt };
  const gap = gaps[steps];
  if (!(gap0 > 0)) return { ...base, kind: 'start', gap };
  const goal = target ?? gap0 * THRESHOLDS.arriveShare;
  if (gap <= goal) {
    let step = steps;
    while (step > 0 && gaps[step - 1] <= goal) step--;
    return { ...base, kind: 'arrived', step, gap, goal };
  }
  if (gap > gap0) {
    // Farther out than it began, but no farther than a window ago: bouncing, not running away.
    if (minimizer && zigzag && steps >= 2 * W && W > 0) {
      const recent = Math.max(...gaps.slice(steps - W + 1)), before = Math.max(...gaps.slice(steps - 2 * W + 1, steps - W + 1));
      if (recent <= before * (1 + THRESHOLDS.flat)) {
        const tail = Array.from({ length: W + 1 }, (_, k) => at(steps - W + k, 0));
        return { ...base, kind: 'oscillates', gap, low: Math.min(...tail), high: Math.max(...tail), goal };
      }
    }
    return { ...base, kind: 'diverging', factor: gap / gap0, gap };
  }
  // The pace: the geometric mean shrink of the gap per step over the window.
  const pace = W > 0 && gaps[steps - W] > 0 ? Math.pow(gap / gaps[steps - W], 1 / W) : 1;
  const noProgress = !(pace < Math.pow(1 - THRESHOLDS.flat, 1 / Math.max(W, 1)));
  const toGo = noProgress ? Infinity : Math.ceil(Math.log(goal / gap) / Math.log(pace));
  if (noProgress && minimizer) {
    const distance = Math.hypot(...Array.from({ length: dim }, (_, i) => at(steps, i) - minimizer[i]));
    if (lastStep >= THRESHOLDS.bigStep * distance) {
      const tail = Array.from({ length: W + 1 }, (_, k) => at(steps - W + k, 0));
      return { ...base, kind: 'oscillates', gap, low: Math.min(...tail), high: Math.max(...tail), goal };
    }
  }
  // Stalling needs a history to judge it by: a run shorter than the window is still on its way.
  if (steps >= THRESHOLDS.window && (noProgress || toGo > THRESHOLDS.stallFactor * steps)) return { ...base, kind: 'stalls', gap, pace, toGo, goal };
  return { ...base, kind: 'closing', gap, pace, toGo, goal };
}

/** Whether most of the last W steps cross the minimum in some coordinate. */
function zigzagOf(run, dim, minimizer, steps, W) {
  if (W < 2) return false;
  let crossings = 0;
  for (let t = steps - W + 1; t <= steps; t++) {
    for (let i = 0; i < dim; i++) {
      const a = run.params[(t - 1) * dim + i] - minimizer[i], b = run.params[t * dim + i] - minimizer[i];
      if (a * b < 0) { crossings++; break; }
    }
  }
  return crossings >= THRESHOLDS.zigzagShare * W;
}

/** Orders runs by how they ended, best first: arrived (earliest first), then by final gap;
 *  diverged and diverging last. `verdicts` is {id: verdict}. */
export function ranking(verdicts) {
  const score = (v) => (v.kind === 'arrived' ? [0, v.step] : v.kind === 'start' ? [0, 0]
    : v.kind === 'diverged' ? [3, -v.step] : v.kind === 'diverging' ? [2, v.factor] : [1, v.gap]);
  return Object.keys(verdicts).sort((a, b) => {
    const [ka, va] = score(verdicts[a]), [kb, vb] = score(verdicts[b]);
    return ka - kb || va - vb;
  });
}
