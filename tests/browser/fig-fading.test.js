// Figure 10 (fading): AdaGrad's ever-falling rate against RMSProp and Adam, as a reader drives it.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev, fieldHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-fading';
const { setField, messageOf } = fieldHelpers(fig);
const tagged = async (page, key) => Number(await page.locator(`${fig} [data-key="${key}"]`).getAttribute('data-value'));
const stalled = async (page) => Number(await page.locator(`${fig} .explain strong[data-value]`).getAttribute('data-value'));

// The core's own runs for a setup, read in the page through window.adagradLab.
function coreRuns(page, { w0 = 30, b0 = 20, steps = 3000, lr = { adagrad: 0.1, rmsprop: 0.1, adam: 0.1 } } = {}) {
  return page.evaluate(({ w0, b0, steps, lr }) => {
    const lab = window.adagradLab;
    const out = {};
    for (const kind of ['adagrad', 'rmsprop', 'adam']) {
      const r = lab.runQuadratic({ scales: [1, 10], x0: [w0, b0], steps, optimizer: { kind, lr: lr[kind] } });
      const n = r.stepsTaken;
      out[kind] = { rates: Array.from(r.rates), dist: Math.hypot(r.params[2 * n], r.params[2 * n + 1]) };
    }
    const opt = lab.createOptimizer({ kind: 'adagrad', lr: lr.adagrad });
    const p = new Float64Array([w0, b0]);
    for (let t = 0; t < steps; t++) opt.step(p, lab.quadraticGradient([1, 10], p));
    out.G = Array.from(opt.sum());
    opt.delete();
    return out;
  }, { w0, b0, steps, lr });
}

