// The update figure's placement story against its runs: named cases and a seeded sweep over
// the settings' rules; every claim is checked against the numbers it is about.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, placementRun, placementStory, PLACEMENT, settings, sampler;
test.before(async () => {
  lab = await loadLab();
  ({ placementRun } = await import('../../web/src/figures/update/model.js'));
  ({ placementStory, PLACEMENT } = await import('../../web/src/figures/update/story.js'));
  ({ settings } = await import('../../web/src/figures/update/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
const textOf = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const run = placementRun(lab, values);
  return { run, text: textOf(placementStory(run).paragraphs) };
}

test('defaults: from 1e-4 G is below ε and the placements differ; from 5 they cannot be told apart', () => {
  const { text } = tell({});
  assert.match(text[0], /G = 4e-8, below ε = 1e-7/);
  assert.match(text[1], /G = 100, far above ε = 1e-7.*cannot be told apart/);
});

test('an ordinary start that is not ordinary (1e-5) is not said to agree', () => {
  const { text } = tell({ big: '1e-5' });
  assert.doesNotMatch(text[1], /cannot be told apart/);
  assert.match(text[1], /below ε/);
});

test('sweep: 200 settings drawn within the rules; every claim matches its run', () => {
  const rnd = sampler(9);
  const limits = { tiny: { min: -1e-2, max: 1e-2 }, big: { min: -20, max: 20 }, steps: { min: 1, max: 200 } };
  for (let i = 0; i < 200; i++) {
    const over = {};
    for (const k of ['lr', 'eps', 'tiny', 'big', 'steps']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, text } = tell(over);
    const all = text.join('\n'), where = `${JSON.stringify(over)}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null/, where);
    for (const [start, name] of [[run.tiny, 'tiny'], [run.big, 'ordinary']]) {
      const para = text.find((t) => t.startsWith(`From the ${name} start`) && t.includes('first gradient')) || '';
      if (!start.n || !para) continue;
      const ratio = start.same.G[0] / run.cfg.eps;
      if (para.includes('far above ε')) assert.ok(ratio >= PLACEMENT.farAbove, where);
      if (para.includes('below ε')) assert.ok(ratio < PLACEMENT.below, where);
      if (para.includes('cannot be told apart')) {
        for (let t = 0; t <= start.n; t++) assert.ok(Math.abs(start.out.params[t] - start.inn.params[t]) <= PLACEMENT.sameShare * Math.abs(start.x0), where);
      }
      for (const r of [start.out, start.inn]) if (r.divergedAt !== null) assert.ok(all.includes(`diverged at step ${r.divergedAt}`), where);
    }
  }
});

test('x₀ = 0 with the smallest ε: G = 0 and η / ε overflows; the words say ∞ and that the step is 0 anyway', () => {
  const { run, text } = tell({ tiny: '0', eps: '5e-324' });
  assert.equal(run.tiny.same.out[0], Infinity);
  assert.ok(Array.from(run.tiny.out.params).every((x) => x === 0));
  assert.match(text[0], /the rate with ε outside, η \/ ε, overflows to ∞ \(the rate panel cannot draw it\)/);
  assert.match(text[0], /both steps are 0 all the same/);
  assert.doesNotMatch(text.join('\n'), /NaN|Infinity|undefined|—/);
});
