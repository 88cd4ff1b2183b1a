// The line fit's story against its runs: the article's rates, the tuned ones, and a seeded sweep
// over the settings' rules in which every fate, crossing count and ranking is checked.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, lineRun, lineStory, ROUND, settings, presets, sampler, short;
const RACERS = [
  { id: 'sgd', spec: (lr) => ({ kind: 'sgd', lr }) },
  { id: 'ada', spec: (lr) => ({ kind: 'adagrad', lr }) },
  { id: 'adam', spec: (lr) => ({ kind: 'adam', lr }) },
];
test.before(async () => {
  lab = await loadLab();
  ({ lineRun } = await import('../../web/src/figures/line/model.js'));
  ({ lineStory, ROUND } = await import('../../web/src/figures/line/story.js'));
  ({ settings, presets } = await import('../../web/src/figures/line/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
  ({ short } = await import('../../web/src/format.js'));
});
const textOf = (paragraphs) => paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
function tell(over, preset = null) {
  const { values: v, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const cfg = { ...v, lr: { sgd: v.sgd, ada: v.ada, adam: v.adam } };
  const run = lineRun(lab, cfg, RACERS);
  const story = lineStory(run, preset);
  return { run, caption: story.caption, text: textOf(story.paragraphs) };
}

test('the article’s rates: Adam is held back by its rate, and the caption ranks nothing it cannot show', () => {
  const { text, caption } = tell({}, 'article');
  assert.match(text.join(' '), /100 epochs can carry w at most about 0\.1 of the 2 it has to travel/);
  assert.match(caption, /^With the article’s rates, after 100 epochs SGD is at MSE/);
});

test('tuned rates: all three are fitted for good, in the order of their epochs', () => {
  const { run, caption } = tell(presets.tuned, 'tuned');
  const order = ['sgd', 'ada', 'adam'].sort((a, b) => run.arrive[a] - run.arrive[b]);
  const names = { sgd: 'SGD', ada: 'AdaGrad', adam: 'Adam' };
  assert.match(caption, new RegExp(`^Within 1% of the lowest loss for good: ${order.map((id) => `${names[id]} from epoch ${run.arrive[id]}`).join(', ')}\\.`));
});

test('sweep: 150 settings within the rules; fates, crossings and the bowl match the runs', () => {
  const rnd = sampler(2026);
  const limits = { n: { min: 2, max: 400 }, epochs: { min: 1, max: 300 }, w0: { min: -10, max: 10 }, b0: { min: -10, max: 10 }, noise: { min: 0, max: 3 } };
  for (let i = 0; i < 150; i++) {
    const over = {};
    for (const k of ['n', 'noise', 'seed', 'w0', 'b0', 'epochs', 'sgd', 'ada', 'adam']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, text, caption } = tell(over);
    const all = `${caption}\n${text.join('\n')}`, where = `${JSON.stringify(over)}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null/, where);
    // a move is never written as "from 5 to 5": as many digits as it takes to tell them apart
    const went = /its w went from (\S+) to (\S+) in the first epoch/.exec(all);
    if (went) assert.equal(went[1] === went[2], run.runs.adam.params[0] === run.runs.adam.params[2], where);
    for (const [id, name] of [['sgd', 'SGD'], ['ada', 'AdaGrad'], ['adam', 'Adam']]) {
      const t = run.runs[id];
      if (t.divergedAt !== null) { assert.ok(text[0].includes(`${name} (η = ${short(run.cfg.lr[id])}) diverged at epoch ${t.divergedAt}`), where); continue; }
      const m = new RegExp(`${name} \\(η = [^)]*\\) is within 1% of the lowest loss from epoch (\\d+) on`).exec(text[0]);
      if (m) {
        const k = Number(m[1]);
        assert.ok(Array.from(t.values).slice(k).every((v) => v <= run.floor * 1.01), where);
        if (k > 0) assert.ok(t.values[k - 1] > run.floor * 1.01, where);
      } else {
        assert.ok(t.values[t.stepsTaken] > run.floor * 1.01 || Array.from(t.values).some((v) => v > run.floor * 1.01), where);
      }
    }
    const crossed = /carries w past the best w (once|(\d+) times)/.exec(all);
    if (crossed) assert.equal(crossed[1] === 'once' ? 1 : Number(crossed[2]), run.crossings.adam, where);
    if (/nearly round bowl/.test(all)) assert.ok(run.roundness < ROUND, where);
  }
});
