// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The parabola's run, through the core only: AdaGrad and plain gradient descent with the same η
// on f(x) = x² (lab.runQuadratic), AdaGrad's G, rate and update per step (lab.stepTable), and
// the curve itself (lab.quadraticValue). Pure: the same settings give the same run.

/** values: the parsed settings {x0, lr, eps, place, steps}. */
export function parabolaRun(/** @type {AdagradLab.Lab} */ lab, { x0, lr, eps, place, steps }) {
  const rows = lab.stepTable({ x0, lr, eps, eps_placement: place, steps, scale: 1 });
  const ada = lab.runQuadratic({ scales: [1], x0: [x0], steps, optimizer: { kind: 'adagrad', lr, eps, eps_placement: place } });
  const sgd = lab.runQuadratic({ scales: [1], x0: [x0], steps, optimizer: { kind: 'sgd', lr } });
  // the parabola, sampled across the window the walk lives in
  const reach = Math.abs(x0) * 1.15 || 1;
  const curveX = [], curveY = [];
  for (let i = 0; i <= 160; i++) {
    const x = -reach + (2 * reach * i) / 160;
    curveX.push(x);
    curveY.push(lab.quadraticValue([1], [x]));
  }
  return { x0, lr, eps, place, steps, rows, ada, sgd, curveX, curveY, reach, top: lab.quadraticValue([1], [reach]) };
}
