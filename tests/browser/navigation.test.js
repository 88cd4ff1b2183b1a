// The page's own navigation (heading links, the skip link) and links to a section keep the
// reader's settings: a fragment that names a section scrolls there and changes nothing else.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('clicking a heading link or the skip link keeps every setting and shows no notice', async () => {
  const { page, context, messages } = await open(browser);
  const lr = page.locator('#parabola input[data-field="lr"]');
  await lr.fill('0.3');
  await lr.press('Enter');
  await page.click('#table [data-action="next"]');
  const current = await page.locator('#table tbody tr[aria-current]').getAttribute('data-step');
  await page.click('nav a[href="#summary"]');
  await page.waitForFunction(() => location.hash.startsWith('#summary'));
  assert.equal(await lr.inputValue(), '0.3');
  assert.equal(await page.locator('#table tbody tr[aria-current]').getAttribute('data-step'), current, 'the step table kept its place');
  assert.equal(await page.locator('#link-notice').isHidden(), true);
  assert.match(await page.evaluate(() => location.hash), /^#summary&.*parabola\.lr=0\.3/);
  const top = await page.locator('#summary').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the summary is at the top of the window (${top})`);
  await page.focus('a.skip');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#why'));
  assert.equal(await lr.inputValue(), '0.3');
  assert.equal(await page.locator('#link-notice').isHidden(), true);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a shared link can carry a section and settings: both apply', async () => {
  const { page, context } = await open(browser, { hash: '#race&x2.lr=0.3' });
  assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.3');
  assert.equal(await page.locator('#link-notice').isHidden(), true);
  const top = await page.locator('#race').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the race section is at the top of the window (${top})`);
  await context.close();
});
