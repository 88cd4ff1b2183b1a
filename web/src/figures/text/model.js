// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The text figure's computations, all in the WASM core: the bag of words (lab.bagOfWords), two
// logistic regressions (a TrainingRun whose network has no hidden layer) trained full-batch from
// zero weights, one with SGD and one with AdaGrad, and their predictions (lab.Network). Here we
// only record what the core returns after each epoch, and turn a typed sentence into word counts
// with the core's tokenizer (data preparation).
import { texts, labels } from './corpus.js';

/** The corpus as the core sees it: {n, dim, x, y, vocabulary, documentFrequency, index}. */
export function corpus(/** @type {AdagradLab.Lab} */ lab) {
  const bag = lab.bagOfWords(texts, labels);
  const index = new Map(bag.vocabulary.map((word, i) => [word, i]));
  return { ...bag, index, texts, labels };
}

/** Trains both models for `epochs` epochs and keeps, after every epoch, the weights (and
 *  AdaGrad's effective rates and G). Row e of `params` is the weights after e epochs (row 0:
 *  the zero start); row e − 1 of `rates`/`sums` is the optimizer's state after epoch e. */
export function trainBoth(/** @type {AdagradLab.Lab} */ lab, bag, { sgdLr, adaLr, epochs }) {
  const P = bag.dim + 1;  // one weight per word, then the bias
  const common = {
    network: { layers: [bag.dim, 1], activation: 'linear' },
    params: new Float64Array(P),
    data: { x: bag.x, y: bag.y, dim: bag.dim },
  };
  const train = (optimizer, keepState, which) => {
    let run;
    try {
      run = new lab.TrainingRun({ ...common, optimizer });
    } catch (error) {
      error.which = which;  // the core's message names the option, not the optimizer: say which one
      throw error;
    }
    try {
      const params = new Float64Array((epochs + 1) * P);
      const rates = keepState ? new Float64Array(epochs * P) : null;
      const sums = keepState ? new Float64Array(epochs * P) : null;
      for (let e = 1; e <= epochs; e++) {
        if (run.epoch().diverged) break;
        params.set(run.getParams(), e * P);
        if (keepState) { rates.set(run.effectiveRate(), (e - 1) * P); sums.set(run.sum(), (e - 1) * P); }
      }
      const done = run.epochsDone();
      // losses()[e] is measured before update e, i.e. with the weights of row e; the last row's
      // loss is measured by evaluate() on the final weights.
      const last = run.evaluate(bag.x, bag.y);
      const losses = new Float64Array(done + 1), accuracies = new Float64Array(done + 1);
      losses.set(run.losses()); accuracies.set(run.accuracies());
      losses[done] = last.loss; accuracies[done] = last.accuracy;
      return { params, rates, sums, losses, accuracies, done, divergedAt: run.divergedAt() };
    } finally {
      run.delete();
    }
  };
  return {
    P, epochs, sgdLr, adaLr,
    sgd: train({ kind: 'sgd', lr: sgdLr }, false, 'sgd'),
    ada: train({ kind: 'adagrad', lr: adaLr }, true, 'ada'),
  };
}

/** A sentence as word counts over the vocabulary, by the core's tokenizer; words the 40
 *  reviews never use are listed apart (the models have no weight for them). */
export function countVector(/** @type {AdagradLab.Lab} */ lab, bag, sentence) {
  const counts = new Float64Array(bag.dim);
  const known = [], unknown = [];
  for (const word of lab.tokenize(sentence)) {
    const i = bag.index.get(word);
    if (i === undefined) { if (!unknown.includes(word)) unknown.push(word); continue; }
    if (counts[i] === 0) known.push(word);
    counts[i] += 1;
  }
  return { counts, known, unknown };
}
