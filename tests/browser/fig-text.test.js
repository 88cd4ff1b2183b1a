// Figure 8: rare words in a bag of words, SGD against AdaGrad on 40 reviews. The page's numbers
// are checked against the core's own answer, computed here through window.adagradLab.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { launch, open, problems, root } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-text';

// the corpus, read from its module without a bundler (it is plain data)
const corpus = (() => {
  const source = fs.readFileSync(path.join(root, 'web', 'src', 'figures', 'text', 'corpus.js'), 'utf8');
  return vm.runInNewContext(`${source.replace(/^export /gm, '')}\n({ texts, labels });`);
})();

/** The core's answer: both models trained as the page trains them, in the page's own module. */
function coreAnswer(page, { sgdLr = 1, adaLr = 0.1, epochs = 200, words = ['masterpiece', 'great'], sentence = '' } = {}) {
  return page.evaluate(({ texts, labels, sgdLr, adaLr, epochs, words, sentence }) => {
    const lab = window.adagradLab;
    const bag = lab.bagOfWords(texts, labels);
    const V = bag.dim;
    const counts = new Float64Array(V);
    for (const w of lab.tokenize(sentence)) { const i = bag.vocabulary.indexOf(w); if (i >= 0) counts[i] += 1; }
    const out = {};
    for (const [name, optimizer] of [['sgd', { kind: 'sgd', lr: sgdLr }], ['ada', { kind: 'adagrad', lr: adaLr }]]) {
      const run = new lab.TrainingRun({ network: { layers: [V, 1], activation: 'linear' }, params: new Float64Array(V + 1),
        optimizer, data: { x: bag.x, y: bag.y, dim: V } });
      if (epochs > 0) run.epochs(epochs);
      const p = run.getParams();
      out[name] = { weights: Object.fromEntries(words.map((w) => [w, p[bag.vocabulary.indexOf(w)]])), p: run.predict(counts)[0] };
      if (name === 'ada' && epochs > 0) { const r = run.effectiveRate(); out.rates = Object.fromEntries(words.map((w) => [w, r[bag.vocabulary.indexOf(w)]])); }
      run.delete();
    }
    return out;
  }, { ...corpus, sgdLr, adaLr, epochs, words, sentence });
}
const num = (text) => Number(text.replace(/−/g, '-'));
const three = (v) => Number(v.toPrecision(3));
const readout = (page) => page.locator(`${fig} .readout`).innerText();
function weightsIn(text, word) {
  const m = new RegExp(`“${word}” \\(\\d+ reviews?\\): SGD (\\S+), AdaGrad (\\S+?)(?: ·|$)`).exec(text);
  assert.ok(m, text);
  return { sgd: num(m[1].replace(/,$/, '')), ada: num(m[2]) };
}
async function setField(page, name, value) {
  const input = page.locator(`${fig} input[data-field="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}
const messageOf = (page, name) => page.locator(`${fig} .field:has([data-field="${name}"]) .field-msg`).innerText();

test('after 200 epochs the weights, rates and predictions shown are the core’s, and “masterpiece” outgrows “great” only under AdaGrad', async () => {
  const { page, context, messages } = await open(browser);
  const say = await page.locator(`${fig} input[data-field="say"]`).inputValue();
  const core = await coreAnswer(page, { sentence: say });
  const text = await readout(page);
  assert.match(text, /^Epoch 200 of 200/);
  for (const word of ['masterpiece', 'great']) {
    const shown = weightsIn(text, word);
    assert.equal(shown.sgd, three(core.sgd.weights[word]), `${word} SGD`);
    assert.equal(shown.ada, three(core.ada.weights[word]), `${word} AdaGrad`);
  }
  // the effect the figure is about
  assert.ok(core.ada.weights.masterpiece > core.ada.weights.great, 'AdaGrad: masterpiece above great');
  assert.ok(core.sgd.weights.masterpiece < core.sgd.weights.great / 2, 'SGD: masterpiece far below great');
  // the caption's comparison is the run's: AdaGrad's masterpiece above great (×), SGD's below (%)
  const caption = await page.locator(`${fig} .fig-caption`).innerText();
  assert.match(caption, new RegExp(`“masterpiece” \\(1 review\\) weighs ${String(three(core.ada.weights.masterpiece)).replace('.', '\\.')}, [\\d.]+× “great”’s`));
  assert.match(caption, new RegExp(`and ${String(three(core.sgd.weights.masterpiece)).replace('.', '\\.')}, [\\d.]+% of “great”’s`));
  const note = await page.locator(`${fig} .panel .note`).first().innerText();
  assert.match(note, new RegExp(`“masterpiece” \\(1 review\\) keeps a rate of ${String(three(core.rates.masterpiece)).replace('.', '\\.')}`));
  // both verdicts: P(positive) from the core's own predict on the sentence's counts
  const shownP = await page.$$eval(`${fig} .verdict-value`, (nodes) => nodes.map((n) => Number(n.dataset.value)));
  assert.ok(Math.abs(shownP[0] - core.sgd.p) < 1e-12 && Math.abs(shownP[1] - core.ada.p) < 1e-12, `${shownP} vs ${core.sgd.p}, ${core.ada.p}`);
  assert.ok(shownP[0] > 0.5 && shownP[1] < 0.5, 'the default sentence splits the two models');
  assert.match(await page.locator(`${fig} .try-panel`).innerText(), /Ignored .*: but\./);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone, drawn, with no console error', async () => {
  const { page, context, messages } = await openDev(browser, 'text');
  assert.match(await readout(page), /^Epoch 200 of 200/);
  assert.ok(await page.locator(`${fig} canvas`).count() >= 5);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Reset, Step, the epochs and word menus and the sentence box change what is shown', async () => {
  const { page, context, messages } = await openDev(browser, 'text');
  await page.click(`${fig} [data-action="reset"]`);
  let w = weightsIn(await readout(page), 'masterpiece');
  assert.deepEqual(w, { sgd: 0, ada: 0 });
  await page.click(`${fig} [data-action="step"]`);
  const one = await coreAnswer(page, { epochs: 1 });
  w = weightsIn(await readout(page), 'masterpiece');
  assert.equal(w.ada, three(one.ada.weights.masterpiece));
  assert.equal(w.ada, 0.1, 'AdaGrad’s first step is η for every word');
  assert.equal(w.sgd, three(one.sgd.weights.masterpiece));

  await setField(page, 'epochs', '50');
  await setField(page, 'ada', '0.25');
  assert.match(await page.locator(`${fig} .counter`).innerText(), /epoch 50 of 50/);
  const fifty = await coreAnswer(page, { epochs: 50, adaLr: 0.25, words: ['masterpiece', 'dreadful'] });
  assert.equal(weightsIn(await readout(page), 'masterpiece').ada, three(fifty.ada.weights.masterpiece));
  await page.selectOption(`${fig} select[data-field="rare"]`, 'dreadful');
  assert.equal(weightsIn(await readout(page), 'dreadful').ada, three(fifty.ada.weights.dreadful));
  await page.waitForFunction(() => location.hash.includes('text.rare=dreadful') && location.hash.includes('text.epochs=50'));

  const say = page.locator(`${fig} input[data-field="say"]`);
  await say.fill('A masterpiece, xyzzy');
  await page.locator(`${fig} .try-panel`).filter({ hasText: 'xyzzy' }).waitFor();
  const mine = await coreAnswer(page, { epochs: 50, adaLr: 0.25, sentence: 'A masterpiece, xyzzy' });
  const shownP = await page.$$eval(`${fig} .verdict-value`, (nodes) => nodes.map((n) => Number(n.dataset.value)));
  assert.ok(Math.abs(shownP[1] - mine.ada.p) < 1e-12);
  assert.match(await page.locator(`${fig} .try-panel`).innerText(), /Ignored .*: xyzzy\./);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('bad entries show their message beside the field and keep the last good training', async () => {
  const { page, context, messages } = await openDev(browser, 'text');
  const before = await readout(page);
  const cases = [
    ['ada', '-1', /AdaGrad η must be above 0, got -1/],
    ['sgd', 'inf', /SGD η must be a finite number, got inf/],
    ['sgd', 'abc', /“abc” is not a number/],
    ['epochs', '0', /epochs must be at least 1, got 0/],
    ['epochs', 'NaN', /epochs must be a finite number, got NaN/],
    ['epochs', '2.5', /epochs must be a whole number/],
    ['ada', '', /enter a number/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.equal(await page.locator(`${fig} input[data-field="${name}"]`).getAttribute('aria-invalid'), 'true');
    assert.equal(await readout(page), before, 'the last good training stays');
    await setField(page, name, { ada: '0.1', sgd: '1', epochs: '200' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  const say = page.locator(`${fig} input[data-field="say"]`);
  const verdict = await page.locator(`${fig} .verdicts`).innerText();
  await say.fill('   ');
  assert.match(await messageOf(page, 'say'), /Type a few words/);
  assert.equal(await page.locator(`${fig} .verdicts`).innerText(), verdict, 'the last sentence’s verdicts stay');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a link’s words and sentence are checked, never run: markup stays text, unknown words are refused', async () => {
  const hash = `#text.say=${encodeURIComponent('<img src=x onerror=alert(1)>')}&text.rare=zzz&text.common=great`;
  const { page, context, messages } = await openDev(browser, 'text', { hash });
  assert.match(await page.locator('#link-notice').innerText(), /text\.say/);
  assert.equal(await page.locator(`${fig} img`).count(), 0);
  assert.match(await messageOf(page, 'rare'), /“zzz” is not among the rare words/);
  assert.equal(await page.locator(`${fig} select[data-field="rare"]`).inputValue(), 'masterpiece');
  assert.deepEqual(problems(messages).filter((m) => !/alert/.test(m.text)), []);
  await context.close();
});

