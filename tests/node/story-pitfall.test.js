// The pitfall's caption against its runs: the named cases and a seeded sweep checking the count
// of η-long moves and what each run is said to do.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, pitfallRun, pitfallStory, settings, sampler;
test.before(async () => {
  lab = await loadLab();
  ({ pitfallRun } = await import('../../web/src/figures/pitfall/model.js'));
  ({ pitfallStory } = await import('../../web/src/figures/pitfall/story.js'));
  ({ settings } = await import('../../web/src/figures/pitfall/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const run = pitfallRun(lab, values);
  return { run, ...pitfallStory(run) };
}

test('defaults: every forgetful move is η long and it rattles; the real AdaGrad does not', () => {
  const { caption, verdicts } = tell({});
  assert.match(caption, /all 100 of the forgetful run’s moves are η long/);
  assert.equal(verdicts.bad.kind, 'oscillates');
  assert.match(caption, /The forgetful run rattles around the minimum, between −0\.2 and 0\.2/);
  assert.notEqual(verdicts.good.kind, 'oscillates');
});

test('η = 7 from 3: the forgetful run bounces between 3 and −4; it is not said to run away', () => {
  const { caption, verdicts } = tell({ lr: '7' });
  assert.equal(verdicts.bad.kind, 'oscillates');
  assert.doesNotMatch(caption, /moves away/);
});

test('sweep: 300 settings within the rules; the η-long count and each run’s fate match the runs', () => {
  const rnd = sampler(12);
  const limits = { x0: { min: -20, max: 20 }, b0: { min: -20, max: 20 }, steps: { min: 1, max: 300 } };
  for (let i = 0; i < 300; i++) {
    const over = {};
    for (const k of ['f', 'x0', 'b0', 'lr', 'steps']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, caption, verdicts } = tell(over);
    const where = `${JSON.stringify(over)}\n${caption}`;
    assert.doesNotMatch(caption, /NaN|undefined|Infinity|null/, where);
    const { bad, dim, lr } = run;
    let moves = 0, eta = 0;
    for (let t = 1; t <= bad.stepsTaken; t++) for (let c = 0; c < dim; c++) {
      if (bad.grads[(t - 1) * dim + c] === 0) continue;
      moves++;
      if (Math.abs(Math.abs(bad.params[t * dim + c] - bad.params[(t - 1) * dim + c]) - lr) <= 0.01 * lr) eta++;
    }
    if (moves && eta === moves) assert.ok(caption.includes(`all ${moves} of the forgetful run’s moves are η long`), where);
    else if (moves) assert.ok(caption.includes(`${eta} of the forgetful run’s ${moves} moves are η`), where);
    assert.equal(/The forgetful run rattles/.test(caption), verdicts.bad.kind === 'oscillates', where);
    assert.equal(/the real AdaGrad reaches the minimum/.test(caption), verdicts.good.kind === 'arrived', where);
    if (verdicts.bad.kind === 'oscillates') {
      const n = bad.stepsTaken, x = bad.params;
      assert.ok(x[n * dim] * x[(n - 1) * dim] <= 0 || dim > 1, where);
    }
  }
});
