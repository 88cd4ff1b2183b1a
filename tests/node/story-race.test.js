// The race's words against its runs: the named cases of issue 9 and a seeded sweep over starts
// inside the plot and η's, checking the caption and AdaGrad's timing against the trajectories.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, raceRun, raceCaption, withinText, sampler, rate, NEAR;
test.before(async () => {
  lab = await loadLab();
  ({ raceRun, NEAR } = await import('../../web/src/figures/race/model.js'));
  ({ raceCaption, withinText } = await import('../../web/src/figures/race/story.js'));
  ({ sampler, rate } = await import('../../web/src/settings.js'));
});
const defaults = { w0: -4.5, b0: 2, steps: 60, lr: { gd: 0.09, mom: 0.01, nag: 0.01, ada: 1.5, rms: 0.15, adam: 0.3 } };

test('GD η = 0.11 ends far above its start (1.27e11 from the default start): the caption says it moves away, and never that it creeps', () => {
  const run = raceRun(lab, { ...defaults, lr: { ...defaults.lr, gd: 0.11 } });
  const gd = run.runs.gd;
  assert.ok(gd.values[gd.stepsTaken] > 1e6 * gd.values[0], `${gd.values[gd.stepsTaken]}`);
  assert.equal(run.verdicts.gd.kind, 'diverging');
  assert.match(raceCaption(run), /moves away from the minimum/);
  assert.doesNotMatch(raceCaption(run), /creeps/);
});

test('defaults: b is at 0.003 by step 5 while w is at −0.92, and b is within 0.01 first', () => {
  const run = raceRun(lab, defaults);
  const p = run.runs.ada.params;
  assert.ok(Math.abs(p[2 * 5 + 1]) < 0.004 && Math.abs(p[2 * 5 + 1]) > 0.002, `b = ${p[11]}`);
  assert.ok(Math.abs(p[2 * 5] + 0.92) < 0.01, `w = ${p[10]}`);
  assert.match(withinText(run), /\(b first\)/);
});

test('AdaGrad cancels the curvature: its path on w² + 10b² is its path on w² + b² (to 1e-9)', () => {
  const opt = { kind: 'adagrad', lr: 1.5, eps: 1e-10 };
  const a = lab.runQuadratic({ scales: [1, 10], x0: [-4.5, 2], steps: 60, optimizer: opt });
  const b = lab.runQuadratic({ scales: [1, 1], x0: [-4.5, 2], steps: 60, optimizer: opt });
  for (let i = 0; i < a.params.length; i++) assert.ok(Math.abs(a.params[i] - b.params[i]) < 1e-9, `${i}: ${a.params[i]} vs ${b.params[i]}`);
});

test('sweep: 300 starts and rates; the caption and the timing sentence match the runs', () => {
  const rnd = sampler(60);
  const eta = rate('0.1', { label: 'η', min: 1e-4, max: 10 });
  for (let i = 0; i < 300; i++) {
    const cfg = {
      w0: -5 + 10 * rnd.next(), b0: -2.5 + 5 * rnd.next(), steps: 1 + Math.floor(200 * rnd.next()),
      lr: Object.fromEntries(['gd', 'mom', 'nag', 'ada', 'rms', 'adam'].map((id) => [id, Number(rnd.draw(eta))])),
    };
    const run = raceRun(lab, cfg);
    const caption = raceCaption(run), within = withinText(run), where = `${JSON.stringify(cfg)}\n${caption}\n${within}`;
    assert.doesNotMatch(caption + within, /NaN|undefined|Infinity|null/, where);
    const gd = run.runs.gd, n = gd.stepsTaken;
    if (/moves away from the minimum/.test(caption)) assert.ok(gd.values[n] > gd.values[0], where);
    if (/diverges at step (\d+)/.test(caption)) assert.equal(gd.divergedAt, Number(/diverges at step (\d+)/.exec(caption)[1]), where);
    if (/creeps along w/.test(caption)) assert.ok(Math.abs(gd.params[2 * n]) > 0.5 * Math.abs(cfg.w0), where);
    const m = /crossing f = 10⁻³ at step (\d+)/.exec(caption);
    if (m) assert.equal(run.finish.ada, Number(m[1]), where);
    const ada = run.runs.ada.params, N = run.runs.ada.stepsTaken;
    for (const [name, c] of [['b', 1], ['w', 0]]) {
      const t = new RegExp(`${name} is within ${NEAR} of 0 from step (\\d+) on`).exec(within);
      if (t) {
        const k = Number(t[1]);
        for (let s = k; s <= N; s++) assert.ok(Math.abs(ada[2 * s + c]) < NEAR, where);
        if (k > 0) assert.ok(Math.abs(ada[2 * (k - 1) + c]) >= NEAR, where);
      } else assert.ok(Math.abs(ada[2 * N + c]) >= NEAR, where);
    }
  }
});
