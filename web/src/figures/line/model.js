// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The line fit's runs, through the core only: the data (lab.makeRegressionDataset), its least-
// squares answer and loss, and one full-batch run per optimizer from the same start
// (lab.runLinearRegression). Then what the story needs: when each run is within 1% of the
// least-squares loss for good, how often w crosses the best w, and how round the bowl is.
import { curvature } from '../../story/curvature.js';

/** "Fitted": the loss within this share of the least-squares loss. */
export const NEAR = 0.01;

/** cfg: {n, noise, seed, w0, b0, epochs, lr: {id: η}}; racers: [{id, spec(lr)}]. */
export function lineRun(/** @type {AdagradLab.Lab} */ lab, cfg, racers) {
  const data = lab.makeRegressionDataset({ kind: 'line', n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
  const minimum = lab.linearRegressionMinimum(data);
  const floor = lab.linearRegressionValue(data, minimum);
  const runs = {};
  for (const r of racers) {
    try {
      runs[r.id] = lab.runLinearRegression({ ...data, x0: [cfg.w0, cfg.b0], steps: cfg.epochs, optimizer: r.spec(cfg.lr[r.id]) });
    } catch (error) {
      error.racer = r.id;
      throw error;
    }
  }
  const arrive = {}, crossings = {};
  for (const r of racers) {
    arrive[r.id] = fittedFrom(runs[r.id].values, floor);
    crossings[r.id] = crossingsOf(runs[r.id], minimum[0]);
  }
  return { cfg, data, minimum, floor, runs, arrive, crossings, roundness: roundness(data.x) };
}

/** The first epoch from which the loss stays within NEAR of the floor to the end, or null. */
export function fittedFrom(values, floor) {
  let from = null;
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] <= floor * (1 + NEAR)) from = i; else break;
  }
  return from;
}

/** How many times w passes the best w (its sign of w − w* changes). */
function crossingsOf(run, best) {
  let count = 0;
  for (let t = 1; t <= run.stepsTaken; t++) {
    const a = run.params[2 * (t - 1)] - best, b = run.params[2 * t] - best;
    if (a * b < 0) count++;
  }
  return count;
}

/** The ratio of the loss's largest to smallest curvature in (w, b): 1 is a round bowl. */
export const roundness = (x) => curvature(x).stretch;
