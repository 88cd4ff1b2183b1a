// The race's words against its runs: the named cases of issue 9 and a seeded sweep over starts
// inside the plot and η's, checking the caption and AdaGrad's timing against the trajectories.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, raceRun, raceCaption, withinText, sampler, rate, NEAR, story, settings;
test.before(async () => {
  lab = await loadLab();
  ({ raceRun, NEAR } = await import('../../web/src/figures/race/model.js'));
  story = await import('../../web/src/figures/race/story.js');
  ({ raceCaption, withinText } = story);
  ({ settings } = await import('../../web/src/figures/race/settings.js'));
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

const text = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join('')).join('\n');
const IDS = ['gd', 'mom', 'nag', 'ada', 'rms', 'adam'];
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

test('a start on the b axis: AdaGrad’s first step moves w by η and leaves b, and the words say so', () => {
  const run = raceRun(lab, { ...defaults, b0: 0 });
  assert.deepEqual([story.firstMoveKind(run, 0), story.firstMoveKind(run, 1)], ['eta', 'still']);
  assert.match(text(story.raceParagraphs(run)), /w moves η = 1\.5, and b nothing, since its gradient is 0/);
  assert.doesNotMatch(raceCaption(run), /η in both/);
});

test('a start 10⁻¹² off the axis: b’s gradient is near ε, so its first move is not η, and the words do not claim it', () => {
  const run = raceRun(lab, { ...defaults, b0: 1e-12 });
  assert.equal(story.firstMoveKind(run, 1), 'other');
  assert.ok(run.firstMove[1] < 0.5 * 1.5, String(run.firstMove[1]));
  assert.match(text(story.raceParagraphs(run)), /b [\d.e-]+, less than η, since its gradient is close to ε/);
  assert.match(story.formulaNote(run, 1), /close to ε moves less/);
});

test('a start at the minimum: no race, and no one "finishes first"', () => {
  const run = raceRun(lab, { ...defaults, w0: 0, b0: 0 });
  assert.match(raceCaption(run), /already under f = 10⁻³/);
  assert.doesNotMatch(text(story.raceParagraphs(run)), /first/);
});

test('sweep: 400 settings drawn from the race’s own rules; every outcome the words state is the run’s', () => {
  const rnd = sampler(9);
  const d = settings.declarations;
  for (let i = 0; i < 400; i++) {
    const pick = rnd.next();
    // a few starts on an axis, a hair off it, or inside the finish, where the first-step words change
    const b0 = pick < 0.1 ? 0 : pick < 0.15 ? 1e-12 : Number(rnd.draw(d.b0));
    const w0 = pick > 0.95 ? 0.001 : Number(rnd.draw(d.w0));
    const cfg = {
      w0, b0: pick > 0.95 ? 0.001 : b0, steps: Number(rnd.draw(d.steps, { max: 300 })),
      lr: Object.fromEntries(IDS.map((id) => [id, Number(rnd.draw(d[id], { max: 20 }))])),
    };
    const run = raceRun(lab, cfg);
    const paragraphs = text(story.raceParagraphs(run));
    const t = 1 + Math.floor(rnd.next() * cfg.steps);
    const note = run.runs.ada.stepsTaken >= 1 ? story.formulaNote(run, Math.min(t, run.runs.ada.stepsTaken)) : '';
    const statuses = IDS.map((id) => story.status(run, id, t).text);
    const all = [raceCaption(run), paragraphs, note, ...statuses].join('\n');
    const where = `${JSON.stringify(cfg)} at step ${t}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null|\[object/, where);
    const { finish, runs } = run;
    // gradient descent's paragraph
    let m = /Gradient descent diverged at step (\d+)/.exec(paragraphs);
    if (m) assert.equal(runs.gd.divergedAt, Number(m[1]), where);
    else if (!run.startInside) assert.equal(runs.gd.divergedAt, null, where);
    m = /b changes sign on (\d+) of its first (\d+) steps/.exec(paragraphs);
    if (m) {
      let flips = 0;
      for (let k = 0; k < Number(m[2]); k++) if (runs.gd.params[2 * k + 1] * runs.gd.params[2 * k + 3] < 0) flips++;
      assert.equal(flips, Number(m[1]), where);
    }
    if (/keeps bouncing/.test(paragraphs)) assert.equal(finish.gd, null, where);
    // "It crosses the finish at step N" / "not under": in order, gradient descent's then AdaGrad's
    const ends = [...paragraphs.matchAll(/It crosses the finish at step (\d+)|It is not under 10⁻³ after (\d+) steps/g)];
    const who = [...(/Gradient descent (diverged at|moves away)/.test(paragraphs) ? [] : ['gd']), ...(runs.ada.stepsTaken >= 1 ? ['ada'] : [])];
    if (!run.startInside) assert.equal(ends.length, who.length, where);
    ends.forEach((e, k) => {
      if (e[1] !== undefined) assert.equal(finish[who[k]], Number(e[1]), where);
      else assert.equal(finish[who[k]], null, where);
    });
    // AdaGrad's first step
    if (/η in w and η in b/.test(paragraphs) || /η in both w and b/.test(all)) {
      for (const c of [0, 1]) assert.ok(Math.abs(run.firstMove[c] - cfg.lr.ada) <= 1e-6 * cfg.lr.ada, where);
    }
    if (/w moves nothing/.test(paragraphs)) assert.equal(run.firstMove[0], 0, where);
    m = /(w|b)’s gradient is 0 at the start and stays 0, so \1 never moves/.exec(paragraphs);
    if (m) { const c = m[1] === 'w' ? 0 : 1; for (let k = 0; k <= runs.ada.stepsTaken; k++) assert.equal(runs.ada.params[2 * k + c], cfg[m[1] + '0'], where); }
    if (/both rates only fall/.test(paragraphs)) assert.ok(run.sums[0] > 0 && run.sums[1] > 0, where);
    if (/and b nothing/.test(paragraphs)) assert.equal(run.firstMove[1], 0, where);
    // the verdict
    const done = IDS.filter((id) => finish[id] !== null);
    const best = Math.min(...done.map((id) => finish[id]));
    if (/Nobody gets under/.test(paragraphs)) assert.equal(done.length, 0, where);
    m = /AdaGrad finishes first, at step (\d+)/.exec(paragraphs);
    if (m) assert.ok(finish.ada === best && best === Number(m[1]), where);
    m = /is first under 10⁻³ \(step (\d+)\)|are first under 10⁻³ \(step (\d+)\)/.exec(paragraphs);
    if (m) { assert.equal(best, Number(m[1] ?? m[2]), where); assert.notEqual(finish.ada, best, where); }
    m = /AdaGrad is (joint )?(\w+) \(step (\d+)\)/.exec(paragraphs);
    if (m) {
      assert.equal(finish.ada, Number(m[3]), where);
      assert.equal(ORD.indexOf(m[2]) + 1, 1 + done.filter((id) => finish[id] < finish.ada).length, where);
      assert.equal(Boolean(m[1]), done.some((id) => id !== 'ada' && finish[id] === finish.ada), where);
    }
    if (/ahead of gradient descent/.test(paragraphs)) assert.ok(finish.gd === null || finish.gd > finish.ada, where);
    m = /behind gradient descent \(step (\d+)\)/.exec(paragraphs);
    if (m) assert.ok(finish.gd === Number(m[1]) && finish.gd < finish.ada, where);
    if (/AdaGrad does not finish/.test(paragraphs)) assert.equal(finish.ada, null, where);
    // statuses and the leader board at step t
    IDS.forEach((id, k) => {
      const s = statuses[k], r = runs[id];
      const f = /finished at step (\d+)/.exec(s);
      if (f) assert.ok(finish[id] === Number(f[1]) && finish[id] <= t, where);
      if (/moving away/.test(s)) assert.ok(r.values[Math.min(t, r.stepsTaken)] > r.values[0], where);
      if (/diverged at step (\d+)/.test(s)) assert.ok(r.divergedAt !== null && r.divergedAt <= t, where);
    });
    const board = story.leaders(run, t);
    for (let k = 0; k < board.length; k++) {
      assert.ok(board[k].step === finish[board[k].id] && board[k].step <= t, where);
      if (k) assert.ok(board[k - 1].step <= board[k].step, where);
    }
    assert.equal(board.length, IDS.filter((id) => finish[id] !== null && finish[id] <= t && !(runs[id].divergedAt !== null && runs[id].divergedAt <= finish[id])).length, where);
    // the worked step's note
    m = /b’s rate is ([\d.e+-]+)× smaller than w’s/.exec(note);
    if (m) {
      const s = Math.min(t, runs.ada.stepsTaken);
      const ratio = runs.ada.rates[2 * s - 2] / runs.ada.rates[2 * s - 1];
      assert.ok(ratio > 1 && Math.abs(ratio - Number(m[1])) <= 0.005 * ratio, where);
      assert.ok(run.sums[2 * s - 1] > run.sums[2 * s - 2], where);
    }
  }
});
