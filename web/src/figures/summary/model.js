// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The recap cards' runs, through the core only: one small fixed experiment per card (the lesson's
// figures show each in full). Pure; a card whose run throws gets { error } and the others go on.
import { corpus, trainBoth } from '../text/model.js';
import { settings as textSettings } from '../text/settings.js';
import { settings as pitfallSettings } from '../pitfall/settings.js';

/** Each card's setup, named once: the story quotes these numbers. */
export const SETUPS = Object.freeze({
  sparse: { n: 200, density: 0.05, seed: 7, lr: 0.5, steps: 50, at: 10 },
  words: {},   // the text figure's defaults
  scales: { scales: [1, 100], x0: [3, 2], steps: 100, gd: 0.009, over: 0.011, ada: 0.5 },
  fading: { x0: 5, lr: 0.1, steps: 1000 },
  eta: { x0: 5, steps: 100, etas: [0.01, 0.1, 1] },
  bug: { steps: 60, eps: 1e-10 },   // start and η: the pitfall figure's defaults
});

const attempt = (f) => { try { return f(); } catch (error) { return { error: error && error.message ? error.message : String(error) }; } };

function sparse(/** @type {AdagradLab.Lab} */ lab, s) {
  const data = lab.makeRegressionDataset({ kind: 'sparse_column', n_samples: s.n, density: s.density, seed: s.seed });
  const target = lab.linearRegressionMinimum(data)[0];
  const gd = lab.runLinearRegression({ ...data, steps: s.steps, optimizer: { kind: 'sgd', lr: s.lr } });
  const ada = lab.runLinearRegression({ ...data, steps: s.steps, optimizer: { kind: 'adagrad', lr: s.lr } });
  let ones = 0;
  for (const v of data.x) if (v === 1) ones++;
  return { ...s, target, gd, ada, ones };
}

function words(/** @type {AdagradLab.Lab} */ lab) {   // the text figure's defaults: its own sweep tests other settings
  const d = textSettings.defaults;
  const bag = corpus(lab);
  const cfg = { sgdLr: Number(d.sgd), adaLr: Number(d.ada), epochs: Number(d.epochs) };
  const runs = trainBoth(lab, bag, cfg);
  const path = (r, i) => Float64Array.from({ length: r.done + 1 }, (_, e) => r.params[e * runs.P + i]);
  const of = (word) => { const i = bag.index.get(word); return { word, reviews: bag.documentFrequency[i], sgd: path(runs.sgd, i), ada: path(runs.ada, i) }; };
  return { ...cfg, rare: of(d.rare), common: of(d.common) };
}

function scales(/** @type {AdagradLab.Lab} */ lab, s) {
  const run = (optimizer) => lab.runQuadratic({ scales: s.scales, x0: s.x0, steps: s.steps, optimizer });
  return { ...s, gdRun: run({ kind: 'sgd', lr: s.gd }), overRun: run({ kind: 'sgd', lr: s.over }), adaRun: run({ kind: 'adagrad', lr: s.ada }) };
}

function fading(/** @type {AdagradLab.Lab} */ lab, s) {
  const run = (kind) => lab.runQuadratic({ scales: [1], x0: [s.x0], steps: s.steps, optimizer: { kind, lr: s.lr } });
  return { ...s, ada: run('adagrad'), rms: run('rmsprop') };
}

function eta(/** @type {AdagradLab.Lab} */ lab, s) {
  return { ...s, runs: s.etas.map((lr) => lab.runQuadratic({ scales: [1], x0: [s.x0], steps: s.steps, optimizer: { kind: 'adagrad', lr } })) };
}

function bug(/** @type {AdagradLab.Lab} */ lab, setup) {
  const d = pitfallSettings.defaults;
  const s = { x0: Number(d.x0), lr: Number(d.lr), ...setup };
  const opt = { kind: 'adagrad', lr: s.lr, eps: s.eps };
  return {
    ...s,
    good: lab.runQuadratic({ scales: [1], x0: [s.x0], steps: s.steps, optimizer: opt }),
    bad: lab.runQuadratic({ scales: [1], x0: [s.x0], steps: s.steps, optimizer: opt, reset_state_every_step: true }),
  };
}

/** Every card's run: { sparse, words, scales, fading, eta, bug }, each a result or { error }.
 *  `setups` replaces cards' setups (the sweep test draws others). */
export function cardRuns(/** @type {AdagradLab.Lab} */ lab, setups = {}) {
  return Object.fromEntries(Object.entries({ sparse, words, scales, fading, eta, bug })
    .map(([k, f]) => [k, attempt(() => f(lab, { ...SETUPS[k], ...setups[k] }))]));
}
/** One card's run, for a setup of its own. */
export const cardRun = (/** @type {AdagradLab.Lab} */ lab, id, setup = {}) => attempt(() => ({ sparse, words, scales, fading, eta, bug })[id](lab, { ...SETUPS[id], ...setup }));
