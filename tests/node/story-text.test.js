// The rare-words caption against its runs: each weight it prints is the run's, and "N% of" /
// "N× " says the direction the numbers have, over a sweep of rates, epochs and word pairs.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, bag, trainBoth, textCaption, short;
test.before(async () => {
  lab = await loadLab();
  let corpus;
  ({ corpus, trainBoth } = await import('../../web/src/figures/text/model.js'));
  ({ textCaption } = await import('../../web/src/figures/text/story.js'));
  ({ short } = await import('../../web/src/format.js'));
  bag = corpus(lab);
});

test('sweep: 40 trainings; every weight and comparison in the caption is the run’s', () => {
  const rare = bag.vocabulary.filter((w) => bag.documentFrequency[bag.index.get(w)] <= 2);
  const common = bag.vocabulary.filter((w) => bag.documentFrequency[bag.index.get(w)] > 2);
  for (let i = 0; i < 40; i++) {
    const cfg = { sgdLr: 10 ** (-2 + (i % 5) / 2), adaLr: 10 ** (-2 + (i % 4) / 2), epochs: 1 + ((i * 37) % 120) };
    const run = { ...trainBoth(lab, bag, cfg) };
    run.last = Math.max(run.sgd.done, run.ada.done);
    const words = { rare: rare[(i * 7) % rare.length], common: common[(i * 3) % common.length] };
    const caption = textCaption(run, bag, words);
    assert.doesNotMatch(caption, /NaN|undefined|Infinity/, caption);
    for (const which of ['ada', 'sgd']) {
      const r = run[which], a = r.params[r.done * run.P + bag.index.get(words.rare)], b = r.params[r.done * run.P + bag.index.get(words.common)];
      assert.ok(caption.includes(`${short(a, 3)}, `), `${which}: ${caption}`);
      if (b !== 0 && Math.abs(a / b) < 1) assert.ok(caption.includes(`${short(Math.abs(a / b) * 100, 2)}% of “${words.common}”’s ${short(b, 3)}`), caption);
      else if (b !== 0) assert.ok(caption.includes(`${short(Math.abs(a / b), 3)}× “${words.common}”’s ${short(b, 3)}`), caption);
    }
  }
});
