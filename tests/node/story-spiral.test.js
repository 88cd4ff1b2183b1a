// The spiral's words against its boards: the notebook's presets as named cases, and a seeded
// sweep of small networks and settings drawn from the figure's own rules, trained to their end
// (and stopped part-way), checking every outcome the summary and the board lines state.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, model, story, settings, presets, sampler;
test.before(async () => {
  lab = await loadLab();
  model = await import('../../web/src/figures/spiral/model.js');
  story = await import('../../web/src/figures/spiral/story.js');
  ({ settings, presets } = await import('../../web/src/figures/spiral/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
});
const text = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join('')).join('\n');
const cfgOf = (texts) => {
  const { values, ok, errors } = settings.parse(texts);
  assert.ok(ok, JSON.stringify(errors));
  return { ...values, hidden: values.hidden === '' ? [] : values.hidden.split(',').map(Number) };
};
const pct = (v) => `${(v * 100).toFixed(1)}%`;

/** Checks what the words say against the boards; `history`: every epoch's accuracy per board. */
function check(b, paragraphs, history, where) {
  const words = text(paragraphs);
  const all = `${where}\n${words}`;
  assert.doesNotMatch(words, /NaN|undefined|Infinity|null|\[object/, all);
  b.runs.forEach((r, k) => {
    const status = story.boardStatus(b, r).text;
    const at = b.divergedEpoch(r);
    if (at !== null) {
      assert.equal(status, `diverged at epoch ${at}`, all);
      assert.ok(words.includes(`${r.name} (η = `) && new RegExp(`diverged at epoch ${at}\\b`).test(words), all);
    } else if (r.stats) {
      assert.ok(words.includes(`after ${b.done(r)} epoch`) && words.includes(`${pct(r.stats.accuracy)} accuracy`), all);
      const first = history[k].findIndex((a) => a > 0.99);
      if (first >= 0) assert.ok(words.includes(`first above 99% at epoch ${first + 1}`), all);
      else assert.doesNotMatch(words.split('\n').find((l) => l.startsWith(`${r.name} (η = ${''}`)) ?? '', /first above 99%/, all);
      // the board lines follow the summary's first paragraph, in board order
      if (history.losses) checkJump(r, text([paragraphs[k + 1]]), history.losses[k], all);
    }
  });
  const [x, y] = b.runs;
  const m = /At epoch \d+ (.+?) is ahead on (?:both )?accuracy \(([\d.]+)% against ([\d.]+)%\)(?:,? (?:and loss|(.+?) on loss) \(([\d.e-]+) against)?/.exec(words);
  assert.equal(Boolean(m), /is ahead on/.test(words), all);
  if (m) {
    const nameOf = (k) => (x.name === y.name ? ['the left board', 'the right board'][k] : b.runs[k].name);
    assert.ok(x.stats.accuracy !== y.stats.accuracy, all);
    assert.equal(m[1], nameOf(x.stats.accuracy > y.stats.accuracy ? 0 : 1), all);
    assert.equal(Number(m[2]), Number((100 * Math.max(x.stats.accuracy, y.stats.accuracy)).toFixed(1)), all);
    if (m[5] !== undefined) {
      const lower = x.stats.loss < y.stats.loss ? 0 : 1;
      assert.equal(m[4] ?? m[1], nameOf(lower), all);
    }
  }
  if (/use different rates/.test(words)) assert.notEqual(b.cfg.lr, b.cfg.clr, all); else assert.equal(b.cfg.lr, b.cfg.clr, all);
  if (/far from a clean split/.test(words)) assert.ok(Math.max(x.stats.accuracy, y.stats.accuracy) < 0.95, all);
}

function trainAll(b, upTo = Infinity) {
  const history = b.runs.map(() => []);
  history.losses = b.runs.map(() => []);
  while (!b.finished() && b.epoch() < upTo) {
    const before = b.runs.map((r) => b.done(r));
    b.trainBehind();
    b.runs.forEach((r, k) => {
      if (b.done(r) > before[k] && !r.stats.diverged) { history[k].push(r.stats.accuracy); history.losses[k].push(r.stats.loss); }
    });
  }
  return history;
}

/** A board's line says its loss jumped exactly when its losses (every epoch's, kept here) rose
 *  past ten times the first epoch's, and names the highest, its epoch and whether it fell back. */
function checkJump(r, line, losses, all) {
  const m = /On the way its loss (shot up|rose) to ([^ ]+) at epoch (\d+), ([^ ]+) times its first epoch’s ([^ ,]+)/.exec(line);
  if (losses.length === 0) { assert.equal(m, null, all); return; }
  let at = 0;
  losses.forEach((v, j) => { if (v > losses[at]) at = j; });
  const peak = losses[at], first = losses[0];
  assert.equal(Boolean(m), peak > 10 * first, all);
  if (!m) return;
  assert.equal(Number(m[3]), at + 1, all);
  assert.ok(Math.abs(Number(m[2]) / peak - 1) < 1e-3, all);
  assert.ok(Math.abs(Number(m[5]) / first - 1) < 1e-3, all);
  assert.equal(m[1] === 'shot up', losses[losses.length - 1] * 10 < peak, all);
  assert.equal(/before falling back/.test(line), m[1] === 'shot up', all);
}

test('the notebook’s setup: different η’s are said to be different, and the words match its end', () => {
  const b = model.spiralRuns(lab, { ...cfgOf(presets.notebook), epochs: 300 });
  try {
    const history = trainAll(b);
    const words = story.spiralStory(b, { preset: 'notebook' });
    check(b, words, history, 'notebook, 300 epochs');
    assert.match(text(words), /use different rates \(η = 0\.1 and 0\.01\)/);
  } finally { b.free(); }
});

test('the same η for both: no word about different rates, and the comparison names the leader', () => {
  const b = model.spiralRuns(lab, { ...cfgOf(presets.fair), epochs: 200 });
  try {
    const history = trainAll(b);
    const words = story.spiralStory(b, { preset: 'fair' });
    check(b, words, history, 'fair, 200 epochs');
    assert.doesNotMatch(text(words), /different rates/);
    assert.match(text(words), /At epoch 200 /);
  } finally { b.free(); }
});

test('sweep: 40 small networks and settings, trained to the end or stopped part-way; every outcome stated is the run’s', () => {
  const rnd = sampler(2026);
  const d = settings.declarations;
  const seen = { diverged: 0, ahead: 0, above99: 0, partial: 0, jumped: 0 };
  for (let i = 0; i < 40; i++) {
    const layers = Math.floor(rnd.next() * 3);
    const cfg = {
      draw: rnd.draw(d.draw), seed: Number(rnd.draw(d.seed)), noise: Number(rnd.draw(d.noise, { max: 0.5 })), n: Number(rnd.draw(d.n, { min: 10, max: 120 })),
      hidden: Array.from({ length: layers }, () => 1 + Math.floor(rnd.next() * 12)),
      act: rnd.draw(d.act), init: rnd.draw(d.init), wseed: Number(rnd.draw(d.wseed)),
      opt: rnd.draw(d.opt), cmp: rnd.draw(d.cmp), place: rnd.draw(d.place),
      // a few enormous rates, where the weights overflow and the boards diverge
      lr: rnd.next() < 0.15 ? 1e6 : Number(rnd.draw(d.lr, { min: 1e-3, max: 10 })),
      clr: rnd.next() < 0.15 ? 1e8 : Number(rnd.draw(d.clr, { min: 1e-3, max: 10 })),
      epochs: Number(rnd.draw(d.epochs, { max: 150 })),
    };
    if (rnd.next() < 0.2) cfg.clr = cfg.lr;
    cfg.n -= cfg.n % 2;   // the notebook's spiral has two equal arms (the core refuses an odd n with its message)
    // every tenth: a network with room for a few points, so that some run passes 99%
    if (i % 10 === 0) Object.assign(cfg, { n: 20, noise: 0, hidden: [24, 24], act: 'tanh', init: 'auto', opt: 'adam', lr: 0.05, epochs: 300 });
    // and every tenth from the fifth: the notebook's network with a right-hand η that overflows it
    if (i % 10 === 5) Object.assign(cfg, { ...cfgOf(presets.notebook), cmp: 'sgd', clr: 1e6, epochs: 60 });
    // and from the seventh: rates that make the loss jump and fall back (SGD at η = 1000 reaches
    // 1e113 at epoch 30; AdaGrad at η = 5, 49 at epoch 2)
    if (i % 10 === 7) Object.assign(cfg, { ...cfgOf(presets.notebook), lr: i < 20 ? 5 : 0.1, clr: i < 20 ? 3 : 1000, epochs: 60 });
    const b = model.spiralRuns(lab, cfg);
    try {
      const stop = rnd.next() < 0.3 ? Math.floor(rnd.next() * cfg.epochs) : Infinity;
      const history = trainAll(b, stop);
      const words = story.spiralStory(b);
      check(b, words, history, JSON.stringify(cfg));
      const t = text(words);
      seen.diverged += /diverged at epoch/.test(t); seen.ahead += /is ahead on/.test(t);
      seen.above99 += /first above 99%/.test(t); seen.partial += /^So far/.test(t);
      seen.jumped += /On the way its loss/.test(t);
    } finally { b.free(); }
  }
  // the sweep reaches every kind of sentence it checks
  for (const [kind, n] of Object.entries(seen)) assert.ok(n > 0, `no run in the sweep ${kind}: ${JSON.stringify(seen)}`);
});
