// Figure 13: when to reach for AdaGrad. The recap cards' numbers against the core's own runs,
// computed here through window.adagradLab, and the decision panel's advice as the answers change.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-summary';
const cardValue = (page, id) => page.locator(`${fig} [data-card="${id}"] .card-number`).evaluate((n) => Number(n.dataset.value));
const verdict = (page) => page.locator(`${fig} .verdict-line`).innerText();

test('each card draws a run of the core and shows its numbers; every link leads to a section of the lesson', async () => {
  const { page, context, messages } = await open(browser);
  const cards = page.locator(`${fig} .card`);
  assert.equal(await cards.count(), 6);
  assert.equal(await page.locator(`${fig} .card canvas`).count(), 6);
  const core = await page.evaluate(() => {
    const lab = window.adagradLab;
    const data = lab.makeRegressionDataset({ kind: 'sparse_column', n_samples: 200, density: 0.05, seed: 7 });
    const sparse = lab.runLinearRegression({ ...data, steps: 50, optimizer: { kind: 'adagrad', lr: 0.5 } });
    const sparseGd = lab.runLinearRegression({ ...data, steps: 50, optimizer: { kind: 'sgd', lr: 0.5 } });
    const fading = lab.runQuadratic({ scales: [1], x0: [5], steps: 1000, optimizer: { kind: 'adagrad', lr: 0.1 } });
    const bug = lab.runQuadratic({ scales: [1], x0: [3], steps: 60, optimizer: { kind: 'adagrad', lr: 0.4, eps: 1e-10 }, reset_state_every_step: true });
    const scales = lab.runQuadratic({ scales: [1, 100], x0: [3, 2], steps: 100, optimizer: { kind: 'adagrad', lr: 0.5 } });
    return { sparse: sparse.params[20], sparseGd: sparseGd.params[20], fading: fading.rates[999], bug: bug.params[60], scales: scales.values[100] };
  });
  assert.equal(await cardValue(page, 'sparse'), core.sparse);
  assert.ok(core.sparse > 1.5 * core.sparseGd, 'AdaGrad is well ahead of GD on the rare column after 10 steps');
  assert.equal(await cardValue(page, 'fading'), core.fading);
  assert.equal(await cardValue(page, 'bug'), core.bug);
  assert.equal(await cardValue(page, 'scales'), core.scales);
  // the words card is the text figure's default training: the same number as that figure shows
  const words = await cardValue(page, 'words');
  assert.match(await page.locator('#fig-text .readout').innerText(), new RegExp(`“masterpiece” \\(1 review\\): SGD \\S+, AdaGrad ${Number(words.toPrecision(3))}`));
  const hrefs = await page.locator(`${fig} a[href^="#"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 8);
  for (const href of new Set(hrefs)) assert.equal(await page.locator(`section${href}`).count(), 1, href);
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|failed/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the answers change the advice and the highlighted cards, and live in the address', async () => {
  const { page, context, messages } = await openDev(browser, 'summary');
  assert.equal(await verdict(page), 'AdaGrad is a good fit.');
  await page.check(`${fig} input[data-question="deep"][value="yes"]`);
  assert.equal(await verdict(page), 'Prefer Adam or RMSProp.');
  assert.equal(await page.locator(`${fig} [data-card="fading"]`).getAttribute('class'), 'card related');
  await page.waitForFunction(() => location.hash.includes('summary.deep=yes'));
  await page.check(`${fig} input[data-question="deep"][value="no"]`);
  await page.check(`${fig} input[data-question="sparse"][value="no"]`);
  assert.equal(await verdict(page), 'AdaGrad works, but nothing calls for it.');
  await page.check(`${fig} input[data-question="convex"][value="no"]`);
  assert.equal(await verdict(page), 'Start with Adam, or SGD with momentum.');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a link sets the answers; a bad answer in it is refused and the default kept', async () => {
  const { page, context, messages } = await openDev(browser, 'summary', { hash: '#summary.deep=yes&summary.sparse=maybe' });
  assert.equal(await verdict(page), 'Prefer Adam or RMSProp.');
  assert.match(await page.locator('#link-notice').innerText(), /summary\.sparse.*“maybe” is not one of yes, no/);
  assert.equal(await page.locator(`${fig} input[data-question="sparse"][value="yes"]`).isChecked(), true);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