test('by default AdaGrad stalls far from the minimum while RMSProp and Adam reach it; its rate is runQuadratic’s', async () => {
  const { page, context, messages } = await open(browser);
  const core = await coreRuns(page);
  const N = 3000;
  assert.equal(await tagged(page, 'rate-adagrad'), core.adagrad.rates[2 * (N - 1)], 'AdaGrad’s rate for w at step 3000');
  assert.equal(await tagged(page, 'rate-rmsprop'), core.rmsprop.rates[2 * (N - 1)]);
  assert.equal(await tagged(page, 'rate-adam'), core.adam.rates[2 * (N - 1)]);
  assert.equal(await tagged(page, 'G'), core.G[0], 'G of w from a real optimizer on the same path');
  assert.equal(await stalled(page), core.adagrad.dist);
  assert.ok(core.adagrad.dist > 10, `AdaGrad ends ${core.adagrad.dist} away`);
  assert.ok(core.rmsprop.dist < 0.5 && core.adam.dist < 1e-6, `RMSProp ${core.rmsprop.dist}, Adam ${core.adam.dist}`);
  assert.ok(core.adagrad.rates[0] / core.adagrad.rates[2 * (N - 1)] > 30, 'AdaGrad’s rate keeps falling');
  assert.match(await page.locator(`${fig} .fig-caption`).innerText(), /all three with η = 0\.1, AdaGrad stalls 22\.5 from the minimum/);
  assert.match(await page.locator(`${fig} .explain`).innerText(), /AdaGrad never comes within 0\.1, RMSProp comes within 0\.1 at step \d+, Adam comes within 0\.1 at step \d+/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone with nothing in the console', async () => {
  const { page, context, messages } = await openDev(browser, 'fading');
  assert.equal(await page.locator('#fig-fading canvas').count(), 5);
  assert.match(await page.locator('#fig-fading .explain').innerText(), /22\.5 away/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Step from 0 shows each step’s rates; the parameter menu switches to b; the random-gradient rate is the core’s', async () => {
  const { page, context, messages } = await openDev(browser, 'fading');
  const core = await coreRuns(page);
  await page.click(`${fig} [data-action="reset"]`);
  for (let i = 0; i < 3; i++) await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 3 of 3000/);
  assert.equal(await tagged(page, 'rate-adagrad'), core.adagrad.rates[2 * 2]);
  await page.selectOption(`${fig} select[data-field="param"]`, 'b');
  assert.equal(await tagged(page, 'rate-adagrad'), core.adagrad.rates[2 * 2 + 1]);
  assert.match(page.url(), /fading\.param=b/);
  // the article's demonstration: AdaGrad fed the N(0, 1) column of the line data set
  const random = await page.evaluate(() => {
    const lab = window.adagradLab;
    const g = lab.makeRegressionDataset({ kind: 'line', n_samples: 1000, noise: 0, seed: 42 }).x;
    const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.1 });
    const p = new Float64Array(1);
    for (const v of g) opt.step(p, [v]);
    const r = opt.effectiveRate()[0];
    opt.delete();
    return r;
  });
  assert.match(await page.locator(`${fig} .explain`).innerText(), new RegExp(`AdaGrad’s rate is ${Number(random.toPrecision(3))}`));
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a larger AdaGrad η rescues it on this bowl, and the URL keeps it', async () => {
  const { page, context, messages } = await openDev(browser, 'fading', { hash: '#fading.steps=1000' });
  await setField(page, 'ada', '3');
  const core = await coreRuns(page, { steps: 1000, lr: { adagrad: 3, rmsprop: 0.1, adam: 0.1 } });
  assert.equal(await stalled(page), core.adagrad.dist);
  assert.ok(core.adagrad.dist < 0.1);
  assert.match(await page.locator(`${fig} .explain`).innerText(), /AdaGrad comes within 0\.1 at step \d+/);
  assert.match(page.url(), /fading\.ada=3/);
  assert.match(page.url(), /fading\.steps=1000/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good run', async () => {
  const { page, context, messages } = await openDev(browser, 'fading', { hash: '#fading.steps=500' });
  const before = await stalled(page);
  const cases = [
    ['ada', '-1', /AdaGrad η must be above 0, got -1/],
    ['rms', '0', /RMSProp η must be above 0, got 0/],
    ['adam', 'Infinity', /Adam η must be a finite number, got Infinity/],
    ['w0', 'nan', /w₀ must be a finite number, got nan/],
    ['b0', '-inf', /b₀ must be a finite number, got -inf/],
    ['steps', '1', /at least 2/],
    ['steps', '1e9', /at most 20000/],
    ['seed', '-3', /at least 0/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.equal(await stalled(page), before, 'the last good run stays');
    await setField(page, name, { ada: '0.1', rms: '0.1', adam: '0.1', w0: '30', b0: '20', steps: '500', seed: '42' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  // a start so far out that f overflows: the core stops at once and the page says so, never NaN
  await setField(page, 'w0', '1e200');
  assert.match(await page.locator(`${fig} .readout`).innerText(), /diverged at step 1/);
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('at 20 000 steps the η sweep runs over many tasks, says how far it has got, and ends with the core’s distances', async () => {
  const { page, context, messages } = await openDev(browser, 'fading', { hash: '#fading.steps=1000' });
  // every text the sweep's note shows from now on
  await page.evaluate((fig) => {
    const note = document.querySelector(`${fig} .note[aria-live]`);
    window.__notes = [];
    window.__busy = [];
    new MutationObserver(() => {
      window.__notes.push(note.textContent);
      window.__busy.push(document.querySelectorAll(`${fig} [aria-busy="true"]`).length);
    }).observe(note, { childList: true, characterData: true, subtree: true });
  }, fig);
  await setField(page, 'steps', '20000');
  await page.waitForFunction(() => window.__notes.some((t) => t.startsWith('Running')) && window.__notes.at(-1) === '', null, { timeout: 60000 });
  const notes = await page.evaluate(() => window.__notes);
  const counts = notes.map((t) => /Running every η: (\d+) of 48 runs/.exec(t)?.[1]).filter(Boolean).map(Number);
  assert.ok(counts.length >= 2, `the note counted the runs in several tasks: ${JSON.stringify(notes)}`);
  assert.ok(counts.every((c, i) => c >= 0 && c < 48 && (i === 0 || c >= counts[i - 1])), `counts rise: ${counts}`);
  assert.equal(notes.at(-1), '', 'the note is gone once every η has run');
  const busy = await page.evaluate(() => window.__busy);
  assert.ok(busy.slice(0, -1).every((n) => n === 2), `the sweep's chart and the words are marked busy while it runs: ${busy}`);
  assert.equal(await page.locator(`${fig} [aria-busy]`).count(), 0, 'and not after');
  // AdaGrad's distance at η = 1 after 20 000 steps is the core's
  const core = await coreRuns(page, { steps: 20000, lr: { adagrad: 1, rmsprop: 1, adam: 1 } });
  const said = /AdaGrad (?:ends (\S+) away|diverges) with η = 0\.1, (?:ends (\S+) away|diverges) with η = 1/.exec(await page.locator(`${fig} .explain`).innerText());
  assert.ok(said, 'the sweep’s sentence');
  const shown = Number(said[2]);
  assert.ok(Math.abs(shown - core.adagrad.dist) <= 6e-3 * core.adagrad.dist, `η = 1: ${shown} against the core’s ${core.adagrad.dist}`);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
