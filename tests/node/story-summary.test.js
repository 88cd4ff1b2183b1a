// The summary's words against its runs: each recap card's claim at the page's setups, the same
// card stories over a seeded sweep of other setups (so a card never states what its run does not
// show), and the advice for all sixteen sets of answers.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, model, story, sampler;
test.before(async () => {
  lab = await loadLab();
  model = await import('../../web/src/figures/summary/model.js');
  story = await import('../../web/src/figures/summary/story.js');
  ({ sampler } = await import('../../web/src/settings.js'));
});
const words = (card) => [card.claim, card.numbers.map((s) => (typeof s === 'string' ? s : s.text)).join(''), card.description].join('\n');
const num = (t) => Number(t.replace('−', '-'));

/** Checks every claim a card makes against its run; returns the card's text. */
function check(id, run) {
  assert.ok(!run.error, run.error);
  const card = story.CARDS[id](run);
  const text = words(card), where = `${id} ${JSON.stringify(Object.fromEntries(Object.entries(run).filter(([, v]) => typeof v !== 'object')))}\n${text}`;
  assert.doesNotMatch(text, /NaN|undefined|Infinity|null|\[object/, where);
  if (id === 'sparse') {
    const share = (r) => (r.params[2 * run.at] - r.params[0]) / (run.target - r.params[0]);
    const m = /AdaGrad covers ([\d.-]+)% of the way[^,]*,? (?:and )?plain GD ([\d.-]+)%/.exec(card.claim);
    assert.ok(m, where);
    assert.ok(Math.abs(num(m[1]) - 100 * share(run.ada)) < 0.06 && Math.abs(num(m[2]) - 100 * share(run.gd)) < 0.06, where);
    if (!/no clear lead/.test(card.claim)) assert.ok(share(run.ada) >= 1.5 * share(run.gd), where);
  }
  if (id === 'words') {
    const last = (a) => a[a.length - 1];
    const m = /ends at ([\d.e−-]+)× the common word’s(?:, against| under AdaGrad and) ([\d.e−-]+)× under SGD/.exec(card.claim);
    assert.ok(m, where);
    const ada = last(run.rare.ada) / last(run.common.ada), sgd = last(run.rare.sgd) / last(run.common.sgd);
    assert.ok(Math.abs(num(m[1]) - ada) <= 0.05 * Math.abs(ada) && Math.abs(num(m[2]) - sgd) <= 0.05 * Math.abs(sgd), where);
    if (/keeps the rare word’s rate large/.test(card.claim)) assert.ok(ada > sgd, where);
  }
  if (id === 'scales') {
    const f = (r) => r.values[r.stepsTaken];
    if (/ends ([\d.e]+)× lower than GD/.test(card.claim)) assert.ok(f(run.adaRun) < f(run.gdRun), where);
    if (/does not end lower/.test(card.claim)) assert.ok(f(run.adaRun) >= f(run.gdRun), where);
    const o = run.overRun;
    const d = /at η [\d.e-]+ it diverges at step (\d+)/.exec(card.claim);
    if (d) assert.equal(o.divergedAt, Number(d[1]), where);
    if (/it blows up to/.test(card.claim)) assert.ok(o.divergedAt === null && f(o) > o.values[0], where);
  }
  if (id === 'fading') {
    const n = run.steps;
    if (/RMSProp forgets old gradients: after/.test(card.claim)) assert.ok(Math.abs(run.rms.params[n]) < Math.abs(run.ada.params[n]), where);
    if (/ends no closer/.test(card.claim)) assert.ok(Math.abs(run.rms.params[n]) >= Math.abs(run.ada.params[n]), where);
    if (!/did not/.test(card.claim)) for (let i = 1; i < n; i++) assert.ok(run.ada.rates[i] <= run.ada.rates[i - 1], where);
  }
  if (id === 'eta') {
    if (/No step is longer than η/.test(card.claim)) {
      run.runs.forEach((r, k) => { for (let i = 1; i <= r.stepsTaken; i++) assert.ok(Math.abs(r.params[i] - r.params[i - 1]) <= run.etas[k] * (1 + 1e-6), where); });
    }
  }
  if (id === 'bug') {
    const n = run.steps, bad = run.bad;
    if (/, η long,/.test(card.claim)) for (const k of [1, 2, 3]) assert.ok(Math.abs(Math.abs(bad.params[n - k + 1] - bad.params[n - k]) - run.lr) <= 1e-6 * run.lr, where);
    if (/bounces around the minimum for ever/.test(card.claim)) {
      // it keeps crossing 0 over its last ten steps
      let crosses = 0;
      for (let i = n - 10; i < n; i++) if (bad.params[i] * bad.params[i + 1] < 0) crosses++;
      assert.ok(crosses >= 5, where);
    }
  }
  return card;
}

test('the page’s own cards: every claim is its run’s (and the points they were written to make hold)', () => {
  const runs = model.cardRuns(lab);
  for (const id of Object.keys(story.CARDS)) check(id, runs[id]);
  assert.doesNotMatch(story.CARDS.sparse(runs.sparse).claim, /no clear lead/);
  assert.match(story.CARDS.words(runs.words).claim, /AdaGrad keeps the rare word’s rate large/);
  assert.match(story.CARDS.scales(runs.scales).claim, /lower than GD at η 0.009/);
  assert.match(story.CARDS.fading(runs.fading).claim, /RMSProp forgets old gradients: after 1000 steps/);
  assert.match(story.CARDS.eta(runs.eta).claim, /^No step is longer than η/);
  assert.match(story.CARDS.bug(runs.bug).claim, /η long, and the run bounces around the minimum for ever/);
});

test('sweep: 60 other setups per card; each card states only what its run shows', () => {
  const rnd = sampler(13);
  const u = (lo, hi) => lo + (hi - lo) * rnd.next();
  const logu = (lo, hi) => Math.pow(10, u(Math.log10(lo), Math.log10(hi)));
  for (let i = 0; i < 60; i++) {
    check('sparse', model.cardRun(lab, 'sparse', { density: u(0.01, 0.5), seed: Math.floor(u(0, 1e6)), lr: logu(1e-3, 2), at: 1 + Math.floor(u(0, 49)) }));
    check('scales', model.cardRun(lab, 'scales', { x0: [u(-5, 5), u(-3, 3)], gd: logu(1e-4, 0.0099), over: logu(0.0101, 1), ada: logu(1e-3, 10) }));
    check('fading', model.cardRun(lab, 'fading', { x0: u(-10, 10), lr: logu(1e-3, 5), steps: 10 + Math.floor(u(0, 990)) }));
    const etas = [logu(1e-4, 0.05), logu(0.05, 0.5), logu(0.5, 20)];
    check('eta', model.cardRun(lab, 'eta', { x0: u(-10, 10), etas }));
    check('bug', model.cardRun(lab, 'bug', { x0: u(-10, 10), lr: logu(1e-3, 5) }));
  }
});

test('advice: all sixteen answers give one of four verdicts, links to real sections, and the cards that fit', () => {
  const sections = new Set(['parabola', 'race', 'valley', 'text', 'line', 'fading', 'compare', 'pitfall']);
  const seen = new Set();
  for (let mask = 0; mask < 16; mask++) {
    const answers = Object.fromEntries(['sparse', 'scales', 'convex', 'deep'].map((k, b) => [k, mask & (1 << b) ? 'yes' : 'no']));
    const a = story.advice(answers);
    seen.add(a.verdict);
    for (const p of a.parts) if (typeof p !== 'string') assert.ok(sections.has(p.href), p.href);
    if (answers.deep === 'yes') assert.equal(a.verdict, 'Prefer Adam or RMSProp.');
    else if (answers.sparse === 'yes' || answers.scales === 'yes') assert.equal(a.verdict, 'AdaGrad is a good fit.');
    assert.equal(a.related.sparse, answers.sparse === 'yes');
    assert.equal(a.related.fading, answers.deep === 'yes');
    const text = a.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    assert.doesNotMatch(text, /undefined|null/);
  }
  assert.equal(seen.size, 4);
});
