// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
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
export function spiralRuns(/** @type {AdagradLab.Lab} */ lab, cfg) {
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
      runs.push({ run, kind, lr, name: kindName(kind), stats: null, losses: history(), accuracies: history(), above99: 0, ...fresh() });
    }
    net.delete();
    return boards(cfg, d, runs);
  } catch (error) {
    for (const obj of made) obj.delete();
    throw new SpiralError(error && error.message ? error.message : String(error), stage);
  }
}

/** Per board, from its first epoch on: the first epoch's loss, and the highest loss so far with
 *  its epoch (the story tells a spike from the histories' ends alone, which are decimated). */
const fresh = () => ({ firstLoss: null, peak: null });

// What the boards know about a run, from its epochs done and the index of its failed epoch (or
// null): shared by the boards that train here and by the mirror of boards that train elsewhere.
function ledger(cfg, runs, done, divergedAt) {
  // The core numbers epochs from 0 (divergedAt is the index of the failed epoch); the page
  // counts them from 1 like its epoch counter, so the failed one is divergedAt + 1.
  const divergedEpoch = (r) => { const at = divergedAt(r); return at === null ? null : at + 1; };
  const stopped = (r) => r.stats?.diverged || divergedEpoch(r) !== null;
  const trainable = (r) => !stopped(r) && done(r) < cfg.epochs;
  return {
    done, divergedEpoch, trainable,
    /** Every board has diverged or trained all its epochs. */
    finished: () => runs.every((r) => !trainable(r)),
    /** The furthest board's epoch. */
    epoch: () => Math.max(...runs.map(done)),
  };
}

function boards(cfg, data, runs) {
  const { done, divergedEpoch, trainable, finished, epoch } = ledger(cfg, runs, (r) => r.run.epochsDone(), (r) => r.run.divergedAt());
  /** One epoch of one board, its loss and accuracy added to the histories. */
  function trainRun(r) {
    r.stats = r.run.epochs(1);
    if (r.stats.diverged) return;
    r.losses.push(r.stats.loss);
    r.accuracies.push(r.stats.accuracy);
    if (!r.above99 && r.stats.accuracy > SOLVED) r.above99 = done(r);
    if (r.firstLoss === null) r.firstLoss = r.stats.loss;
    if (!r.peak || r.stats.loss > r.peak.loss) r.peak = { loss: r.stats.loss, epoch: done(r) };
  }
  return {
    cfg, data, runs, done, divergedEpoch, trainable, finished, epoch,
    /** One epoch of the board that is behind (the left one on a tie); false if neither can train. */
    trainBehind() {
      let next = null;
      for (const r of runs) if (trainable(r) && (!next || done(r) < done(next))) next = r;
      if (next) trainRun(next);
      return next !== null;
    },
    /** One epoch of each board. */
    train() { for (const r of runs) if (trainable(r)) trainRun(r); },
    free() { for (const r of runs) r.run.delete(); },
  };
}

// ----- boards that train in another thread (the figure's Web Worker, spiral/worker.js)

/** Makes boards `b` report what changed since the last report: their histories become plain
 *  lists that report() empties. For the thread that trains; b no longer keeps its histories. */
export function reporting(b) {
  const list = () => { let items = []; return { push(v) { items.push(v); }, take() { const out = items; items = []; return out; } }; };
  for (const r of b.runs) { r.losses = list(); r.accuracies = list(); }
  /** What a mirror needs to catch up: per board its epochs, divergence, last stats, first
   *  epoch above SOLVED, first and highest loss, and the losses and accuracies added since the last report. */
  return () => b.runs.map((r) => ({
    epochs: r.run.epochsDone(), divergedAt: r.run.divergedAt(), stats: r.stats, above99: r.above99,
    firstLoss: r.firstLoss, peak: r.peak, losses: r.losses.take(), accuracies: r.accuracies.take(),
  }));
}

/** Boards that train elsewhere, as the view and the story read boards: the same fields and
 *  functions as spiralRuns' (no r.run), kept up to date by apply(report) with what reporting()
 *  sends, in order. `b`: the boards it mirrors, at epoch 0 (their runs may be freed after). */
export function mirror(b) {
  const runs = b.runs.map((r) => ({ kind: r.kind, lr: r.lr, name: r.name, stats: null, losses: history(), accuracies: history(), above99: 0, ...fresh(), epochs: 0, divergedAt: null }));
  const { done, divergedEpoch, trainable, finished, epoch } = ledger(b.cfg, runs, (r) => r.epochs, (r) => r.divergedAt);
  return {
    cfg: b.cfg, data: b.data, runs, done, divergedEpoch, trainable, finished, epoch,
    free() {},
    apply(report) {
      report.forEach((s, i) => {
        const r = runs[i];
        for (const v of s.losses) r.losses.push(v);
        for (const v of s.accuracies) r.accuracies.push(v);
        Object.assign(r, { epochs: s.epochs, divergedAt: s.divergedAt, stats: s.stats, above99: s.above99, firstLoss: s.firstLoss, peak: s.peak });
      });
    },
  };
}
