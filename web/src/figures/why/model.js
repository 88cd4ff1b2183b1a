// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The first figure's run, through the core only: two gradient histories (lab.gradientHistories:
// θ₁ gets a gradient every step, θ₂ on a few), fed to one real AdaGrad and one plain SGD with the
// same η; each step's G, effective rate and update are read back from the optimizers
// (sum(), effectiveRate(), lastUpdate()). Then what the view and the story need: where θ₂'s
// gradients came, and the distance each parameter travelled, Σ|Δθ|.

/** cfg: {lr, eps, steps, seed, rare}. */
export function whyRun(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const h = lab.gradientHistories({ steps: cfg.steps, seed: cfg.seed, rare_probability: cfg.rare });
  const ada = lab.createOptimizer({ kind: 'adagrad', lr: cfg.lr, eps: cfg.eps });
  let sgd = null;
  try {
    sgd = lab.createOptimizer({ kind: 'sgd', lr: cfg.lr });
    const n = cfg.steps;
    const per = () => [new Float64Array(n), new Float64Array(n)];
    const r = { cfg, n, g: [h.frequent, h.rare], G: per(), rate: per(), ada: per(), sgd: per(), rareSteps: [], rareUpTo: new Int32Array(n + 1) };
    const p = new Float64Array(2), q = new Float64Array(2);
    for (let t = 0; t < n; t++) {
      const g = new Float64Array([h.frequent[t], h.rare[t]]);
      ada.step(p, g);
      const G = ada.sum(), rate = ada.effectiveRate(), u = ada.lastUpdate();
      sgd.step(q, g);
      const v = sgd.lastUpdate();
      for (let i = 0; i < 2; i++) {
        r.G[i][t] = G[i]; r.rate[i][t] = rate[i]; r.ada[i][t] = u[i]; r.sgd[i][t] = v[i];
      }
      if (h.rare[t] !== 0) r.rareSteps.push(t);
      r.rareUpTo[t + 1] = r.rareSteps.length;
    }
    // Distance travelled, Σ|Δθ| over the steps so far.
    const cumulative = (a) => { let acc = 0; return a.map((v) => (acc += Math.abs(v))); };
    r.far = { sgd: r.sgd.map(cumulative), ada: r.ada.map(cumulative) };
    return r;
  } finally {
    ada.delete();
    if (sgd) sgd.delete();
  }
}
