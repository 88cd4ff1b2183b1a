// Settings live in the URL: shared links reproduce a setup; hostile text is refused.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a change goes into the address, and opening that address restores it', async () => {
  const { page, context } = await open(browser);
  const lr = page.locator('#parabola input[data-field="lr"]');
  await lr.fill('0.5');
  await lr.press('Enter');
  await page.selectOption('#spiral select[data-field="cmp"]', 'adam');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /x2\.lr=0\.5/);
  assert.match(hash, /sp\.cmp=adam/);
  await context.close();

  const second = await open(browser, { hash });
  assert.equal(await second.page.locator('#parabola input[data-field="lr"]').inputValue(), '0.5');
  assert.match(await second.page.locator('#parabola .explain').innerText(), /with η = 0\.5,/);
  assert.equal(await second.page.locator('#spiral select[data-field="cmp"]').inputValue(), 'adam');
  assert.deepEqual(problems(second.messages), []);
  await second.context.close();
});

test('hostile text in the address is refused with a message and never executed', async () => {
  const hash = '#x2.lr=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&sp.hidden=8,%3Cb%3E&evil.key=1&table.x0=1e999999';
  let dialogs = 0;
  const { page, context, messages } = await open(browser, { hash });
  page.on('dialog', () => { dialogs++; });
  const notice = await page.locator('#link-notice').innerText();
  assert.match(notice, /Ignored “x2\.lr” from the link: “<img src=x onerror="window\.pwned=1">” is not a number/);
  assert.match(notice, /Ignored “sp\.hidden”/);
  assert.match(notice, /unknown setting “evil\.key”/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.1');
  // a well-formed number outside the setting's rule (it overflows to ∞): refused by the link's reader,
  // in the setting's own terms, and the default table shows
  assert.match(notice, /Ignored “table\.x0” from the link: “1e999999” is not a number from -1000000 to 1000000/);
  assert.equal(await page.locator('#table input[data-field="x0"]').inputValue(), '4');
  assert.equal(await page.locator('#table tbody tr[data-step]').count(), 10);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('page.only shows one figure alone, for embedding', async () => {
  const { page, context } = await open(browser, { hash: '#page.only=table' });
  assert.equal(await page.locator('#table').isVisible(), true);
  assert.equal(await page.locator('#parabola').isVisible(), false);
  assert.equal(await page.locator('#spiral').isVisible(), false);
  assert.equal(await page.locator('.masthead').isVisible(), false);
  await context.close();
});

test('editing the address of an open page applies the new settings', async () => {
  const { page, context } = await open(browser);
  await page.evaluate(() => { location.hash = 'table.x0=2'; });
  await page.locator('#table input[data-field="x0"]').and(page.locator('[value]')).first().waitFor();
  await page.waitForFunction(() => document.querySelector('#table tbody tr td:nth-child(7)')?.textContent === '1');
  assert.equal(await page.locator('#table input[data-field="x0"]').inputValue(), '2');
  await context.close();
});

test('a link naming prototype keys is refused with a notice; every figure still renders', async () => {
  const { page, context, messages } = await open(browser, { hash: '#__proto__.toString=1&constructor.name=1&x2.lr=0.5' });
  const notice = await page.locator('#link-notice').innerText();
  assert.match(notice, /unknown setting “__proto__\.toString”/);
  assert.match(notice, /unknown setting “constructor\.name”/);
  assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.5');
  for (const id of ['fig-parabola', 'fig-table', 'fig-race', 'fig-summary']) assert.ok(await page.locator(`#${id} canvas, #${id} table`).count() > 0, id);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('links that once froze the tab in a tick loop load promptly and draw', async () => {
  for (const hash of ['#valley.noise=0', '#fading.w0=1e300', '#pitfall.x0=1e-320', '#update.lr=1e308', '#x2.x0=1e-320']) {
    const started = Date.now();
    const { page, context, messages } = await open(browser, { hash });
    assert.ok(Date.now() - started < 15000, `${hash} took ${Date.now() - started} ms`);
    assert.deepEqual(problems(messages), [], hash);
    await context.close();
  }
});
