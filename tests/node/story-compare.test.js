// The comparison's "read it" line against its runs: the defaults, a gradient too small for ε,
// and a seeded sweep checking who is called blind to scale and who is still shrinking.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, compareRun, compareStory, COMPARE, settings, sampler;
test.before(async () => {
  lab = await loadLab();
  ({ compareRun } = await import('../../web/src/figures/compare/model.js'));
  ({ compareStory, COMPARE } = await import('../../web/src/figures/compare/story.js'));
  ({ settings } = await import('../../web/src/figures/compare/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
const NAMES = { sgd: 'SGD', momentum: 'Momentum', adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' };
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const run = compareRun(lab, values);
  const story = compareStory(run);
  return { run, ...story, text: story.paragraph.map((s) => (typeof s === 'string' ? s : s.text)).join('') };
}

test('defaults: the three adaptive ones are blind to the scale; AdaGrad is still shrinking', () => {
  const { blind, fading } = tell({});
  assert.deepEqual(blind.sort(), ['adagrad', 'adam', 'rmsprop']);
  assert.ok(fading.includes('adagrad'));
});

test('g₂ = 1e-12, below ε’s reach: AdaGrad is no longer said to be blind to the scale', () => {
  const { blind, text } = tell({ g2: '1e-12' });
  assert.ok(!blind.includes('adagrad'));
  assert.doesNotMatch(text, /AdaGrad[^.]*blind/);
});

test('k = NaN is refused by the rule, in the page’s words', () => {
  assert.equal(settings.parse({ ...settings.defaults, k: 'NaN' }).errors.k, 'k must be a finite number, got NaN');
});

test('g₁ = g₂: every optimizer moves both alike, and nothing is called blind to the gradient’s scale', () => {
  const { text } = tell({ g1: '1', g2: '1', k: '50', mom: '0.5' });
  assert.match(text, /Both parameters get gradients of the same size here \(1\)/);
  assert.doesNotMatch(text, /blind|for w₁ but/);
});

test('sweep: 200 settings; every optimizer named blind or shrinking is so in its run', () => {
  const rnd = sampler(5);
  const limits = { k: { min: 1, max: 500 }, g1: { min: -100, max: 100 }, g2: { min: -100, max: 100 } };
  for (let i = 0; i < 200; i++) {
    const over = {};
    for (const k of ['g1', 'g2', 'lr', 'mom', 'k']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, blind, fading, text } = tell(over);
    const where = `${JSON.stringify(over)}\n${text}`;
    assert.doesNotMatch(text, /NaN|undefined|Infinity|null/, where);
    // "blind to the gradient's scale" only means something when the two gradients differ in size
    const sameSize = Math.abs(run.g1) === Math.abs(run.g2);
    assert.equal(/same size here/.test(text), sameSize, where);
    if (sameSize) assert.doesNotMatch(text, /blind to the gradient’s scale|for w₁ but/, where);
    const k = run.k;
    for (const [id, r] of Object.entries(run.results)) {
      if (r.divergedAt !== null) { assert.ok(text.includes(`${NAMES[id]} diverged at step ${r.divergedAt}`), where); continue; }
      const a = Math.abs(r.steps[0][k - 1]), b = Math.abs(r.steps[1][k - 1]);
      assert.equal(blind.includes(id), b > 0 && Math.abs(a / b - 1) <= COMPARE.sameShare, `${id} ${where}`);
      if (fading.includes(id)) assert.ok(a < COMPARE.fading * Math.abs(r.steps[0][Math.floor(k / 2) - 1]), `${id} ${where}`);
    }
  }
});
