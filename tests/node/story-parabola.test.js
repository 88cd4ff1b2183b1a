// The parabola's story against the run it describes: the named cases from issue 9, and a seeded
// sweep over the settings' own rules in which every claim the story makes is checked against the
// numbers of the run (a claim is only made when the run bears it out).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, model, story, settings, sampler, short;
test.before(async () => {
  lab = await loadLab();
  ({ parabolaRun: model } = await import('../../web/src/figures/parabola/model.js'));
  ({ parabolaStory: story } = await import('../../web/src/figures/parabola/story.js'));
  ({ settings } = await import('../../web/src/figures/parabola/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
  ({ short } = await import('../../web/src/format.js'));
});

const textOf = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {}, JSON.stringify(over));
  const run = model(lab, values);
  const told = story(run);
  return { run, told, text: textOf(told.paragraphs) };
}
const xEnd = (r) => r.params[r.stepsTaken];

test('defaults: AdaGrad stalls at 3.79 with G = 3603.2 while plain GD arrives, and the story says why AdaGrad is behind', () => {
  const { text, told } = tell({});
  assert.equal(told.verdicts.ada.kind, 'stalls');
  assert.equal(told.verdicts.sgd.kind, 'arrived');
  assert.match(text[0], /AdaGrad has only reached x ≈ 3\.79/);
  assert.match(text[1], /^Plain gradient descent ends closer/);
  assert.match(text[2], /Why is AdaGrad behind\?.*G = 3603\.2/);
});

test('η = 1: plain GD bounces between −5 and 5 for ever, AdaGrad ends at 0.0142, and nothing says AdaGrad is slow', () => {
  const { text, told } = tell({ lr: '1' });
  assert.equal(told.verdicts.sgd.kind, 'oscillates');
  assert.match(text[0], /Plain gradient descent bounces between x = −5 and x = 5/);
  assert.match(text[0], /AdaGrad is at x ≈ 0\.0142/);
  assert.match(text[1], /^AdaGrad ends closer/);
  assert.match(text[2], /Why does the fixed rate do worse\?.*1 − 2η = −1\b/);
  assert.doesNotMatch(text.join(' '), /slow|AdaGrad is behind|does better/i);
});

test('η = 1.1: plain GD moves away and ends at 45502; the story says so and AdaGrad ends closer', () => {
  const { text, told } = tell({ lr: '1.1' });
  assert.equal(told.verdicts.sgd.kind, 'diverging');
  assert.match(text[0], /Plain gradient descent moves away from the minimum.*x ≈ 45502/);
  assert.match(text[1], /^AdaGrad ends closer/);
});

test('η = 50 over 200 steps: plain GD diverges at the step the core reports', () => {
  const { text, run } = tell({ lr: '50', steps: '200' });
  assert.ok(run.sgd.divergedAt > 1);
  assert.match(text[0], new RegExp(`diverged at step ${run.sgd.divergedAt}:`));
});

test('x₀ = 0: both start at the minimum and nobody is said to win', () => {
  const { text } = tell({ x0: '0' });
  assert.match(text[1], /^Neither has anything to do/);
  assert.equal(text.length, 2);
});

test('x₀ = 0.001, η = 0.01, 200 steps: AdaGrad ends at 3.7e-203, where f = x² is 0, and is not said to be exactly at 0', () => {
  const { run, text } = tell({ x0: '0.001', lr: '0.01', steps: '200' });
  assert.ok(run.ada.params[200] !== 0 && run.ada.values[200] === 0, String(run.ada.params[200]));
  assert.doesNotMatch(text.join('\n'), /exactly/);
  assert.match(text.join('\n'), /AdaGrad reaches the minimum at step \d+ \(f below a millionth of its start\) and ends at x ≈ 3\.67e-203/);
});

