// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The pitfall's two runs, through the core only: AdaGrad, and AdaGrad whose accumulator is
// re-created before every step (lab.runQuadratic with reset_state_every_step: true), same options,
// same start; and the step table of each coordinate's bowl, which holds the correct run's G row by
// row (AdaGrad works coordinate by coordinate, so on these separable bowls the two agree).

export const EPS = 1e-10;  // PyTorch's default ε, passed explicitly so every call uses the same one
export const OBJECTIVES = {
  x2: { scales: [1], names: ['x'], text: 'f(x) = x²' },
  valley: { scales: [1, 10], names: ['w', 'b'], text: 'f(w, b) = w² + 10b²' },
};

/** cfg: {f, x0, b0, lr, steps}. */
export function pitfallRun(/** @type {AdagradLab.Lab} */ lab, cfg) {
  const { scales, names } = OBJECTIVES[cfg.f];
  const x0 = cfg.f === 'valley' ? [cfg.x0, cfg.b0] : [cfg.x0];
  const optimizer = { kind: 'adagrad', lr: cfg.lr, eps: EPS };
  const good = lab.runQuadratic({ scales, x0, steps: cfg.steps, optimizer });
  const bad = lab.runQuadratic({ scales, x0, steps: cfg.steps, optimizer, reset_state_every_step: true });
  const tables = scales.map((scale, i) => lab.stepTable({ x0: x0[i], lr: cfg.lr, eps: EPS, steps: cfg.steps, scale }));
  return { ...cfg, scales, names, x0, good, bad, tables, dim: scales.length, last: Math.max(good.stepsTaken, bad.stepsTaken) };
}
