// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The stochastic figure's runs, through the core only: the rare-words corpus (lab.bagOfWords),
// logistic regression trained a mini-batch at a time (lab.TrainingRun with batch_size and
// shuffle_seed) with SGD and with AdaGrad from zero weights, and, for contrast, AdaGrad on the
// full batch (one step per epoch, as in §8). After every epoch the weights, and AdaGrad's G and
// effective rates, as the core reports them.
import { corpus } from '../text/model.js';

export { corpus };

/** cfg: {sgd, ada, batch, epochs, seed}; bag: corpus(lab). */
export function stochasticRun(/** @type {AdagradLab.Lab} */ lab, bag, cfg) {
  const P = bag.dim + 1;  // one weight per word, then the bias
  const train = (optimizer, batch, which) => {
    let run;
    try {
      run = new lab.TrainingRun({
        network: { layers: [bag.dim, 1], activation: 'linear' }, params: new Float64Array(P),
        data: { x: bag.x, y: bag.y, dim: bag.dim }, optimizer, batch_size: batch, shuffle_seed: cfg.seed,
      });
    } catch (error) { error.which = which; throw error; }
    try {
      const params = new Float64Array((cfg.epochs + 1) * P);
      const adaptive = optimizer.kind === 'adagrad';
      const rates = adaptive ? new Float64Array(cfg.epochs * P) : null;
      const sums = adaptive ? new Float64Array(cfg.epochs * P) : null;
      let done = 0;
      for (let e = 1; e <= cfg.epochs; e++) {
        if (run.epoch().diverged) break;
        params.set(run.getParams(), e * P);
        if (adaptive) { rates.set(run.effectiveRate(), (e - 1) * P); sums.set(run.sum(), (e - 1) * P); }
        done = e;
      }
      return { params, rates, sums, done, divergedAt: run.divergedAt() };
    } finally {
      run.delete();
    }
  };
  return {
    cfg, P, n: bag.n,
    stepsPerEpoch: Math.ceil(bag.n / cfg.batch),
    sgd: train({ kind: 'sgd', lr: cfg.sgd }, cfg.batch, 'sgd'),
    ada: train({ kind: 'adagrad', lr: cfg.ada }, cfg.batch, 'ada'),
    full: train({ kind: 'adagrad', lr: cfg.ada }, 0, 'ada'),
  };
}
