// Figure 1 (why): two gradient histories, AdaGrad and one fixed rate, as a reader drives it.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev, fieldHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-why';
const { setField, messageOf } = fieldHelpers(fig);
const shown = (page) => page.$$eval(`${fig} .explain strong[data-value]`, (list) => list.map((e) => Number(e.dataset.value)));

// What the core says for a setup: one AdaGrad and one SGD stepped on lab.gradientHistories,
// and how far each parameter travelled (sums of |Δθ|).
function coreTravel(page, { lr, eps, steps, seed, rare }) {
  return page.evaluate(({ lr, eps, steps, seed, rare }) => {
    const lab = window.adagradLab;
    const h = lab.gradientHistories({ steps, seed, rare_probability: rare });
    const ada = lab.createOptimizer({ kind: 'adagrad', lr, eps });
    const sgd = lab.createOptimizer({ kind: 'sgd', lr });
    const p = new Float64Array(2), q = new Float64Array(2);
    const far = { sgd: [0, 0], ada: [0, 0] };
    let rate = null;
    for (let t = 0; t < steps; t++) {
      const g = [h.frequent[t], h.rare[t]];
      ada.step(p, g); sgd.step(q, g);
      const u = ada.lastUpdate(), v = sgd.lastUpdate();
      for (let i = 0; i < 2; i++) { far.ada[i] += Math.abs(u[i]); far.sgd[i] += Math.abs(v[i]); }
      rate = Array.from(ada.effectiveRate());
    }
    ada.delete(); sgd.delete();
    return { values: [far.sgd[0], far.sgd[1], far.ada[0], far.ada[1]], rate };
  }, { lr, eps, steps, seed, rare });
}

test('by default the fixed rate moves θ₁ far more than θ₂ and AdaGrad evens them out; the numbers are the core’s', async () => {
  const { page, context, messages } = await open(browser);
  const core = await coreTravel(page, { lr: 0.1, eps: 1e-8, steps: 100, seed: 42, rare: 0.1 });
  const values = await shown(page);
  assert.equal(values.length, 4);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(values[i] - core.values[i]) <= 1e-12 * Math.abs(core.values[i]), `value ${i}: ${values[i]} vs ${core.values[i]}`);
  const [sgd1, sgd2, ada1, ada2] = values;
  assert.ok(sgd1 / sgd2 > 20, `fixed η ratio ${sgd1 / sgd2}`);
  assert.ok(ada1 / ada2 < 5, `AdaGrad ratio ${ada1 / ada2}`);
  // the worked step shows the core's own rates at the last step
  const rate1 = Number(await page.locator(`${fig} [data-key="rate-1"]`).getAttribute('data-value'));
  assert.equal(rate1, core.rate[0]);
  assert.equal(await page.locator(`${fig} canvas`).count(), 10);  // (a), two each for (b)-(e), (f)
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 100 of 100/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone with nothing in the console', async () => {
  const { page, context, messages } = await openDev(browser, 'why');
  assert.equal(await page.locator('#fig-why .explain strong').count(), 4);
  assert.match(await page.locator('#fig-why .fig-caption').innerText(), /What to notice/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('controls change it: η, the rare probability, the y scale, Step and Reset, and the URL follows', async () => {
  const { page, context, messages } = await openDev(browser, 'why');
  await setField(page, 'lr', '0.5');
  await setField(page, 'rare', '0.3');
  const core = await coreTravel(page, { lr: 0.5, eps: 1e-8, steps: 100, seed: 42, rare: 0.3 });
  const values = await shown(page);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(values[i] - core.values[i]) <= 1e-12 * core.values[i]);
  assert.match(page.url(), /why\.lr=0\.5/);
  assert.match(page.url(), /why\.rare=0\.3/);

  const visible = () => page.$$eval(`${fig} .chart`, (list) => list.filter((c) => !c.hidden).length);
  assert.equal(await visible(), 6);
  await page.selectOption(`${fig} select[data-field="scale"]`, 'log');
  assert.equal(await visible(), 6, 'one chart per panel is shown');
  assert.match(page.url(), /why\.scale=log/);

  await page.click(`${fig} [data-action="reset"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 0 of 100/);
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 1 of 100/);
  assert.match(await page.locator(`${fig} .why-formula`).innerText(), /Step 1 of 100/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Play animates to the end; with reduced motion it jumps there', async () => {
  const { page, context } = await openDev(browser, 'why', { hash: '#why.speed=250' });
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="play"]`);
  assert.equal(await page.locator(`${fig} [data-action="play"]`).innerText(), 'Pause');
  await page.locator(`${fig} .readout`).filter({ hasText: 'Step 100 of 100' }).waitFor({ timeout: 10000 });
  await context.close();
  const reduced = await openDev(browser, 'why', { reducedMotion: 'reduce' });
  await reduced.page.click(`${fig} [data-action="reset"]`);
  await reduced.page.click(`${fig} [data-action="play"]`);
  assert.match(await reduced.page.locator(`${fig} .readout`).innerText(), /Step 100 of 100/);
  await reduced.context.close();
});

test('a bad entry shows its message beside the field and keeps the last good run', async () => {
  const { page, context, messages } = await openDev(browser, 'why');
  const before = await shown(page);
  const cases = [
    ['lr', '-1', /η must be above 0, got -1/],
    ['lr', 'inf', /η must be a finite number, got inf/],
    ['eps', '0', /ε must be above 0, got 0/],
    ['rare', '0', /probability must be above 0, got 0/],
    ['rare', '1.5', /probability must be at most 1, got 1\.5/],
    ['rare', 'NaN', /probability must be a finite number, got NaN/],
    ['steps', '', /enter a number/],
    ['steps', '2.5', /whole number/],
    ['steps', '99999', /at most 5000/],
    ['seed', 'abc', /“abc” is not a number/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.equal(await page.locator(`${fig} input[data-field="${name}"]`).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await shown(page), before, 'the last good run stays');
    await setField(page, name, { lr: '0.1', eps: '1e-8', rare: '0.1', steps: '100', seed: '42' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a hostile or refused link is not applied: the defaults show and the refused text is marked', async () => {
  const { page, context, messages } = await open(browser, { hash: '#why.lr=%3Cimg%20src%3Dx%3E&why.steps=0' });
  assert.match(await page.locator('#link-notice').innerText(), /why\.lr/);
  // a number outside the setting's rule is refused by the link's reader, in the page's terms
  assert.match(await page.locator('#link-notice').innerText(), /why\.steps.*“0” is not a whole number from 1 to 5000/);
  assert.equal(await page.locator(`${fig} input[data-field="steps"]`).inputValue(), '100');
  assert.equal((await shown(page)).length, 4);
  assert.equal(await page.locator(`${fig} img`).count(), 0);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
