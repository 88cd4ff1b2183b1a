// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The race's runs, through the core only: six optimizers on f(w, b) = w² + 10b² from one start
// (lab.runQuadratic: paths, values, rates, and AdaGrad's gradients and G as the trajectory's
// grads and moments). Then what the words need: when each crosses the finish, whether gradient
// descent zig-zags, what each run did (story/verdict.js), and when each of AdaGrad's
// coordinates is within NEAR of 0 for good.
import { verdict } from '../../story/verdict.js';

export const SCALES = [1, 10];
export const FINISH = 1e-3;   // the finish line: f below this
export const NEAR = 0.01;     // a coordinate "is there" within this of 0
export const EPS = 1e-10;     // AdaGrad's ε (PyTorch's default), outside the root

/** The racers' specs, by id. */
export const SPECS = {
  gd: (lr) => ({ kind: 'sgd', lr }),
  mom: (lr) => ({ kind: 'sgd', lr, momentum: 0.9 }),
  nag: (lr) => ({ kind: 'sgd', lr, momentum: 0.9, nesterov: true }),
  ada: (lr) => ({ kind: 'adagrad', lr, eps: EPS }),
  rms: (lr) => ({ kind: 'rmsprop', lr }),
  adam: (lr) => ({ kind: 'adam', lr }),
};

/** cfg: {w0, b0, steps, lr: {id: η}}. A refused η throws with error.racer set. */
export function raceRun(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const x0 = [cfg.w0, cfg.b0];
  const runs = {};
  for (const [id, spec] of Object.entries(SPECS)) {
    try {
      runs[id] = lab.runQuadratic({ scales: SCALES, x0, steps: cfg.steps, optimizer: spec(cfg.lr[id]) });
    } catch (error) { error.racer = id; throw error; }
  }
  const ada = runs.ada;
  const finish = {};
  for (const id of Object.keys(runs)) {
    const v = runs[id].values;
    finish[id] = null;
    for (let i = 0; i < v.length; i++) if (v[i] < FINISH) { finish[id] = i; break; }
  }
  // does gradient descent's b change sign on most of its first steps? (read off its path)
  const gd = runs.gd;
  let flips = 0;
  const look = Math.min(8, gd.stepsTaken);
  for (let i = 0; i < look; i++) if (gd.params[2 * i + 1] * gd.params[2 * i + 3] < 0) flips++;
  const zigzag = look >= 2 && flips >= look / 2;
  // AdaGrad's first move in each coordinate, against η (its first step is η·g/(|g| + ε))
  const firstMove = ada.stepsTaken >= 1 ? [0, 1].map((c) => Math.abs(ada.params[2 + c] - ada.params[c])) : null;
  const verdicts = Object.fromEntries(Object.keys(runs).map((id) => [id, verdict(runs[id], { minimizer: [0, 0], target: FINISH })]));
  const within = [0, 1].map((c) => {
    let from = null;
    for (let t = ada.stepsTaken; t >= 0 && Math.abs(ada.params[2 * t + c]) < NEAR; t--) from = t;
    return from;
  });
  const startInside = ada.values[0] < FINISH;
  return { cfg, runs, sums: ada.moments, grads: ada.grads, finish, zigzag, flips, look, firstMove, startInside, verdicts, within };
}
