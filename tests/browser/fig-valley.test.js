// Section 7: a sparse 0/1 column stretches the loss into a valley; four optimizers descend it.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { devUrl, racerHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-valley';  // the mount: the same on the lesson page and on the development page
const devPage = devUrl('valley');
const { status, setField, enter, messageOf } = racerHelpers(fig);

const SPECS = {
  gd: { kind: 'sgd', lr: 0.5 }, mom: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
  nag: { kind: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }, ada: { kind: 'adagrad', lr: 1 },
};
/** The core's runs for the page's defaults (or another density / η's). */
function core(page, { density = 0.05, specs = SPECS, steps = 100 } = {}) {
  return page.evaluate(({ density, specs, steps }) => {
    const lab = window.adagradLab;
    const data = lab.makeRegressionDataset({ kind: 'sparse_column', density, n_samples: 100, noise: 0.1, seed: 7 });
    const minimum = Array.from(lab.linearRegressionMinimum(data));
    const floor = lab.linearRegressionValue(data, minimum);
    const out = { minimum, ones: Array.from(data.x).filter((v) => v === 1).length, runs: {} };
    for (const [id, optimizer] of Object.entries(specs)) {
      const r = lab.runLinearRegression({ ...data, x0: [-1, 3], steps, optimizer });
      let arrive = null;   // within 1% of the lowest loss from this step on, for good
      for (let i = r.values.length - 1; i >= 0 && r.values[i] <= floor * 1.01; i--) arrive = i;
      let peak = -Infinity;
      for (let i = 0; i <= r.stepsTaken; i++) peak = Math.max(peak, r.params[2 * i]);
      out.runs[id] = { arrive, peak, divergedAt: r.divergedAt, first: Array.from(r.params.subarray(0, 4)), rates: Array.from(r.rates.subarray(-2)) };
    }
    return out;
  }, { density, specs, steps });
}

