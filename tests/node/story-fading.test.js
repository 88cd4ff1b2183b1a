// The fading-rate story against its runs: the named cases from issue 9 and a seeded sweep over
// the settings' rules in which each claim is checked against the numbers it is about.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, fadingRuns, sweepRuns, fadingStory, FADING, settings, sampler, short;
test.before(async () => {
  lab = await loadLab();
  ({ fadingRuns, sweepRuns } = await import('../../web/src/figures/fading/model.js'));
  ({ fadingStory, FADING } = await import('../../web/src/figures/fading/story.js'));
  ({ settings } = await import('../../web/src/figures/fading/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
  ({ short } = await import('../../web/src/format.js'));
});
const textOf = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
function tell(over, { sweep = false } = {}) {
  const { values: v, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const cfg = { ...v, lr: { adagrad: v.ada, rmsprop: v.rms, adam: v.adam } };
  const run = fadingRuns(lab, cfg);
  run.sweep = sweep ? sweepRuns(lab, cfg) : null;
  const story = fadingStory(run, v.param === 'b' ? 1 : 0);
  return { run, story, text: textOf(story.paragraphs), all: `${story.caption}\n${textOf(story.paragraphs).join('\n')}` };
}

test('AdaGrad η = 5 arrives: it is not called a stall, and 4.13e-104 is reported as a distance, not a stall', () => {
  const { story, all } = tell({ ada: '5' });
  assert.equal(story.verdicts.adagrad.kind, 'arrived');
  assert.doesNotMatch(all, /AdaGrad stalls/);
  assert.match(story.caption, /AdaGrad gets there .* at step \d+/);
});

test('param = b: the caption and the rate paragraph speak of b, with b’s numbers', () => {
  const { run, story, text } = tell({ param: 'b' });
  const rb = run.rate.adagrad[1];
  assert.match(story.caption, /its rate for b only falls/);
  assert.match(text[1], new RegExp(`AdaGrad’s rate for b starts at ${short(rb[0], 3)} and ends at ${short(rb[rb.length - 1], 3)}`));
  assert.doesNotMatch(text[1], /rate for w/);
});

test('defaults: settling with a constant η is claimed only for runs that arrive; noise keeps RMSProp and Adam near η', () => {
  const { story, all } = tell({}, { sweep: true });
  assert.match(all, /with noisy gradients|on noisy gradients their steps stay about η long/);
  const settled = /and ([A-Za-z, ]+?) (?:does|do) settle with a constant η/.exec(all);
  assert.ok(settled);
  for (const [k, name] of [['adagrad', 'AdaGrad'], ['rmsprop', 'RMSProp'], ['adam', 'Adam']])
    assert.equal(settled[1].includes(name), story.verdicts[k].kind === 'arrived', name);
});

test('sweep: 60 settings within the rules; each claim matches its run', () => {
  const rnd = sampler(31);
  const limits = { w0: { min: -50, max: 50 }, b0: { min: -50, max: 50 }, steps: { min: 2, max: 400 } };
  const kinds = new Set();
  for (let i = 0; i < 60; i++) {
    const over = {};
    for (const k of ['w0', 'b0', 'steps', 'ada', 'rms', 'adam', 'param', 'seed']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, story, all } = tell(over, { sweep: i % 10 === 0 });
    const where = `${JSON.stringify(over)}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null/, where);
    // "by contrast" answers a sentence about RMSProp or Adam leaving the minimum: never alone
    if (/by contrast, can never climb back/.test(all)) assert.match(all, /does not stay put/, where);
    for (const [k, name] of [['adagrad', 'AdaGrad'], ['rmsprop', 'RMSProp'], ['adam', 'Adam']]) {
      const v = story.verdicts[k], r = run.runs[k];
      kinds.add(`${k}:${v.kind}`);
      assert.equal(all.includes(`${name} diverged at step`), r.divergedAt !== null, where);
      if (r.divergedAt !== null) continue;
      if (new RegExp(`${name} stalls`).test(all)) assert.equal(v.kind, 'stalls', where);
      if (new RegExp(`${name} gets there`).test(all)) assert.equal(v.kind, 'arrived', where);
      const within = new RegExp(`${name} comes within 0\\.1 at step (\\d+)`).exec(all);
      const d = run.dist[k];
      if (within) assert.ok(d[Number(within[1])] < 0.1 && Array.from(d).slice(0, Number(within[1])).every((x) => x >= 0.1), where);
      else if (!/diverged/.test(all)) assert.ok(Array.from(d).every((x) => x >= 0.1), where);
    }
    if (/falls like 1\/√t/.test(all)) {
      const c = over.param === 'b' ? 1 : 0, rt = run.rate.adagrad[c], t1 = Math.floor(rt.length / 10);
      const slope = Math.log(rt[rt.length - 1] / rt[t1 - 1]) / Math.log(rt.length / t1);
      assert.ok(Math.abs(slope + 0.5) <= FADING.slopeTolerance, where);
    }
  }
  for (const k of ['adagrad:stalls', 'adagrad:arrived']) assert.ok(kinds.has(k), `never saw ${k}: ${[...kinds]}`);
});

// Numerics at the edges (issue 13): G = Σ g² past the largest double. The core, like PyTorch,
// goes on with G = ∞ and a rate of exactly 0, so the coordinate is frozen: the words must say so.
test('w₀ = 1e154: AdaGrad’s G overflows at step 1; the words say it is frozen there, not that it stalls', () => {
  const { run, story, text, all } = tell({ w0: '1e154' });
  const r = run.runs.adagrad;
  assert.equal(r.divergedAt, null);
  assert.equal(r.moments[0], Infinity);
  assert.ok(Array.from(run.rate.adagrad[0]).every((x) => x === 0));
  assert.equal(r.params[2 * r.stepsTaken], 1e154);  // it never moved in w
  assert.match(story.caption, /AdaGrad’s sum of squared gradients G overflowed to ∞ for w at step 1: its rate η \/ \(√G \+ ε\) is 0 from then on, so it stays at w ≈ 1e154/);
  assert.doesNotMatch(all, /AdaGrad stalls|AdaGrad gets there|times smaller|falls (like|more slowly|faster)/);
  assert.match(text[1], /AdaGrad’s G for w overflowed to ∞ at step 1/);
  assert.match(story.floorNote, /in the rate panel AdaGrad’s line for w is missing \(G = ∞ from step 1\)/);
  assert.doesNotMatch(all, /NaN|undefined|Infinity|—/);
});

test('w₀ = 1e152 over 20000 steps: G overflows part-way, at the step the core’s G first is ∞', () => {
  const { run, story, all } = tell({ w0: '1e152', steps: '20000' });
  const G = run.runs.adagrad.moments;
  let k = 0;
  while (G[2 * k] !== Infinity) k++;
  assert.ok(k > 0);
  assert.equal(run.rate.adagrad[0][k], 0);
  assert.ok(run.rate.adagrad[0][k - 1] > 0);
  assert.match(story.caption, new RegExp(`overflowed to ∞ for w at step ${k + 1}:`));
  assert.match(all, new RegExp(`where it was after step ${k}\\. `));
  assert.match(story.floorNote, new RegExp(`AdaGrad’s line for w stops at step ${k} \\(G = ∞ from step ${k + 1}\\)`));
});

test('param = b with G overflowing only in w: the rate paragraph speaks of b as usual, the caption of w’s overflow', () => {
  const { story, all } = tell({ w0: '1e154', param: 'b' });
  assert.match(story.caption, /overflowed to ∞ for w at step 1/);
  assert.doesNotMatch(all, /G for b overflowed/);
  assert.equal(story.floorNote, '');
});

test('w₀ = 1e200: f at the start is ∞; the words say the start overflowed, not that a step did', () => {
  const { run, story, all } = tell({ w0: '1e200' });
  assert.equal(run.runs.adagrad.values[0], Infinity);
  assert.match(story.caption, /already past the largest number a double can hold/);
  assert.doesNotMatch(all, /NaN|undefined|Infinity/);
});

test('sweep at the edges: starts from 1e150 to 1e300 in w₀ or b₀; G overflow is claimed exactly when the core’s G is ∞', () => {
  for (const e of [150, 152, 153, 153.5, 154, 154.1, 155, 200, 300]) {
    for (const [key, i] of [['w0', 0], ['b0', 1]]) {
      for (const sign of ['', '-']) {
        const over = { [key]: `${sign}${Number(Math.pow(10, e).toPrecision(3))}`, [key === 'w0' ? 'b0' : 'w0']: '1', steps: '500' };
        const { run, story, all } = tell(over);
        const where = `${JSON.stringify(over)}\n${all}`;
        assert.doesNotMatch(all, /NaN|undefined|Infinity|null|—/, where);
        for (const [k, name, stat] of [['adagrad', 'AdaGrad', 'G'], ['rmsprop', 'RMSProp', 'v'], ['adam', 'Adam', 'v']]) {
          const r = run.runs[k];
          const first = r.divergedAt === null ? Array.from(r.moments).findIndex((g, j) => j % 2 === i && g === Infinity) : -1;
          const said = new RegExp(`${name}’s [a-z ]+ ${stat} overflowed to ∞ (for [wb] at step \\d+ and )?for ${i ? 'b' : 'w'} at step (\\d+)`).exec(story.caption);
          assert.equal(Boolean(said), first >= 0, `${k}: ${where}`);
          if (said) {
            assert.equal(Number(said[2]), Math.floor(first / 2) + 1, `${k}: ${where}`);
            assert.ok(Array.from(run.rate[k][i]).slice(Math.floor(first / 2)).every((x) => x === 0), `${k}: ${where}`);
            assert.doesNotMatch(all, new RegExp(`${name} (stalls|gets there|is still closing)`), where);
          }
        }
      }
    }
  }
});

test('w₀ = 1e154: RMSProp’s and Adam’s rates (about 1e-155) sit on the floor as the note says; the η sweep is not said to have a best η', () => {
  const { run, story, all } = tell({ w0: '1e154' }, { sweep: true });
  const least = Math.min(...['rmsprop', 'adam'].flatMap((k) => Array.from(run.rate[k][0]).filter((v) => v > 0)));
  assert.ok(least < 1e-150);
  assert.match(story.floorNote, new RegExp(`the smallest rate for w here is ${short(least, 2)}\\) are drawn at 10⁻¹⁶`));
  assert.ok(run.sweep.adagrad.every((d) => d === run.sweep.adagrad[0]));
  assert.match(all, /it ends at the same distance for every η on this grid \(its G overflows whatever η is\)/);
  assert.doesNotMatch(all, /its best η/);
});