test('with reduced motion Play jumps straight to the last epoch', async () => {
  const { page, context } = await openDev(browser, 'text', { reducedMotion: 'reduce' });
  await page.click(`${fig} [data-action="reset"]`);
  assert.match(await readout(page), /^Epoch 0 of 200/);
  await page.click(`${fig} [data-action="play"]`);
  assert.match(await readout(page), /^Epoch 200 of 200/);
  await context.close();
});

test('an η so large that AdaGrad overflows says in which epoch it diverged, never NaN', async () => {
  const { page, context, messages } = await openDev(browser, 'text', { hash: '#text.ada=1e300' });
  const text = await readout(page);
  assert.match(text, /AdaGrad diverged in epoch 1\b/);
  // the core's own run stops in the same epoch (divergedAt() counts from 0)
  const divergedAt = await page.evaluate((c) => {
    const lab = window.adagradLab;
    const bag = lab.bagOfWords(c.texts, c.labels);
    const run = new lab.TrainingRun({ network: { layers: [bag.dim, 1], activation: 'linear' }, params: new Float64Array(bag.dim + 1),
      optimizer: { kind: 'adagrad', lr: 1e300 }, data: { x: bag.x, y: bag.y, dim: bag.dim } });
    run.epochs(200);
    const at = run.divergedAt();
    run.delete();
    return at;
  }, corpus);
  assert.equal(divergedAt, 0);
  assert.doesNotMatch(await page.locator('#fig-text').innerText(), /NaN|undefined|Infinity/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