test('by default: GD moves almost only in b, Momentum overshoots, AdaGrad arrives first; the page’s numbers are the core’s', async () => {
  const { page, context, messages } = await open(browser);
  const c = await core(page);
  assert.equal(c.ones, 5);
  const [w0, b0, w1, b1] = c.runs.gd.first;
  assert.ok(Math.abs(b1 - b0) > 10 * Math.abs(w1 - w0), `GD's first step (${w1 - w0}, ${b1 - b0})`);
  assert.ok(c.runs.mom.peak > c.minimum[0] + 0.2, `Momentum overshoots w* = ${c.minimum[0]}: peak ${c.runs.mom.peak}`);
  assert.ok(c.runs.ada.arrive < c.runs.gd.arrive / 4, `AdaGrad ${c.runs.ada.arrive}, GD ${c.runs.gd.arrive}`);
  for (const id of ['gd', 'mom', 'nag', 'ada']) {
    assert.match(await status(page, id), new RegExp(`^at the minimum from step ${c.runs[id].arrive} ·`), id);
  }
  assert.match(await page.locator(`${fig} figcaption`).first().innerText(), /x = 1 in 5 of 100 rows/);
  assert.match(await page.locator(`${fig} .density-out`).innerText(), /5% · 5 of 100 rows/);
  const caption = await page.locator(`${fig} .race-caption`).innerText();
  assert.match(caption, new RegExp(`crawls \\(at the minimum from step ${c.runs.gd.arrive}\\).*is at the minimum from step ${c.runs.ada.arrive}`));
  const explain = await page.locator(`${fig} .explain`).innerText();
  assert.match(explain, /\(−1, 3\) → \(−0\.95\d\d, 1\.1\d\d\)/);
  const peak = /w reaches ([\d.]+) at step \d+, past/.exec(explain);
  assert.ok(peak && Math.abs(Number(peak[1]) - c.runs.mom.peak) < 0.006, explain);
  // AdaGrad's rates at step 100, as the formula panel shows them
  const formula = await page.locator(`${fig} .formula`).innerText();
  assert.match(formula, /AdaGrad at step 100/);
  assert.ok(formula.includes(`${(c.runs.ada.rates[0] / c.runs.ada.rates[1]).toPrecision(3)}× b’s`), formula);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone, without errors', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  assert.equal(await page.locator('#fig-valley li.racer').count(), 4);
  assert.equal(await page.locator('#fig-valley .contour canvas').count(), 2);
  assert.match(await page.locator('#fig-valley .race-caption').innerText(), /AdaGrad/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the density slider re-stretches the valley live; AdaGrad’s rate for w grows as x = 1 gets rarer', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const slider = page.locator(`${fig} input[data-field="density"]`);
  await slider.fill('0.02');
  const c = await core(page, { density: 0.02 });
  assert.equal(c.ones, 2);
  assert.match(await page.locator(`${fig} .density-out`).innerText(), /2% · 2 of 100 rows/);
  assert.match(await page.locator(`${fig} figcaption`).first().innerText(), /x = 1 in 2 of 100 rows/);
  assert.match(await status(page, 'ada'), new RegExp(`from step ${c.runs.ada.arrive} ·`));
  const sparse = c.runs.ada.rates[0] / c.runs.ada.rates[1];
  assert.ok((await page.locator(`${fig} .formula`).innerText()).includes(`${sparse.toPrecision(3)}× b’s`));
  assert.match(await page.evaluate(() => location.hash), /valley\.density=0\.02/);
  // the keyboard moves it too
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator(`${fig} .density-out`).innerText(), /3% · 3 of 100 rows/);
  const denser = await core(page, { density: 0.03 });
  assert.ok(denser.runs.ada.rates[0] / denser.runs.ada.rates[1] < sparse, 'a denser column, a smaller ratio');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good run', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const caption = await page.locator(`${fig} .race-caption`).textContent();
  const cases = [
    ['n_samples', '1', /^rows n must be at least 2, got 1$/],
    ['noise', '-1', /^noise must be at least 0, got -1$/],
    ['lr-ada', '0', /^η must be above 0, got 0$/],
    ['lr-mom', 'slow', /“slow” is not a number/],
    ['w0', '40', /^start w₀ must be at most 6, got 40$/],   // the plot's edge
    ['steps', '2001', /^steps must be at most 2000, got 2001$/],
  ];
  for (const [name, value, expected] of cases) {
    const before = await page.locator(`${fig} input[data-field="${name}"]`).inputValue();
    const bad = await enter(page, name, value);
    assert.match(bad.message, expected, `${name} = "${value}"`);
    assert.equal(bad.invalid, true);
    assert.equal(bad.caption, caption, 'the last good run stays');
    const good = await enter(page, name, before);
    assert.deepEqual([good.message, good.invalid], ['', false]);
  }
  // and once as a person types it
  await setField(page, 'lr-ada', '-1');
  assert.match(await messageOf(page, 'lr-ada'), /η must be above 0, got -1/);
  await setField(page, 'lr-ada', '1');
  assert.equal(await messageOf(page, 'lr-ada'), '');
  assert.deepEqual(problems(messages), []);
  await context.close();

  // a density the slider cannot show, from a link: the page's notice names it, and the default valley
  const linked = await open(browser, { url: devPage, hash: '#valley.density=2' });
  assert.match(await linked.page.locator('#link-notice').innerText(), /Ignored “valley\.density” from the link: “2” is not a number from 0\.01 to 0\.5/);
  assert.match(await linked.page.locator(`${fig} .density-out`).innerText(), /5% · 5 of 100 rows/);
  assert.deepEqual(problems(linked.messages), []);
  await linked.context.close();
});

test('too large an η diverges: the page says at which step, never NaN', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  await setField(page, 'lr-gd', '50');
  const c = await core(page, { specs: { gd: { kind: 'sgd', lr: 50 } } });
  assert.ok(c.runs.gd.divergedAt > 1 && c.runs.gd.divergedAt <= 100);
  assert.match(await status(page, 'gd'), new RegExp(`^diverged at step ${c.runs.gd.divergedAt}$`));
  assert.match(await page.locator(`${fig} .explain`).innerText(), new RegExp(`Batch gradient descent diverged at step ${c.runs.gd.divergedAt}`));
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|Infinity/);
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .counter`).innerText(), /step 1 of 100/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('AdaGrad is diagonal: at low density the rescaled valley is nearly round, at high density it stays tilted', async () => {
  const { page, context } = await open(browser, { url: devPage, hash: '#valley.density=0.05' });
  const explain = () => page.locator(`${fig} .explain`).innerText();
  assert.match(await explain(), /into 1\.\d+×\. Almost all of the stretch lies along the axes/);
  await context.close();
  const high = await open(browser, { url: devPage, hash: '#valley.density=0.5' });
  assert.match(await high.page.locator(`${fig} .explain`).innerText(), /The rest runs diagonally: .*no rate per coordinate can straighten a tilted valley/);
  await high.context.close();
});
