// Section 9: the article's line fit, SGD vs AdaGrad vs Adam, with its rates and with fair ones.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { devUrl, racerHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-line';  // the mount: the same on the lesson page and on the development page
const devPage = devUrl('line');
const { status, setField, enter, messageOf } = racerHelpers(fig);
const short4 = (v) => v.toPrecision(4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** The core's fits on the default data (1000 points, noise 0.1, seed 7) from (0, 0). */
function core(page, rates, epochs = 100) {
  return page.evaluate(({ rates, epochs }) => {
    const lab = window.adagradLab;
    const data = lab.makeRegressionDataset({ kind: 'line', n_samples: 1000, noise: 0.1, seed: 7 });
    const floor = lab.linearRegressionValue(data, lab.linearRegressionMinimum(data));
    const kinds = { sgd: 'sgd', ada: 'adagrad', adam: 'adam' };
    const out = {};
    for (const [id, lr] of Object.entries(rates)) {
      const r = lab.runLinearRegression({ ...data, x0: [0, 0], steps: epochs, optimizer: { kind: kinds[id], lr } });
      let arrive = null;  // within 1% of the least-squares loss from this epoch to the end
      for (let i = r.values.length - 1; i >= 0 && r.values[i] <= floor * 1.01; i--) arrive = i;
      out[id] = { arrive, last: r.values[r.stepsTaken], divergedAt: r.divergedAt, w: r.params[2 * r.stepsTaken], epoch1: Array.from(r.params.subarray(2, 4)) };
    }
    return out;
  }, { rates, epochs });
}

test('the article’s rates: SGD leads, Adam at 0.001 has barely moved; every MSE shown is the core’s', async () => {
  const { page, context, messages } = await open(browser);
  const c = await core(page, { sgd: 0.01, ada: 0.1, adam: 0.001 });
  assert.ok(c.sgd.last < c.ada.last && c.ada.last < c.adam.last, JSON.stringify(c));
  assert.ok(c.adam.w < 0.11, `Adam moves about η per epoch: w = ${c.adam.w}`);
  for (const id of ['sgd', 'ada', 'adam']) assert.equal(await status(page, id), `MSE = ${short4(c[id].last)}`, id);
  const caption = await page.locator(`${fig} .race-caption`).innerText();
  assert.match(caption, new RegExp(`SGD is at MSE ${c.sgd.last.toPrecision(3)}.*Adam is at MSE ${c.adam.last.toPrecision(2)}`));
  const explain = await page.locator(`${fig} .explain`).innerText();
  assert.match(explain, /all three start from \(w, b\) = \(0, 0\)/);
  assert.match(explain, /100 epochs can carry w at most about 0\.1 of the 2 it has to travel/);  // 1.999, to 3 digits
  // one Step from the start: each current line is the core's parameters after epoch 1
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .counter`).innerText(), /epoch 1 of 100/);
  const lines = await page.locator(`${fig} .fit-lines`).innerText();
  assert.ok(lines.includes(short4(c.ada.epoch1[0])), `AdaGrad's first step is η = 0.1 in w: ${lines}`);
  assert.ok(lines.includes(short4(c.sgd.epoch1[0])), lines);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('“each at its best η” is what a sweep in the core finds, and the page reports the core’s epochs', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  await page.click(`${fig} [data-action="preset-tuned"]`);
  const rates = {};
  for (const id of ['sgd', 'ada', 'adam']) rates[id] = Number(await page.locator(`${fig} input[data-field="lr-${id}"]`).inputValue());
  assert.deepEqual(rates, { sgd: 0.3, ada: 1, adam: 0.3 });
  // the claim in the preset's text: the fastest on the grid 0.001 … 1 (first best on ties)
  const grid = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
  for (const id of ['sgd', 'ada', 'adam']) {
    let best = null, bestEpochs = Infinity;
    for (const lr of grid) {
      const r = (await core(page, { [id]: lr }, 300))[id];
      if (r.arrive !== null && r.arrive < bestEpochs) { best = lr; bestEpochs = r.arrive; }
    }
    assert.equal(best, rates[id], `${id}: best η on the grid`);
  }
  const c = await core(page, rates);
  for (const id of ['sgd', 'ada', 'adam']) assert.match(await status(page, id), new RegExp(`^fitted from epoch ${c[id].arrive} ·`), id);
  const order = ['sgd', 'ada', 'adam'].sort((a, b) => c[a].arrive - c[b].arrive);
  const names = { sgd: 'SGD', ada: 'AdaGrad', adam: 'Adam' };
  assert.match(await page.locator(`${fig} .race-caption`).innerText(), new RegExp(order.map((id) => `${names[id]} from epoch ${c[id].arrive}`).join(', ')));
  assert.match(await page.evaluate(() => location.hash), /line\.sgd=0\.3&line\.ada=1&line\.adam=0\.3/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone, without errors', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  assert.equal(await page.locator('#fig-line li.racer').count(), 3);
  assert.match(await page.locator('#fig-line .race-caption').innerText(), /article’s rates/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good fits; divergence is named', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const caption = await page.locator(`${fig} .race-caption`).textContent();
  const cases = [
    ['lr-adam', '-0.1', /η must be above 0, got -0\.1/],   // the page's rules, in its words
    ['noise', 'nan', /noise must be a finite number, got nan/],
    ['n_samples', '99999', /points n must be at most 20000, got 99999/],
    ['epochs', 'ten', /“ten” is not a number/],
  ];
  for (const [name, value, expected] of cases) {
    const before = await page.locator(`${fig} input[data-field="${name}"]`).inputValue();
    const bad = await enter(page, name, value);
    assert.match(bad.message, expected, `${name} = "${value}"`);
    assert.equal(bad.invalid, true);
    assert.equal(bad.caption, caption, 'the last good fits stays');
    const good = await enter(page, name, before);
    assert.deepEqual([good.message, good.invalid], ['', false]);
  }
  // and once as a person types it
  await setField(page, 'lr-ada', '-1');
  assert.match(await messageOf(page, 'lr-ada'), /η must be above 0, got -1/);
  await setField(page, 'lr-ada', '0.1');
  assert.equal(await messageOf(page, 'lr-ada'), '');
  await setField(page, 'lr-sgd', '100');
  const c = await core(page, { sgd: 100 });
  assert.ok(c.sgd.divergedAt > 1);
  assert.equal(await status(page, 'sgd'), `diverged at epoch ${c.sgd.divergedAt}`);
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|Infinity/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
