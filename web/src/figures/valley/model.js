// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The sparse valley's runs, through the core only: the sparse 0/1 column and a dense N(0, 1)
// column made by lab.makeRegressionDataset, their least-squares minimum and loss, the contour
// grids, and four optimizers (lab.runLinearRegression) from one start. Then what the words need,
// read off those runs: when each is within 1% of the lowest loss for good, how far each passes
// the minimum's w, and how stretched and tilted each valley is (story/curvature.js).
import { latticeGrid } from '../../draw/contour.js';
import { curvature } from '../../story/curvature.js';
import { BOX, IDS } from './settings.js';

export const GRID = { nx: 161, ny: 101 };
/** "At the minimum": the loss within this share above the least-squares loss (1%). */
export const NEAR = 0.01;
/** With noise 0 the least-squares loss is 0 up to rounding (1e-32), of which 1% is no target:
 *  there a run is at the minimum once its loss is below this share of where it started, and the
 *  loss chart stops there (below it is rounding, not progress). */
export const EXACT = 1e-12;
/** A path "passes" the minimum's w when it goes this far beyond it. */
export const PAST = 0.01;

export const SPECS = {
  gd: (lr) => ({ kind: 'sgd', lr }),
  mom: (lr) => ({ kind: 'sgd', lr, momentum: 0.9 }),
  nag: (lr) => ({ kind: 'sgd', lr, momentum: 0.9, nesterov: true }),
  ada: (lr) => ({ kind: 'adagrad', lr }),
};

/** The level a run must get under, and the first step from which it stays there (or null). */
export function arrival(values, lowest) {
  const level = Math.max(lowest * (1 + NEAR), EXACT * values[0]);
  let from = null;
  for (let i = values.length - 1; i >= 0 && values[i] <= level; i--) from = i;
  return from;
}

/** How far a path goes past the minimum's w, on the far side from its start (≤ 0: never past),
 *  where it turned, and where it ended. */
function overshoot(t, wStar) {
  const side = t.params[0] < wStar ? 1 : -1;
  let most = -Infinity, at = 0;
  for (let i = 0; i <= t.stepsTaken; i++) {
    const past = side * (t.params[2 * i] - wStar);
    if (past > most) { most = past; at = i; }
  }
  return { past: most, extreme: t.params[2 * at], step: at, end: t.params[2 * t.stepsTaken] };
}

/** A data set, its minimum, its lowest loss and its contour values. */
function surfaceOf(/** @type {AdagradLab.Lab} */ lab, data) {
  const minimum = Array.from(lab.linearRegressionMinimum(data));
  return { data, minimum, floor: lab.linearRegressionValue(data, minimum), values: lab.linearRegressionValueGrid(data, latticeGrid(BOX, GRID.nx, GRID.ny)), shape: curvature(data.x) };
}

/** cfg: {density, n, noise, seed, w0, b0, steps, lr: {id: η}}. `last`: the last result, whose
 *  surfaces are reused (the same objects, so a plot can tell its contours have not changed) while
 *  the data's settings stay: only the runs change when the start, the steps or an η do. A
 *  refused η throws with error.racer set. */
export function valleyRun(/** @type {AdagradLab.Lab} */ lab, cfg, last = null) {
  const x0 = [cfg.w0, cfg.b0];
  const sparseKey = `${cfg.density}|${cfg.n}|${cfg.noise}|${cfg.seed}`;
  const sparse = last && last.sparse.key === sparseKey ? last.sparse
    : { key: sparseKey, ...surfaceOf(lab, lab.makeRegressionDataset({ kind: 'sparse_column', density: cfg.density, n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed })) };
  const denseKey = `${cfg.n}|${cfg.noise}|${cfg.seed}`;
  const round = last && last.dense.key === denseKey ? last.dense
    : { key: denseKey, ...surfaceOf(lab, lab.makeRegressionDataset({ kind: 'line', n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed })) };
  const runs = {};
  for (const id of IDS) {
    try {
      runs[id] = lab.runLinearRegression({ ...sparse.data, x0, steps: cfg.steps, optimizer: SPECS[id](cfg.lr[id]) });
    } catch (error) { error.racer = id; throw error; }
  }
  const denseGd = lab.runLinearRegression({ ...round.data, x0, steps: cfg.steps, optimizer: SPECS.gd(cfg.lr.gd) });
  let ones = 0;
  for (const v of sparse.data.x) if (v === 1) ones++;
  const arrive = Object.fromEntries(IDS.map((id) => [id, arrival(runs[id].values, sparse.floor)]));
  const passes = Object.fromEntries(IDS.map((id) => [id, runs[id].divergedAt === null ? overshoot(runs[id], sparse.minimum[0]) : null]));
  return { cfg, ...sparse, sparse, dense: round, runs, denseGd, ones, arrive, denseArrive: arrival(denseGd.values, round.floor), passes };
}
