// The spiral's runs, through the core only: the points (lab.makeDataset), one network's starting
// weights (lab.Network) and two full-batch trainings from them (lab.TrainingRun), one per board,
// trained an epoch at a time with their loss and accuracy histories. No DOM: the view drives the
// epochs and draws; tests train it under Node.
import { history } from '../../draw/decimate.js';
import { KINDS } from './settings.js';

export const kindName = (k) => KINDS.find(([v]) => v === k)?.[1] ?? k;
/** "Solved": above this accuracy on the training points (the notebook's own bar); each board
 *  records the first epoch it passed it. */
export const SOLVED = 0.99;

/** PyTorch option names for each choice on the page. */
export function optimizerSpec(kind, lr, place) {
  switch (kind) {
    case 'adagrad': return { kind: 'adagrad', lr, eps: 1e-8, eps_placement: place };
    case 'momentum': return { kind: 'sgd', lr, momentum: 0.9 };
    default: return { kind, lr };
  }
}

/** A refused setting: the core's message, and which stage refused it ('data', 'network', 'a', 'b'). */
export class SpiralError extends Error {
  constructor(message, stage) { super(message); this.stage = stage; }
}

/** cfg: {draw, seed, noise, n, hidden: [widths], act, init, wseed, opt, lr, cmp, clr, place,
 *  epochs}. Returns the two boards, ready to train; throws a SpiralError naming the stage. Call
 *  free() when done: the runs live in WASM memory. */
export function spiralRuns(lab, cfg) {
  let stage = 'data';
  const made = [];
  try {
    const d = lab.makeDataset({ kind: cfg.draw === 'numpy' ? 'notebook_spiral' : 'spiral', n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
    stage = 'network';
    const network = { layers: [2, ...cfg.hidden, 1], activation: cfg.act, init: cfg.init, seed: cfg.wseed };
    const net = new lab.Network(network);
    made.push(net);
    const params = net.getParams();  // both runs start from these exact weights
    const data = { x: d.x, y: d.y, dim: d.dim };
    const runs = [];
    for (const [which, kind, lr] of [['a', cfg.opt, cfg.lr], ['b', cfg.cmp, cfg.clr]]) {
      stage = which;
      const run = new lab.TrainingRun({ network, params, optimizer: optimizerSpec(kind, lr, cfg.place), data, batch_size: 0, shuffle_seed: 0 });
      made.push(run);
      // the loss and accuracy histories grow as the run trains, kept bounded for drawing
      runs.push({ run, kind, lr, name: kindName(kind), stats: null, losses: history(), accuracies: history(), above99: 0 });
    }
    net.delete();
    return boards(cfg, d, runs);
  } catch (error) {
    for (const obj of made) obj.delete();
    throw new SpiralError(error && error.message ? error.message : String(error), stage);
  }
}

function boards(cfg, data, runs) {
  const done = (r) => r.run.epochsDone();
  // The core numbers epochs from 0 (divergedAt() is the index of the failed epoch); the page
  // counts them from 1 like its epoch counter, so the failed one is divergedAt() + 1.
  const divergedEpoch = (r) => { const at = r.run.divergedAt(); return at === null ? null : at + 1; };
  const stopped = (r) => r.stats?.diverged || divergedEpoch(r) !== null;
  const trainable = (r) => !stopped(r) && done(r) < cfg.epochs;
  /** One epoch of one board, its loss and accuracy added to the histories. */
  function trainRun(r) {
    r.stats = r.run.epochs(1);
    if (r.stats.diverged) return;
    r.losses.push(r.stats.loss);
    r.accuracies.push(r.stats.accuracy);
    if (!r.above99 && r.stats.accuracy > SOLVED) r.above99 = done(r);
  }
  return {
    cfg, data, runs, done, divergedEpoch, trainable,
    /** Every board has diverged or trained all its epochs. */
    finished: () => runs.every((r) => !trainable(r)),
    /** One epoch of the board that is behind (the left one on a tie); false if neither can train. */
    trainBehind() {
      let next = null;
      for (const r of runs) if (trainable(r) && (!next || done(r) < done(next))) next = r;
      if (next) trainRun(next);
      return next !== null;
    },
    /** One epoch of each board. */
    train() { for (const r of runs) if (trainable(r)) trainRun(r); },
    /** The furthest board's epoch. */
    epoch: () => Math.max(...runs.map(done)),
    free() { for (const r of runs) r.run.delete(); },
  };
}
