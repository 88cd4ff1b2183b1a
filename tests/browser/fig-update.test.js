// Figure 2 (update): where ε goes, and PyTorch's extra options, as a reader drives them.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev, fieldHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-update';
const { setField, messageOf } = fieldHelpers(fig);
const explained = (page) => page.$$eval(`${fig} .explain strong[data-value]`, (list) => list.map((e) => Number(e.dataset.value)));
const nowTable = (page) => page.$$eval(`${fig} table.update-now tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));

test('from the tiny start the placements differ by tens of percent at step 1, from x₀ = 5 by almost nothing: the core’s numbers', async () => {
  const { page, context, messages } = await open(browser);
  const core = await page.evaluate(() => {
    const lab = window.adagradLab;
    const firstRates = (x0) => {
      const rates = ['outside', 'inside'].map((place) => {
        const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.1, eps: 1e-7, eps_placement: place });
        opt.step(new Float64Array([x0]), lab.quadraticGradient([1], [x0]));
        const r = opt.effectiveRate()[0];
        opt.delete();
        return r;
      });
      return Math.abs(rates[1] / rates[0] - 1);
    };
    return [firstRates(1e-4), firstRates(5)];
  });
  const [tiny, big] = await explained(page);
  assert.equal(tiny, core[0]);
  assert.equal(big, core[1]);
  assert.ok(tiny > 0.3, `tiny start: ${tiny}`);
  assert.ok(big < 1e-6, `ordinary start: ${big}`);
  const explain = await page.locator(`${fig} .explain`).first().innerText();
  assert.match(explain, /46\.5% difference/);
  assert.equal(await page.locator(`${fig} table.libs tbody tr`).count(), 10, 'tf.keras in both of its placements, Keras 3 and the rest');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone with nothing in the console', async () => {
  const { page, context, messages } = await openDev(browser, 'update');
  assert.equal(await page.locator('#fig-update canvas').count(), 11);
  assert.match(await page.locator('#fig-update .fig-caption').innerText(), /What to notice/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('each PyTorch switch changes the run to the core’s and its line of the rule', async () => {
  const { page, context, messages } = await openDev(browser, 'update');
  const core = (optimizer) => page.evaluate((optimizer) => {
    const lab = window.adagradLab;
    const r = lab.runLinearRegression({ x: [1, 2, 3, 4], y: [2, 4, 6, 8], dim: 1, steps: 100, optimizer: { kind: 'adagrad', lr: 1, eps: 1e-10, ...optimizer } });
    return [r.params[200], r.params[201]];
  }, optimizer);
  const shortText = (v) => Number(v.toPrecision(4)).toString();
  const formula = () => page.locator(`${fig} .update-part`).nth(1).locator('.update-formula').textContent();  // MathML as typed, not as rendered

  // default: weight decay on
  let [w, b] = await core({ weight_decay: 0.5 });
  let table = await nowTable(page);
  assert.equal(table[0][1], shortText(w));
  assert.match(await formula(), /λ/);

  await page.uncheck(`${fig} input[data-field="use_weight_decay"]`);
  await page.check(`${fig} input[data-field="use_lr_decay"]`);
  [w, b] = await core({ lr_decay: 0.05 });
  table = await nowTable(page);
  assert.equal(table[0][1], shortText(w));
  assert.equal(table[1][1], shortText(b));
  assert.match(await formula(), /lr_decay/);
  assert.doesNotMatch(await formula(), /λ/);
  assert.match(page.url(), /update\.decay=on/);
  assert.match(page.url(), /update\.wd=off/);

  await page.uncheck(`${fig} input[data-field="use_lr_decay"]`);
  await page.check(`${fig} input[data-field="use_initial_accumulator"]`);
  [w, b] = await core({ initial_accumulator_value: 100 });
  table = await nowTable(page);
  assert.equal(table[1][1], shortText(b));
  assert.match(await formula(), /100\s*\+/);

  await setField(page, 'initial_accumulator_value', '1000');
  [w, b] = await core({ initial_accumulator_value: 1000 });
  assert.equal((await nowTable(page))[1][1], shortText(b));
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Step and Reset move through the placement run, and the worked formula follows', async () => {
  const { page, context, messages } = await openDev(browser, 'update');
  const part = page.locator(`${fig} .update-part`).first();
  await part.locator('[data-action="reset"]').click();
  assert.match(await part.locator('.readout').innerText(), /Step 0 of 20/);
  await part.locator('[data-action="step"]').click();
  assert.match(await part.locator('.update-formula').innerText(), /Step 1 of 20/);
  assert.match(await part.locator('.update-formula').innerText(), /46\.5%/);
  await part.locator('[data-action="step"]').click();
  assert.match(await part.locator('.readout').innerText(), /Step 2 of 20/);
  await setField(page, 'eps', '1e-8');
  assert.match(page.url(), /update\.eps=1e-8/);
  assert.match(await page.locator(`${fig} .explain`).innerText(), /10\.6% difference/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good runs', async () => {
  const { page, context, messages } = await openDev(browser, 'update');
  const before = await explained(page);
  const beforeTable = await nowTable(page);
  const cases = [
    ['lr', '0', /η must be above 0, got 0/],
    ['eps', '-1e-8', /ε must be above 0, got -1e-8/],
    ['tiny', 'NaN', /tiny x₀ must be a finite number, got NaN/],
    ['big', '-inf', /ordinary x₀ must be a finite number, got -inf/],
    ['steps', '0', /at least 1/],
    ['blr', 'x', /“x” is not a number/],
    ['weight_decay', '-0.5', /weight_decay λ must be at least 0, got -0.5/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.deepEqual(await explained(page), before);
    assert.deepEqual(await nowTable(page), beforeTable);
    await setField(page, name, { lr: '0.1', eps: '1e-7', tiny: '1e-4', big: '5', steps: '20', blr: '1', weight_decay: '0.5' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  // a switched-off option's field is checked and its message shown at once, but the runs do not
  // use it, so they go on; switched on, the bad value is refused and the last good runs stay
  await setField(page, 'lr_decay', '-1');
  assert.match(await messageOf(page, 'lr_decay'), /lr_decay must be at least 0, got -1/);
  assert.deepEqual(await explained(page), before);
  await page.check(`${fig} input[data-field="use_lr_decay"]`);
  assert.match(await messageOf(page, 'lr_decay'), /lr_decay must be at least 0, got -1/);
  assert.deepEqual(await nowTable(page), beforeTable);
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