test('sweep: 400 settings drawn within the rules; every claim matches its run', () => {
  const rnd = sampler(20261205);
  const limits = { x0: { min: -50, max: 50 }, steps: { min: 1, max: 400 } };
  const kinds = new Set();
  for (let i = 0; i < 400; i++) {
    const over = {};
    for (const key of ['x0', 'lr', 'eps', 'place', 'steps']) over[key] = rnd.draw(settings.get(key), limits[key]);
    const { run, told, text } = tell(over);
    const all = text.join('\n');
    const where = `${JSON.stringify(over)}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null|\[object/, where);
    for (const id of ['ada', 'sgd']) {
      const v = told.verdicts[id], r = run[id], name = id === 'ada' ? 'AdaGrad' : 'Plain gradient descent';
      kinds.add(`${id}:${v.kind}`);
      const gaps = Array.from(r.values);
      const said = (re) => new RegExp(`${name} ${re.source}`).test(all);
      // diverged exactly when the core says so, at its step
      assert.equal(said(/diverged at step/), r.divergedAt !== null, where);
      if (r.divergedAt !== null) assert.ok(all.includes(`${name} diverged at step ${r.divergedAt}:`), where);
      if (said(/reaches the minimum/)) {
        assert.ok(gaps[r.stepsTaken] <= 1e-6 * gaps[0], where);
        const m = new RegExp(`${name} reaches the minimum at step (\\d+)`).exec(all);
        const k = Number(m[1]);
        assert.ok(gaps.slice(k).every((g) => g <= 1e-6 * gaps[0]) && !(gaps[k - 1] <= 1e-6 * gaps[0]), where);
      }
      // "exactly" is about x itself: f = x² is 0 already at x = 1e-200
      if (said(/reaches the minimum at step \d+ \(f below a millionth of its start\) and ends exactly at x = 0/)) assert.equal(xEnd(r), 0, where);
      if (said(/reaches the minimum at step \d+ \(f below a millionth of its start\) and ends at/)) assert.notEqual(xEnd(r), 0, where);
      if (id === 'ada' && /landed exactly on the minimum/.test(all)) assert.equal(r.params[1], 0, where);
      if (said(/bounces between/)) {
        const x = Array.from(r.params), n = r.stepsTaken;
        assert.ok(x[n] * x[n - 1] < 0, where);
        assert.ok(Math.abs(gaps[n] - gaps[n - 1]) <= 1e-2 * gaps[n], where);
      }
      if (said(/moves away from the minimum/)) assert.ok(Math.abs(xEnd(r)) > Math.abs(run.x0), where);
      if (said(/(is at|has only reached) x ≈/)) {
        assert.ok(gaps[r.stepsTaken] > 1e-6 * gaps[0], where);
        assert.ok(all.includes(`x ≈ ${short(xEnd(r), 3)}`), where);
      }
      if (said(/has only reached/)) assert.ok(r.stepsTaken >= 10, `a stall needs a history: ${where}`);
    }
    // who ends closer is whoever does
    const closer = /^(AdaGrad|Plain gradient descent) ends closer/.exec(text[1]);
    if (closer) {
      const [w, l] = closer[1] === 'AdaGrad' ? [run.ada, run.sgd] : [run.sgd, run.ada];
      if (l.divergedAt === null) assert.ok(Math.abs(xEnd(w)) < Math.abs(xEnd(l)), where);
    }
    const sooner = /^Both reach the minimum; (AdaGrad|Plain gradient descent) gets there (\d+) steps? sooner/.exec(text[1]);
    if (sooner) {
      const [w, l] = sooner[1] === 'AdaGrad' ? ['ada', 'sgd'] : ['sgd', 'ada'];
      assert.equal(told.verdicts[l].step - told.verdicts[w].step, Number(sooner[2]), where);
    }
    if (/Why is AdaGrad behind/.test(all)) assert.equal(told.order[0], 'sgd', where);
    if (/Why (does the fixed rate do worse|is gradient descent slower)/.test(all)) assert.equal(told.order[0], 'ada', where);
  }
  // the sweep reached the interesting outcomes, so the checks above were exercised
  for (const k of ['ada:arrived', 'ada:closing', 'ada:stalls', 'sgd:arrived', 'sgd:diverged', 'sgd:diverging', 'sgd:closing'])
    assert.ok(kinds.has(k), `the sweep never produced ${k}: ${[...kinds].join(', ')}`);
});
