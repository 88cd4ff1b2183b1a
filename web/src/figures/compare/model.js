// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The comparison's live experiment, through the core only: each optimizer, made by
// lab.createOptimizer, fed the same constant gradient (g₁, g₂) k times from 0; every step's change
// read back from the core (lastUpdate()).

/** The five, as the core names them: id → the spec for one learning rate and momentum. */
export const KINDS = {
  sgd: (cfg) => ({ kind: 'sgd', lr: cfg.lr }),
  momentum: (cfg) => ({ kind: 'sgd', lr: cfg.lr, momentum: cfg.mom }),
  adagrad: (cfg) => ({ kind: 'adagrad', lr: cfg.lr }),
  rmsprop: (cfg) => ({ kind: 'rmsprop', lr: cfg.lr }),
  adam: (cfg) => ({ kind: 'adam', lr: cfg.lr }),
};

/** One optimizer k steps on the constant gradient: each step's change per parameter, the final
 *  position, and the step at which a position stopped being finite (or null). */
export function feed(/** @type {AdagradLab.Lab} */ lab, id, cfg) {
  const opt = lab.createOptimizer(KINDS[id](cfg));
  try {
    const params = new Float64Array(2);
    const grad = new Float64Array([cfg.g1, cfg.g2]);
    const steps = [new Float64Array(cfg.k), new Float64Array(cfg.k)];
    for (let t = 0; t < cfg.k; t++) {
      opt.step(params, grad);
      const update = opt.lastUpdate();
      steps[0][t] = update[0];
      steps[1][t] = update[1];
      if (!Number.isFinite(params[0]) || !Number.isFinite(params[1])) return { steps, params, divergedAt: t + 1 };
    }
    return { steps, params, divergedAt: null };
  } finally {
    opt.delete();
  }
}

/** cfg: {g1, g2, lr, mom, k} → {…cfg, results: {id: feed(…)}}. */
export function compareRun(/** @type {AdagradLab.Lab} */ lab, cfg) {
  return { ...cfg, results: Object.fromEntries(Object.keys(KINDS).map((id) => [id, feed(lab, id, cfg)])) };
}
