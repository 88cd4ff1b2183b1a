// Figure 11: AdaGrad among SGD, Momentum, RMSProp and Adam. The table's links and option lists,
// and the live table's every number against the core's own optimizers, stepped here through
// window.adagradLab.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-compare';
async function setField(page, name, value) {
  const input = page.locator(`${fig} input[data-field="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}
const messageOf = (page, name) => page.locator(`${fig} .field:has([data-field="${name}"]) .field-msg`).innerText();
/** Each optimizer fed the same gradient k times by the core: [step 1 on w₁, on w₂, step k on w₁, on w₂, w₁, w₂]. */
const core = (page, { g1 = 10, g2 = 0.1, lr = 0.1, mom = 0.9, k = 100 } = {}) => page.evaluate(({ g1, g2, lr, mom, k }) => {
  const lab = window.adagradLab;
  const specs = { sgd: { kind: 'sgd' }, momentum: { kind: 'sgd', momentum: mom }, adagrad: { kind: 'adagrad' }, rmsprop: { kind: 'rmsprop' }, adam: { kind: 'adam' } };
  const out = {};
  for (const [id, spec] of Object.entries(specs)) {
    const opt = lab.createOptimizer({ ...spec, lr });
    const x = new Float64Array(2);
    let first, last;
    for (let t = 1; t <= k; t++) {
      const before = Float64Array.from(x);
      opt.step(x, [g1, g2]);
      const d = Array.from(opt.lastUpdate());
      if (before[0] + d[0] !== x[0] || before[1] + d[1] !== x[1]) throw new Error(`${id}: lastUpdate is not the change applied`);
      if (t === 1) first = d;
      last = d;
    }
    opt.delete();
    out[id] = [...first, ...last, x[0], x[1]];
  }
  return out;
}, { g1, g2, lr, mom, k });
const shown = (page) => page.$$eval(`${fig} table.same-table tbody tr`, (rows) => Object.fromEntries(rows.map((r) =>
  [r.dataset.optimizer, [...r.querySelectorAll('td')].map((td) => Number(td.dataset.value))])));

test('the table compares five optimizers with MathML rules, links to figures on the page and the core’s option names', async () => {
  const { page, context, messages } = await open(browser);
  const table = page.locator(`${fig} table.compare-table`);
  assert.match(await table.locator('caption').textContent(), /Five optimizers/);
  assert.deepEqual(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.optimizer)), ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']);
  assert.equal(await table.locator('tbody th[scope="row"]').count(), 5);
  assert.ok(await table.locator('tbody math').count() >= 10);
  // every link points at a section of this page
  const targets = await table.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(targets.includes('#fading') && targets.includes('#valley') && targets.includes('#race') && targets.includes('#pitfall'));
  for (const href of targets) assert.equal(await page.locator(`section${href}`).count(), 1, href);
  // the defaults list names exactly the options the core accepts for that kind
  for (const [row, kind] of [['adagrad', 'adagrad'], ['rmsprop', 'rmsprop'], ['adam', 'adam'], ['sgd', 'sgd']]) {
    const names = await table.locator(`tr[data-optimizer="${row}"] .opt-defaults code`).allTextContents();
    assert.deepEqual(names, await page.evaluate((k) => window.adagradLab.optionNames(k), kind), row);
  }
  assert.match(await table.locator('tr[data-optimizer="adagrad"] .opt-defaults').textContent(), /eps 1e-10/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the live table shows every optimizer’s steps exactly as the core takes them', async () => {
  const { page, context, messages } = await openDev(browser, 'compare');
  assert.deepEqual(await shown(page), await core(page));
  const rows = await shown(page);
  const six = (list) => list.map((v) => Number(v.toPrecision(6)));
  assert.deepEqual(six(rows.adagrad.slice(0, 2)), [-0.1, -0.1], 'AdaGrad’s first step is η (up to ε) whatever the gradient');
  assert.deepEqual(six(rows.sgd.slice(0, 2)), [-1, -0.01], 'SGD’s is η·g');
  await setField(page, 'g2', '-0.003');
  await setField(page, 'k', '7');
  await setField(page, 'mom', '0.5');
  assert.deepEqual(await shown(page), await core(page, { g2: -0.003, k: 7, mom: 0.5 }));
  assert.match(await page.locator(`${fig} .table-title`).last().innerText(), /w₂ \(gradient −0\.003\)/);
  await page.waitForFunction(() => location.hash.includes('compare.k=7') && location.hash.includes('compare.mom=0.5'));
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('bad entries show the core’s message beside the field and keep the last good table', async () => {
  const { page, context, messages } = await openDev(browser, 'compare');
  const before = await shown(page);
  const cases = [
    ['g1', 'nan', /g₁ must be a finite number, got nan/],
    ['g2', '-inf', /g₂ must be a finite number, got -inf/],
    ['lr', '0', /η must be above 0, got 0/],
    ['mom', '1', /μ must be at most 0\.999, got 1/],
    ['k', '0', /k must be at least 1, got 0/],
    ['k', 'NaN', /k must be a finite number, got NaN/],
    ['k', 'ten', /“ten” is not a number/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.deepEqual(await shown(page), before, 'the last good table stays');
    await setField(page, name, { g1: '10', g2: '0.1', lr: '0.1', mom: '0.9', k: '100' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('at 360 px each table is one card per optimizer, every value under its column’s heading, none past the page', async () => {
  const { page, context, messages } = await openDev(browser, 'compare', { viewport: { width: 360, height: 740 } });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  const tables = await page.locator(`${fig} table.cards`).evaluateAll((tables) => tables.map((t) => {
    const heads = [...t.tHead.rows[0].cells].map((c) => c.textContent.trim());
    return {
      cards: [...t.tBodies[0].rows].map((r) => ({ width: r.getBoundingClientRect().width, right: r.getBoundingClientRect().right, display: getComputedStyle(r).display })),
      labelled: [...t.tBodies[0].rows].every((r) => [...r.cells].every((c, i) => c.localName !== 'td' || c.colSpan > 1 || c.dataset.label === heads[i])),
      shown: getComputedStyle(t.querySelector('tbody td'), '::before').content,
      headHidden: t.tHead.getBoundingClientRect().height <= 1,
    };
  }));
  assert.equal(tables.length, 2, 'the comparison table and the live table');
  for (const t of tables) {
    assert.equal(t.cards.length, 5);
    assert.ok(t.cards.every((c) => c.display === 'flex' && c.right <= 360 && c.width > 250), JSON.stringify(t.cards));
    assert.ok(t.labelled, 'each value carries its column’s heading');
    assert.notEqual(t.shown, 'none', 'and the card shows it');
    assert.ok(t.headHidden, 'the header row is left to screen readers');
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.locator(`${fig} table.compare-table tbody tr`).first().evaluate((r) => getComputedStyle(r).display), 'table-row', 'a table again at desktop width');
  assert.deepEqual(problems(messages), []);
  await context.close();
});
