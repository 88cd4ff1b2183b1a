// The sparse valley's words against its runs: named cases and a seeded sweep over the figure's
// own rules (density, rows, noise, seed, start, steps, η's), checking every outcome the caption,
// the paragraphs, the dense bowl's note, the statuses and the rates' note state.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, valleyRun, story, settings, sampler, PAST;
test.before(async () => {
  lab = await loadLab();
  ({ valleyRun, PAST } = await import('../../web/src/figures/valley/model.js'));
  story = await import('../../web/src/figures/valley/story.js');
  ({ settings } = await import('../../web/src/figures/valley/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
const IDS = ['gd', 'mom', 'nag', 'ada'];
const defaults = { density: 0.05, n: 100, noise: 0.1, seed: 7, w0: -1, b0: 3, steps: 100, lr: { gd: 0.5, mom: 0.1, nag: 0.1, ada: 1 } };
const text = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join('')).join('\n');

test('defaults: GD moves almost only in b and crawls, Momentum overshoots and swings back, AdaGrad is at the minimum first', () => {
  const run = valleyRun(lab, defaults);
  const caption = story.valleyCaption(run), words = text(story.valleyParagraphs(run));
  assert.match(caption, /gradient descent moves almost only in b, then crawls \(at the minimum from step \d+\); Momentum overshoots the minimum; AdaGrad keeps a larger rate for the rare w and is at the minimum from step \d+\./);
  assert.ok(run.arrive.ada < run.arrive.gd / 3, JSON.stringify(run.arrive));
  assert.match(words, /The valley lies along w/);
  assert.match(words, /Momentum gathers speed [^]*then swings back/);
  assert.match(words, /Almost all of the stretch lies along the axes/);
});

test('density 0.5: the valley is tilted and per-coordinate rates cannot straighten it', () => {
  const run = valleyRun(lab, { ...defaults, density: 0.5 });
  const words = text(story.valleyParagraphs(run));
  assert.ok(Math.abs(run.shape.angle) > 10, String(run.shape.angle));
  assert.match(words, /The valley is tilted [\d.]+° from the w axis/);
  assert.match(words, /no rate per coordinate can straighten a tilted valley/);
});

test('the tilt angle is the flattest direction of the Hessian 2·[[mean x², mean x], [mean x, 1]]', async () => {
  const { curvature } = await import('../../web/src/story/curvature.js');
  for (const p of [0.01, 0.05, 0.2, 0.5]) {
    const x = Array.from({ length: 100 }, (_, i) => (i < 100 * p ? 1 : 0));
    const { angle } = curvature(x);
    const a = p, b = p, c = 1;   // mean x² = mean x = p for a 0/1 column
    const lo = (a + c) / 2 - Math.sqrt(((a - c) / 2) ** 2 + b * b);
    const v = [b, lo - a];        // eigenvector of the smaller eigenvalue
    const expected = (Math.atan(v[1] / v[0]) * 180) / Math.PI;
    assert.ok(Math.abs(angle - expected) < 1e-9, `${p}: ${angle} vs ${expected}`);
  }
});

test('GD η = 50 diverges: the caption and the paragraph say at which step, and nothing claims it crawls', () => {
  const run = valleyRun(lab, { ...defaults, lr: { ...defaults.lr, gd: 50 } });
  assert.ok(run.runs.gd.divergedAt !== null);
  assert.match(story.valleyCaption(run), new RegExp(`gradient descent diverges at step ${run.runs.gd.divergedAt}`));
  assert.doesNotMatch(story.valleyCaption(run), /crawls|follows/);
  assert.match(story.denseNote(run), /diverged/);
});

test('the surfaces are kept while the data stays: a new start or η reruns the optimizers only', () => {
  const first = valleyRun(lab, defaults);
  const moved = valleyRun(lab, { ...defaults, w0: 4, b0: -1, lr: { ...defaults.lr, ada: 0.3 } }, first);
  assert.equal(moved.values, first.values, 'the sparse contours are the same object: the plot keeps them');
  assert.equal(moved.dense, first.dense);
  const fresh = valleyRun(lab, { ...defaults, w0: 4, b0: -1, lr: { ...defaults.lr, ada: 0.3 } });
  assert.deepEqual(Array.from(moved.runs.ada.params), Array.from(fresh.runs.ada.params), 'and the runs are those of a fresh start');
  assert.deepEqual(moved.minimum, fresh.minimum);
  const denser = valleyRun(lab, { ...defaults, density: 0.3 }, first);
  assert.notEqual(denser.values, first.values, 'a new density: new sparse data, new contours');
  assert.equal(denser.dense, first.dense, 'the dense column does not depend on the density');
  assert.deepEqual(Array.from(denser.values), Array.from(valleyRun(lab, { ...defaults, density: 0.3 }).values));
  for (const change of [{ n: 200 }, { noise: 0.5 }, { seed: 8 }]) {
    const next = valleyRun(lab, { ...defaults, ...change }, first);
    assert.notEqual(next.values, first.values, JSON.stringify(change));
    assert.notEqual(next.dense, first.dense, JSON.stringify(change));
  }
});

test('sweep: 250 settings drawn from the valley’s own rules; every outcome the words state is the run’s', () => {
  const rnd = sampler(77);
  const d = settings.declarations;
  for (let i = 0; i < 250; i++) {
    const cfg = {
      density: Number(rnd.draw(d.density)), n: Number(rnd.draw(d.n, { max: 400 })),
      noise: rnd.next() < 0.1 ? 0 : Number(rnd.draw(d.noise, { max: 2 })), seed: Number(rnd.draw(d.seed)),
      w0: Number(rnd.draw(d.w0)), b0: Number(rnd.draw(d.b0)), steps: Number(rnd.draw(d.steps, { max: 300 })),
      lr: Object.fromEntries(IDS.map((id) => [id, Number(rnd.draw(d[id], { min: 1e-3, max: 5 }))])),
    };
    const run = valleyRun(lab, cfg);
    const { runs, arrive, minimum } = run;
    const t = 1 + Math.floor(rnd.next() * cfg.steps);
    const caption = story.valleyCaption(run), words = text(story.valleyParagraphs(run)), dense = story.denseNote(run);
    const statuses = IDS.map((id) => story.status(run, id, t).text);
    const note = runs.ada.stepsTaken >= 1 ? story.ratesNote(run, Math.min(t, runs.ada.stepsTaken)) : '';
    const all = [caption, words, dense, note, ...statuses].join('\n');
    const where = `${JSON.stringify(cfg)} at step ${t}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null|\[object/, where);
    // arrival: within 1% for good from the step named, and not the step before
    const level = (id) => Math.max(run.floor * 1.01, 1e-12 * runs[id].values[0]);
    const checkArrive = (id, k) => {
      const v = runs[id].values;
      for (let s = k; s < v.length; s++) assert.ok(v[s] <= level(id), where);
      if (k > 0) assert.ok(v[k - 1] > level(id), where);
    };
    for (const id of IDS) {
      if (arrive[id] !== null) checkArrive(id, arrive[id]);
      else { const v = runs[id].values; assert.ok(!(v[v.length - 1] <= level(id)), where); }
    }
    let m = /gradient descent diverges at step (\d+)/.exec(caption);
    if (m) assert.equal(runs.gd.divergedAt, Number(m[1]), where); else assert.equal(runs.gd.divergedAt, null, where);
    if (/moves almost only in b/.test(caption + words)) {
      const p = runs.gd.params;
      assert.ok(Math.abs(p[3] - p[1]) >= 10 * Math.abs(p[2] - p[0]), where);
    }
    if (/crawls/.test(caption)) assert.ok(arrive.gd === null || (arrive.ada !== null && arrive.gd >= 3 * Math.max(arrive.ada, 1)), where);
    m = /gradient descent [^;]*at the minimum from step (\d+)/.exec(caption);
    if (m) assert.equal(arrive.gd, Number(m[1]), where);
    if (/gradient descent is not at the minimum/.test(caption)) assert.equal(arrive.gd, null, where);
    m = /AdaGrad (?:keeps a larger rate for the rare w and )?is at the minimum from step (\d+)/.exec(caption);
    if (m) assert.equal(arrive.ada, Number(m[1]), where); else assert.equal(arrive.ada, null, where);
    if (/keeps a larger rate for the rare w/.test(caption)) {
      for (let s = 1; s <= runs.ada.stepsTaken; s++) assert.ok(runs.ada.rates[2 * s - 2] >= runs.ada.rates[2 * s - 1], where);
    }
    if (/Momentum overshoots/.test(caption)) {
      const side = cfg.w0 < minimum[0] ? 1 : -1;
      let most = -Infinity;
      for (let s = 0; s <= runs.mom.stepsTaken; s++) most = Math.max(most, side * (runs.mom.params[2 * s] - minimum[0]));
      assert.ok(most > PAST, where);
    }
    if (/then swings back/.test(words)) {
      const end = runs.mom.params[2 * runs.mom.stepsTaken];
      assert.ok(Math.abs(end - minimum[0]) < run.passes.mom.past, where);
    }
    m = /Nesterov looks ahead before each step and overshoots less \(w reaches ([-\d.e]+)\)/.exec(words);
    if (m) assert.ok(run.passes.nag.past < run.passes.mom.past && run.passes.nag.past > PAST, where);
    if (/does not pass the minimum’s w/.test(words)) assert.ok(run.passes.nag.past <= PAST, where);
    // the valley's shape
    if (/The valley lies along w/.test(words)) assert.ok(Math.abs(run.shape.angle) < 10, where);
    if (/The valley is tilted/.test(words)) assert.ok(Math.abs(run.shape.angle) >= 10, where);
    if (/Almost all of the stretch lies along the axes/.test(words)) assert.ok(run.shape.diagonal < 2, where);
    // AdaGrad's paragraph: "η in each coordinate" only when both first moves are η
    if (/η in each coordinate/.test(words)) {
      const p = runs.ada.params;
      for (const c of [0, 1]) assert.ok(Math.abs(Math.abs(p[2 + c] - p[c]) - cfg.lr.ada) <= 1e-6 * cfg.lr.ada, where);
    }
    m = /w’s rate is ([\d.e+-]+)× b’s: the rare feature keeps the larger steps/.exec(words);
    if (m) { const s = runs.ada.stepsTaken; const r = runs.ada.rates[2 * s - 2] / runs.ada.rates[2 * s - 1]; assert.ok(r >= 1.5 && Math.abs(r - Number(m[1])) <= 0.005 * r, where); }
    // the dense bowl
    if (/nearly round/.test(dense)) assert.ok(run.dense.shape.stretch < 1.5, where);
    m = /within 1% of the lowest loss from step (\d+) on, against step (\d+) in the valley/.exec(dense);
    if (m) assert.ok(run.denseArrive === Number(m[1]) && arrive.gd === Number(m[2]), where);
    // statuses and the board at step t
    IDS.forEach((id, k) => {
      const st = /at the minimum from step (\d+)/.exec(statuses[k]);
      if (st) assert.ok(arrive[id] === Number(st[1]) && arrive[id] <= t, where);
      else if (!/diverged/.test(statuses[k])) assert.ok(arrive[id] === null || arrive[id] > t, where);
    });
    const board = story.arrivals(run, t);
    board.forEach((b, k) => { assert.ok(b.step === arrive[b.id] && b.step <= t, where); if (k) assert.ok(board[k - 1].step <= b.step, where); });
    // the rates' note
    m = /w’s rate is (?:only )?([\d.e+-]+)× b’s/.exec(note);
    if (m) { const s = Math.min(t, runs.ada.stepsTaken); const r = runs.ada.rates[2 * s - 2] / runs.ada.rates[2 * s - 1]; assert.ok(Math.abs(r - Number(m[1])) <= 0.005 * r, where); }
  }
});
