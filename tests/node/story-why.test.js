// The first figure's story against its runs: the defaults, a case where θ₂ is not rare at all,
// and a seeded sweep over the settings' rules checking each claim.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, whyRun, whyStory, settings, sampler;
test.before(async () => {
  lab = await loadLab();
  ({ whyRun } = await import('../../web/src/figures/why/model.js'));
  ({ whyStory } = await import('../../web/src/figures/why/story.js'));
  ({ settings } = await import('../../web/src/figures/why/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
const textOf = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const run = whyRun(lab, values);
  const story = whyStory(run);
  return { run, text: textOf(story.paragraphs), caption: story.caption };
}
const last = (a) => a[a.length - 1];

test('defaults: θ₂ gets 10 gradients in 100 steps; AdaGrad evens the distances out and θ₂ keeps the larger rate', () => {
  const { text, caption } = tell({});
  assert.match(caption, /^What to notice: with one fixed η, θ₁ travels [\d.]+× as far as θ₂; AdaGrad [^]* brings the two within [\d.]+× of each other\.$/);
  assert.match(text[0], /received a gradient 10 times/);
  assert.match(text[1], /^Under AdaGrad the two distances are within/);
  assert.match(text[2], /θ₂’s rate is [\d.]+× the other’s/);
});

test('θ₂ never gets a gradient (probability 0.01 in 100 steps, seed 42): the caption says so instead of claiming AdaGrad evens them', () => {
  const { run, caption } = tell({ lr: '2', rare: '0.01' });
  assert.equal(run.rareSteps.length, 0);
  assert.match(caption, /θ₂ never receives a gradient/);
  assert.doesNotMatch(caption, /comparable|within/);
});

test('θ₂ with a gradient on every step (probability 1): nothing calls it rare or says it rarely had one', () => {
  const { text } = tell({ rare: '1' });
  assert.match(text[0], /received a gradient 100 times/);
  assert.doesNotMatch(text.slice(1).join(' '), /rarely/);
});

test('sweep: 300 settings within the rules; every comparison matches the run', () => {
  const rnd = sampler(7);
  const limits = { steps: { min: 1, max: 600 }, seed: { min: 0, max: 1e6 } };
  for (let i = 0; i < 300; i++) {
    const over = {};
    for (const k of ['lr', 'eps', 'steps', 'seed', 'rare']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, text, caption } = tell(over);
    const all = text.join('\n'), where = `${JSON.stringify(over)}\n${caption}\n${all}`;
    assert.doesNotMatch(caption, /NaN|undefined|Infinity|null/, where);
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null/, where);
    assert.ok(all.includes(`received a gradient ${run.rareSteps.length} time`), where);
    const d = { sgd: run.far.sgd.map(last), ada: run.far.ada.map(last) };
    // "θ₁ went 87.5× as far as θ₂" / "θ₁ 1.11× less far than θ₂": the direction and the factor are the run's
    const [fixedPart, adaPart] = text[0].split('AdaGrad, fed');
    for (const [part, [a, b]] of [[fixedPart, d.sgd], [adaPart, d.ada]]) {
      if (!(a > 0 && b > 0) || Math.abs(a / b - 1) < 0.005) continue;
      const m = /θ₁(?: went)? ([\d.]+)× (as far as|less far than) θ₂/.exec(part);
      assert.ok(m, where);
      assert.equal(m[2] === 'as far as', a > b, where);
      assert.ok(Math.abs(Number(m[1]) / Math.max(a / b, b / a) - 1) < 5e-3, where);
    }
    const even = /Under AdaGrad the two distances are within/.test(all), uneven = /AdaGrad does not even the distances out/.test(all);
    if (even || uneven) {
      const spread = (x, y) => Math.max(x / y, y / x);
      assert.equal(even, spread(d.ada[0], d.ada[1]) < spread(d.sgd[0], d.sgd[1]), where);
    }
    const larger = /: (θ₁|θ₂)’s rate is [\d.e]+× the other’s/.exec(all);
    if (larger) {
      const r0 = last(run.rate[0]), r1 = last(run.rate[1]);
      assert.equal(larger[1] === 'θ₂', r1 > r0, where);
    }
    if (run.rareSteps.length === 0) assert.match(all, /never received a gradient/, where);
    // the caption over the charts: the same comparison, never a fixed outcome
    const spread = (x, y) => Math.max(x / y, y / x);
    assert.equal(/never receives a gradient/.test(caption), run.rareSteps.length === 0, where);
    const within = /brings the two within ([\d.e]+)× of each other/.exec(caption);
    if (within) {
      assert.ok(spread(d.ada[0], d.ada[1]) < spread(d.sgd[0], d.sgd[1]), where);
      assert.ok(Math.abs(Number(within[1]) / spread(d.ada[0], d.ada[1]) - 1) < 5e-3, where);
    }
    if (/does not even the two out/.test(caption)) assert.ok(spread(d.ada[0], d.ada[1]) >= spread(d.sgd[0], d.sgd[1]), where);
    const m1 = /θ₁ travels ([\d.]+)× (as far as|less far than) θ₂/.exec(caption);
    if (m1) assert.equal(m1[2] === 'as far as', d.sgd[0] > d.sgd[1], where);
  }
});
