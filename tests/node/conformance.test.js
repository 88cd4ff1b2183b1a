// Every reference case (*.json in $ADAGRAD_REFERENCE_DIR, default tests/reference/) through the
// WASM module's public API. Cases are recognised by their fields, never by their names: a
// `network` field makes a network case, otherwise `grads` or `objective` an optimizer case.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { root, loadLab } = require('./lab.js');

const referenceDir = path.resolve(root, process.env.ADAGRAD_REFERENCE_DIR || 'tests/reference');
const files = fs.readdirSync(referenceDir).filter((f) => f.endsWith('.json')).sort();

// Collects values outside tolerance; `abs + rel * |want|` as the reference README defines.
class Mismatches {
  constructor() { this.lines = []; this.count = 0; }
  check(got, want, abs, rel, where) {
    const ok = Math.abs(got - want) <= abs + rel * Math.abs(want);  // false for NaN
    if (ok) return;
    this.count++;
    if (this.lines.length < 10)
      this.lines.push(`${where}: got ${got}, want ${want} (diff ${Math.abs(got - want)}, allowed ${abs + rel * Math.abs(want)})`);
  }
  report(name) {
    if (this.count === 0) return;
    assert.fail(`case ${name}: ${this.count} value(s) out of tolerance\n  ${this.lines.join('\n  ')}`);
  }
}

function runOptimizerCase(lab, c, bad) {
  const want = c.trajectory;
  const { abs, rel } = c.tolerance;
  const got = [];
  if (c.grads) {
    const opt = lab.createOptimizer(c.optimizer);
    try {
      const params = Float64Array.from(c.params0);
      for (const g of c.grads) {
        opt.step(params, Float64Array.from(g));
        got.push(Array.from(params));
      }
    } finally {
      opt.delete();
    }
  } else {
    assert.strictEqual(c.objective.type, 'quadratic', `case ${c.name}: unsupported objective`);
    const path = lab.runQuadratic({ scales: c.objective.scales, x0: c.params0, steps: c.steps, optimizer: c.optimizer });
    assert.strictEqual(path.divergedAt, null, `case ${c.name}: diverged at step ${path.divergedAt}`);
    for (let s = 1; s <= path.stepsTaken; s++) got.push(Array.from(path.params.subarray(s * path.dim, (s + 1) * path.dim)));
  }
  assert.strictEqual(got.length, want.length, `case ${c.name}: ${got.length} steps, want ${want.length}`);
  want.forEach((row, s) => row.forEach((w, i) => bad.check(got[s][i], w, abs, rel, `step ${s + 1} param[${i}]`)));
}

// W1, b1, W2, b2, ... flattened in that order (W row-major, out x in) is the network's layout.
// `names` gets each value's name, e.g. "W2[3]".
function flatWeights(weights, layerCount, names = []) {
  const out = [];
  for (let l = 1; l < layerCount; l++)
    for (const key of [`W${l}`, `b${l}`])
      weights[key].flat().forEach((v, i) => { out.push(v); names.push(`${key}[${i}]`); });
  return Float64Array.from(out);
}

function runNetworkCase(lab, c, bad) {
  const layers = c.network.layers;
  const run = new lab.TrainingRun({
    network: { layers, activation: c.network.hidden_activation },
    params: flatWeights(c.init, layers.length),
    optimizer: c.optimizer,
    data: { x: Float64Array.from(c.data.X.flat()), y: Float64Array.from(c.data.y), dim: layers[0] },
  });
  try {
    run.epochs(c.epochs);
    assert.strictEqual(run.divergedAt(), null, `case ${c.name}: diverged at epoch ${run.divergedAt()}`);
    assert.strictEqual(run.epochsDone(), c.epochs, `case ${c.name}: epochs done`);
    const t = c.tolerance;
    const losses = run.losses(), accuracies = run.accuracies();
    c.losses.forEach((w, e) => bad.check(losses[e], w, t.loss_abs, 0, `epoch ${e} loss`));
    c.accuracies.forEach((w, e) => bad.check(accuracies[e], w, 1e-12, 0, `epoch ${e} accuracy`));
    const names = [];
    const final = run.getParams(), want = flatWeights(c.final, layers.length, names);
    assert.strictEqual(final.length, want.length, `case ${c.name}: parameter count`);
    want.forEach((w, i) => bad.check(final[i], w, t.params_abs, t.params_rel, `final ${names[i]}`));
  } finally {
    run.delete();
  }
}

test('the reference folder has cases', () => {
  assert.ok(files.length > 0, `no *.json in ${referenceDir}`);
});

for (const file of files) {
  test(`reference case ${file}`, async () => {
    const lab = await loadLab();
    const c = JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8'));
    const name = c.name || path.basename(file, '.json');
    const bad = new Mismatches();
    if (c.network) runNetworkCase(lab, c, bad);
    else runOptimizerCase(lab, c, bad);
    bad.report(name);
  });
}
