// Full-page screenshots for people to look at: desktop and phone, with the spiral trained; and the
// desktop once more in the dark colour scheme.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { launch, open, problems, screenshotDir } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); fs.mkdirSync(screenshotDir, { recursive: true }); });
after(async () => { await browser?.close(); });

for (const [name, viewport, preset, colorScheme] of [['desktop-1280', { width: 1280, height: 900 }, 'solves', 'light'],
  ['phone-390', { width: 390, height: 844 }, 'notebook', 'light'], ['desktop-1280-dark', { width: 1280, height: 900 }, 'solves', 'dark']]) {
  test(`screenshot: ${name}, the spiral trained with the ${preset} preset`, async () => {
    const { page, context, messages } = await open(browser, { viewport, colorScheme });
    await page.click(`#spiral [data-action="preset-${preset}"]`);
    await page.selectOption('#spiral select[data-field="epf"]', '250');
    await page.click('#spiral [data-action="play"]');
    await page.locator('#spiral .counter').filter({ hasText: 'epoch 2000 of 2000' }).waitFor({ timeout: 45000 });
    await page.click('#table tbody tr:nth-child(3)');
    await page.waitForTimeout(200);
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(fs.statSync(file).size > 50000);
    assert.deepEqual(problems(messages), []);
    await context.close();
  });
}
