// Section 8b: rare words a few reviews at a time, as a reader drives it (wiring; the words are
// checked against the runs in tests/node/story-stochastic.test.js).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev, fieldHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-stochastic';
const { setField, messageOf } = fieldHelpers(fig);
const explain = (page) => page.locator(`${fig} .explain`).innerText();

test('on the lesson: one review a step, the rare word touched once an epoch, no console error', async () => {
  const { page, context, messages } = await open(browser);
  assert.match(await explain(page), /Each epoch takes 40 steps of 1 review.*“masterpiece” is in 1 review, so it gets a gradient on exactly 1 of the 40 steps/s);
  assert.equal(await page.locator(`${fig} canvas`).count(), 2);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('on its development page: a changed batch changes the words; a bad entry keeps the last run; the word menus follow', async () => {
  const { page, context, messages } = await openDev(browser, 'stochastic');
  await setField(page, 'batch', '5');
  assert.match(await explain(page), /Each epoch takes 8 steps of 5 reviews/);
  const before = await explain(page);
  for (const [value, expected] of [['0', /reviews per step must be at least 1, got 0/], ['NaN', /must be a finite number, got NaN/], ['2.5', /whole number/]]) {
    await setField(page, 'batch', value);
    assert.match(await messageOf(page, 'batch'), expected);
    assert.equal(await explain(page), before, 'the last good run stays');
  }
  await setField(page, 'batch', '1');
  await page.selectOption(`${fig} select[data-field="common"]`, 'the');
  assert.match(await explain(page), /“the” is in \d+, so on exactly \d+/);
  assert.match(page.url(), /stochastic\.common=the/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
