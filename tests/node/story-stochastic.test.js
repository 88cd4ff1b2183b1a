// The stochastic figure's story against its runs: the counts of touched steps come from the data,
// and every comparison (rates, distances) from the run; a seeded sweep over the settings' rules.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let lab, bag, stochasticRun, stochasticStory, settings, sampler, short;
test.before(async () => {
  lab = await loadLab();
  let corpus;
  ({ corpus, stochasticRun } = await import('../../web/src/figures/stochastic/model.js'));
  ({ stochasticStory } = await import('../../web/src/figures/stochastic/story.js'));
  ({ settings } = await import('../../web/src/figures/stochastic/settings.js'));
  ({ sampler } = await import('../../web/src/settings.js'));
  ({ short } = await import('../../web/src/format.js'));
  bag = corpus(lab);
});
function tell(over) {
  const { values, errors } = settings.parse({ ...settings.defaults, ...over });
  assert.deepEqual(errors, {});
  const run = stochasticRun(lab, bag, values);
  const text = stochasticStory(run, bag, values).paragraphs.map((p) => p.map((s) => (typeof s === 'string' ? s : s.text)).join(''));
  return { run, values, text };
}
const reviewsWith = (word) => {
  const j = bag.index.get(word);
  let k = 0;
  for (let r = 0; r < bag.n; r++) if (bag.x[r * bag.dim + j] !== 0) k++;
  return k;
};

test('one review a step: “masterpiece” is touched on exactly the steps of the reviews that contain it', () => {
  const { run, text } = tell({});
  assert.equal(run.stepsPerEpoch, bag.n);
  assert.match(text[0], new RegExp(`“masterpiece” is in 1 review, so it gets a gradient on exactly ${reviewsWith('masterpiece')} of the ${bag.n} steps`));
  assert.match(text[0], new RegExp(`“great” is in ${reviewsWith('great')}, so on exactly ${reviewsWith('great')}\\.`));
});

test('the rare word’s rate is called larger only when it is, with the run’s ratio', () => {
  for (const over of [{}, { batch: '5' }, { ada: '1', sgd: '0.01' }, { rare: 'director', common: 'the' }]) {
    const { run, values, text } = tell(over);
    const P = run.P, e = run.ada.done - 1;
    const rr = run.ada.rates[e * P + bag.index.get(values.rare)], rc = run.ada.rates[e * P + bag.index.get(values.common)];
    const m = /the rare word’s rate is ([\d.]+)× (larger|smaller) than/.exec(text[1]);
    assert.ok(m, text[1]);
    assert.equal(m[2] === 'larger', rr > rc, text[1]);
    assert.equal(m[1], short(Math.max(rr / rc, rc / rr), 3));
  }
});

test('the whole batch in one step: one step an epoch, said in the singular, both words on it', () => {
  const { run, text } = tell({ batch: '40' });
  assert.equal(run.stepsPerEpoch, 1);
  assert.match(text[0], /^Each epoch takes 1 step of 40 reviews\. “masterpiece” \(in 1 review\) and “great” \(in \d+\) both get a gradient on that one step\./);
});

test('sweep: 80 settings within the rules; counts, comparisons and distances match the runs', () => {
  const rnd = sampler(77);
  const limits = { epochs: { min: 1, max: 40 } };
  for (let i = 0; i < 80; i++) {
    const over = {};
    for (const k of ['sgd', 'ada', 'batch', 'epochs', 'seed']) over[k] = rnd.draw(settings.get(k), limits[k]);
    const { run, values, text } = tell(over);
    const all = text.join('\n'), where = `${JSON.stringify(over)}\n${all}`;
    assert.doesNotMatch(all, /NaN|undefined|Infinity|null/, where);
    assert.equal(run.stepsPerEpoch, Math.ceil(bag.n / values.batch));
    assert.equal(/both get a gradient on that one step/.test(all), run.stepsPerEpoch === 1, where);
    assert.doesNotMatch(all, /\b1 steps\b|of the 1 step/, where);
    for (const k of ['sgd', 'ada', 'full']) if (run[k].divergedAt !== null) assert.match(all, /diverged in epoch/, where);
    if (/diverged/.test(all)) continue;
    const P = run.P, i = bag.index.get(values.rare), j = bag.index.get(values.common);
    for (const [name, r] of [['SGD', run.sgd], ['AdaGrad', run.ada]]) {
      const a = Math.abs(r.params[r.done * P + i]), b = Math.abs(r.params[r.done * P + j]);
      const m = new RegExp(`under ${name} “${values.rare}” moved ([\\d.]+)× (as far as|less far than)`).exec(all);
      if (m) assert.equal(m[2] === 'as far as', a > b, where);
    }
  }
});
