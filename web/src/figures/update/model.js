// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The placement comparison's runs, through the core only: for one start x₀ on f(x) = x², AdaGrad
// with ε outside and with ε inside the root (lab.runQuadratic), and the two rates at the same G
// (two core optimizers, one per placement, fed the identical gradients of the outside run).
// And the two rates as functions of G (one step of each placement on gradients 10⁻⁸ … 10²).

/** cfg: {lr, eps, steps}. */
export function fromStart(/** @type {AdagradLab.Lab} */ lab, cfg, x0) {
  const spec = (place) => ({ kind: 'adagrad', lr: cfg.lr, eps: cfg.eps, eps_placement: place });
  const out = lab.runQuadratic({ scales: [1], x0: [x0], steps: cfg.steps, optimizer: spec('outside') });
  const inn = lab.runQuadratic({ scales: [1], x0: [x0], steps: cfg.steps, optimizer: spec('inside') });
  const n = out.stepsTaken;
  const same = { G: new Float64Array(n), out: new Float64Array(n), in: new Float64Array(n), rel: new Float64Array(n) };
  const a = lab.createOptimizer(spec('outside'));
  let b = null;
  try {
    b = lab.createOptimizer(spec('inside'));
    const p = new Float64Array([x0]), q = new Float64Array([x0]);
    for (let t = 0; t < n; t++) {
      const g = lab.quadraticGradient([1], p);
      a.step(p, g);
      b.step(q, g);  // q is never read: b only has to see the same gradients as a
      same.G[t] = a.sum()[0];
      same.out[t] = a.effectiveRate()[0];
      same.in[t] = b.effectiveRate()[0];
      same.rel[t] = Math.abs(same.in[t] / same.out[t] - 1);  // display: how different the two are
    }
  } finally {
    a.delete();
    if (b) b.delete();
  }
  return { x0, out, inn, same, n };
}

/** The two formulas across G: one optimizer per placement stepped once on gradients g = 10^e,
 *  so the core itself reports G = g² and each rate. */
export function curves(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const k = 162, g = new Float64Array(k);  // the last gradient is 0: the rate at G = 0
  for (let i = 0; i < k - 1; i++) g[i] = Math.pow(10, -8 + (10 * i) / (k - 2));
  const res = {};
  for (const place of ['outside', 'inside']) {
    const opt = lab.createOptimizer({ kind: 'adagrad', lr: cfg.lr, eps: cfg.eps, eps_placement: place });
    try {
      opt.step(new Float64Array(k), g);
      res[place] = opt.effectiveRate();
      res.G = opt.sum();
    } finally { opt.delete(); }
  }
  res.logG = res.G.map((v) => (v > 0 ? Math.log10(v) : NaN));  // axis position only
  res.atZero = { outside: res.outside[k - 1], inside: res.inside[k - 1] };
  return res;
}

/** cfg: {lr, eps, tiny, big, steps} → both starts and the curves. */
export function placementRun(/** @type {AdagradLab.Lab} */ lab, cfg) {
  return { cfg, tiny: fromStart(lab, cfg, cfg.tiny), big: fromStart(lab, cfg, cfg.big), curve: curves(lab, cfg) };
}
