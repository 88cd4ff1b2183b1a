// The spiral's boards as the page sees them when they train in the figure's Web Worker: the
// worker's boards send reports (model.reporting), the page applies them to a mirror
// (model.mirror). A mirror must read exactly as boards trained in place do: epochs, divergence,
// stats, the first epoch above 99%, every point of the loss and accuracy histories, and so the
// story's every word. Here both sides run under Node against the same module; frames are paced
// by the shared play loop (spiral/play.js), as in the worker.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, model, story, play, settings;
test.before(async () => {
  lab = await loadLab();
  model = await import('../../web/src/figures/spiral/model.js');
  story = await import('../../web/src/figures/spiral/story.js');
  play = await import('../../web/src/figures/spiral/play.js');
  ({ settings } = await import('../../web/src/figures/spiral/settings.js'));
});
const cfgOf = (texts) => {
  const { values, ok, errors } = settings.parse(texts);
  assert.ok(ok, JSON.stringify(errors));
  return { ...values, hidden: values.hidden === '' ? [] : values.hidden.split(',').map(Number) };
};
const words = (b) => JSON.stringify(story.spiralStory(b, { preset: 'notebook' })) + b.runs.map((r) => story.boardStatus(b, r).text).join('|');
// the mirror crosses a thread boundary: what it is given must survive structured cloning
const cloned = (report) => structuredClone(report);

function same(local, m, where) {
  assert.equal(m.epoch(), local.epoch(), where);
  assert.equal(m.finished(), local.finished(), where);
  local.runs.forEach((r, i) => {
    const q = m.runs[i];
    assert.equal(m.done(q), local.done(r), where);
    assert.equal(m.divergedEpoch(q), local.divergedEpoch(r), where);
    assert.equal(m.trainable(q), local.trainable(r), where);
    assert.deepEqual(q.stats, r.stats, where);
    assert.equal(q.above99, r.above99, where);
    assert.deepEqual(q.losses.points(), r.losses.points(), where);
    assert.deepEqual(q.accuracies.points(), r.accuracies.points(), where);
  });
  assert.equal(words(m), words(local), where);
}

for (const [name, texts, epf] of [
  ['the notebook’s network, 10 epochs a frame', { epochs: '300' }, 10],
  ['a tanh network that passes 99%, 250 a frame', { hidden: '24,24,24', act: 'tanh', init: 'auto', place: 'outside', clr: '0.1', epochs: '2000' }, 250],
  ['a board that diverges, 1 a frame', { clr: '1e6', epochs: '60' }, 1],
]) {
  test(`a mirror fed the worker's reports reads as the boards: ${name}`, () => {
    const cfg = cfgOf(texts);
    const local = model.spiralRuns(lab, cfg);    // trained here, as the fallback does
    const remote = model.spiralRuns(lab, cfg);   // trained "in the worker"
    const m = model.mirror(remote);
    const report = model.reporting(remote);
    const frames = play.frames(remote, () => 0);  // a clock that never moves: every frame its full epf
    try {
      same(local, m, 'at epoch 0');
      let n = 0;
      while (!remote.finished()) {
        const { epochs } = frames.train(epf);
        m.apply(cloned(report()));
        // the same epochs of the same boards, one at a time, as the main thread's frames train them
        for (let k = 0; k < epochs; k++) assert.ok(local.trainBehind());
        same(local, m, `after frame ${++n}`);
      }
      // Step one epoch past the end changes nothing on either side
      remote.train(); local.train();
      m.apply(cloned(report()));
      same(local, m, 'after a step at the end');
      assert.ok(n > 1);
      // each case reaches what it is named for
      if (/diverges/.test(name)) assert.ok(m.runs.some((r) => m.divergedEpoch(r) !== null));
      if (/passes 99%/.test(name)) assert.ok(m.runs[0].above99 > 0);
    } finally {
      local.free();
      remote.free();
    }
  });
}

test('a mirror starts where its boards start, at epoch 0, with nothing trained', () => {
  const b = model.spiralRuns(lab, cfgOf({}));
  try {
    const m = model.mirror(b);
    assert.equal(m.epoch(), 0);
    assert.deepEqual(m.runs.map((r) => [r.name, r.lr, r.stats]), b.runs.map((r) => [r.name, r.lr, null]));
    assert.equal(m.data, b.data);
    assert.match(words(m), /Press Play to train them side by side/);
  } finally {
    b.free();
  }
});
