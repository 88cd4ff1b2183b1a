// The stochastic figure's words, from its runs: how many steps touch each word, whose rate ends
// larger and by how much, how the full-batch rate compares, and which weight moved further under
// each optimizer. Pure: paragraphs of segments.
import { short } from '../../format.js';

const reviews = (k) => `${k} review${k === 1 ? '' : 's'}`;
const plural = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
/** a over b as "3.2× larger" / "3.2× smaller" / "about the same". */
const ratio = (a, b) => {
  if (!(b > 0) || !(a > 0)) return null;
  const r = a / b;
  return Math.abs(r - 1) < 0.005 ? 'about the same as' : r > 1 ? `${short(r, 3)}× larger than` : `${short(1 / r, 3)}× smaller than`;
};

/** run: stochasticRun's result; words: {rare, common}. */
export function stochasticStory(run, bag, { rare, common }) {
  const i = bag.index.get(rare), j = bag.index.get(common);
  const df = (k) => bag.documentFrequency[k];
  const { cfg, P, stepsPerEpoch } = run;
  const paragraphs = [];
  // exactly: one review a step (a word is in as many steps as reviews), or every review in every step
  const everyStep = cfg.batch >= run.n;
  const exact = cfg.batch === 1 || everyStep;
  const touched = (k) => (everyStep ? stepsPerEpoch : Math.min(df(k), stepsPerEpoch));
  const p = [`Each epoch takes ${plural(stepsPerEpoch, 'step')} of ${reviews(Math.min(cfg.batch, run.n))}${everyStep ? '' : ', in an order shuffled by the core'}. `,
    stepsPerEpoch === 1
      ? `“${rare}” (in ${reviews(df(i))}) and “${common}” (in ${df(j)}) both get a gradient on that one step. `
      : `“${rare}” is in ${reviews(df(i))}, so it gets a gradient on ${exact ? 'exactly' : 'at most'} ${touched(i)} of the ${stepsPerEpoch} steps; “${common}” is in ${df(j)}, so on ${exact ? 'exactly' : 'at most'} ${touched(j)}. `];
  p.push(everyStep ? 'Every step sees every review: this is the full batch of §8.'
    : 'On every other step their gradients are 0, and AdaGrad’s G for them does not grow.');
  paragraphs.push(p);
  const diverged = ['sgd', 'ada', 'full'].filter((k) => run[k].divergedAt !== null);
  if (diverged.length) {
    paragraphs.push([{ text: diverged.map((k) => `${{ sgd: 'SGD', ada: 'AdaGrad', full: 'Full-batch AdaGrad' }[k]} diverged in epoch ${run[k].divergedAt + 1}`).join('; '), tone: 'danger' }, '.']);
    return { paragraphs };
  }
  const E = run.ada.done;
  const at = (r, k) => r.rates[(r.done - 1) * P + k];
  const G = (r, k) => r.sums[(r.done - 1) * P + k];
  const rr = at(run.ada, i), rc = at(run.ada, j);
  const cmp = ratio(rr, rc);
  paragraphs.push([`After ${plural(E, 'epoch')}, AdaGrad’s G is ${short(G(run.ada, i), 3)} for “${rare}” and ${short(G(run.ada, j), 3)} for “${common}”, `,
    `so their rates are ${short(rr, 3)} and ${short(rc, 3)}`, cmp ? `: the rare word’s rate is ${cmp} the common word’s. ` : '. ',
    `SGD uses η = ${short(cfg.sgd)} for both. `,
    (() => {
      const rf = at(run.full, i);
      const c2 = ratio(rf, rr);
      return c2 ? `With the whole batch on every step, as in §8, AdaGrad’s rate for “${rare}” would be ${short(rf, 3)}, ${c2} here: there each step touches it, with a gradient averaged over all ${run.n} reviews.` : '';
    })()]);
  const moved = (r, k) => Math.abs(r.params[r.done * P + k]);
  const words = (r) => {
    const a = moved(r, i), b = moved(r, j);
    if (b === 0) return a === 0 ? 'neither moved' : `only “${rare}” moved`;
    const q = a / b;
    return Math.abs(q - 1) < 0.005 ? `“${rare}” moved about as far as “${common}”` : q > 1 ? `“${rare}” moved ${short(q, 3)}× as far as “${common}”` : `“${rare}” moved ${short(1 / q, 3)}× less far than “${common}”`;
  };
  paragraphs.push([`From 0, the weights end at ${short(run.sgd.params[run.sgd.done * P + i], 3)} (“${rare}”) and ${short(run.sgd.params[run.sgd.done * P + j], 3)} (“${common}”) under SGD, `,
    `and at ${short(run.ada.params[E * P + i], 3)} and ${short(run.ada.params[E * P + j], 3)} under AdaGrad: under SGD ${words(run.sgd)}, under AdaGrad ${words(run.ada)}.`]);
  return { paragraphs };
}
