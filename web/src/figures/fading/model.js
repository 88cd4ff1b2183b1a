// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The fading-rate figure's runs, through the core only: a long run on f(w, b) = w² + 10b² for
// AdaGrad, RMSProp and Adam (lab.runQuadratic: paths, values, per-step rates, and AdaGrad's G
// as the trajectory's moments); the article's demonstration, each optimizer fed the same 1000
// pure N(0, 1) gradients (core optimizers stepped on the x column of
// lab.makeRegressionDataset({kind: 'line'})); and how far each gets for each η (the sweep).

export const SCALES = [1, 10];                      // f(w, b) = w² + 10 b²
export const KINDS = ['adagrad', 'rmsprop', 'adam'];
export const RANDOM_STEPS = 1000;                   // the article's 1000 random gradients
export const SWEEP = Array.from({ length: 16 }, (_, i) => Math.pow(10, -3 + i / 3));  // η from 0.001 to 100

/** cfg: {w0, b0, steps, lr: {adagrad, rmsprop, adam}, seed}. Throws with error.kind set to the
 *  optimizer whose options the core refused. */
export function fadingRuns(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const runs = {};
  for (const kind of KINDS) {
    try {
      runs[kind] = lab.runQuadratic({ scales: SCALES, x0: [cfg.w0, cfg.b0], steps: cfg.steps, optimizer: { kind, lr: cfg.lr[kind] } });
    } catch (error) { error.kind = kind; throw error; }
  }
  const dist = {}, rate = {};
  for (const kind of KINDS) {
    const r = runs[kind];
    dist[kind] = Float64Array.from({ length: r.stepsTaken + 1 }, (_, i) => Math.hypot(r.params[2 * i], r.params[2 * i + 1]));
    rate[kind] = [0, 1].map((c) => Float64Array.from({ length: r.stepsTaken }, (_, i) => r.rates[2 * i + c]));
  }
  return { cfg, runs, dist, rate, G: runs.adagrad.moments, random: randomRates(lab, cfg) };
}

/** The article's demonstration: 1000 gradients drawn from N(0, 1), each optimizer's rate.
 *  AdaGrad gets two parameters, the random gradient and a constant 1 (whose rate is η/√t). */
export function randomRates(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const n = RANDOM_STEPS;
  const g = lab.makeRegressionDataset({ kind: 'line', n_samples: n, noise: 0, seed: cfg.seed }).x;
  const opts = [];
  try {
    for (const k of KINDS) opts.push(lab.createOptimizer({ kind: k, lr: cfg.lr[k] }));
    const out = { g, adagrad: new Float64Array(n), rmsprop: new Float64Array(n), adam: new Float64Array(n), guide: new Float64Array(n) };
    const two = new Float64Array(2), pair = new Float64Array([0, 1]), one = new Float64Array(1);
    for (let t = 0; t < n; t++) {
      pair[0] = g[t];
      opts[0].step(two, pair);
      const r = opts[0].effectiveRate();
      out.adagrad[t] = r[0]; out.guide[t] = r[1];
      const gt = g.subarray(t, t + 1);
      opts[1].step(one, gt); out.rmsprop[t] = opts[1].effectiveRate()[0];
      opts[2].step(one, gt); out.adam[t] = opts[2].effectiveRate()[0];
    }
    return out;
  } finally { for (const o of opts) o.delete(); }
}

/** The distance from the minimum after a whole run of `kind` at η = lr (NaN: diverged). */
export function sweepDistance(/** @type {AdagradLab.Lab} */ lab, cfg, kind, lr) {
  const r = lab.runQuadratic({ scales: SCALES, x0: [cfg.w0, cfg.b0], steps: cfg.steps, optimizer: { kind, lr } });
  if (r.divergedAt !== null && r.divergedAt !== undefined) return NaN;
  const n = r.stepsTaken;
  return Math.hypot(r.params[2 * n], r.params[2 * n + 1]);
}

/** The sweep one run at a time: yields the number of runs done (of SWEEP_RUNS) after each, and
 *  returns the result, so the page can spread its 48 runs over tasks (at 20 000 steps the whole
 *  sweep takes over a second). */
export function* sweepSteps(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const res = { eta: SWEEP, logEta: SWEEP.map((v) => Math.log10(v)) };
  let done = 0;
  for (const kind of KINDS) {
    res[kind] = [];
    for (const lr of SWEEP) {
      res[kind].push(sweepDistance(lab, cfg, kind, lr));
      yield ++done;
    }
  }
  return res;
}
export const SWEEP_RUNS = KINDS.length * SWEEP.length;

/** The distance from the minimum after the whole run, for every η in SWEEP (NaN: diverged). */
export function sweepRuns(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const it = sweepSteps(lab, cfg);
  for (;;) { const r = it.next(); if (r.done) return r.value; }
}
