// Every numeric setting has a slider beside its box (a log scale for rates): dragging it writes
// the box, recomputes the figure live and keeps the address in step; typing in the box moves it.
// One slider per figure is driven here by keyboard, as a reader without a mouse would.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MOUNTS = { x2: 'fig-parabola', table: 'fig-table', sp: 'fig-spiral' };
const KEYS = ['x2', 'table', 'why', 'update', 'race', 'sp', 'valley', 'text', 'stochastic', 'line', 'fading', 'compare', 'pitfall'];

test('one slider per figure, moved by keyboard: the box, the figure and the address follow', async () => {
  for (const key of KEYS) {
    const mount = `#${MOUNTS[key] || `fig-${key}`}`;
    const { page, context, messages } = await openDev(browser, key, { reducedMotion: 'reduce' });
    const sliders = page.locator(`${mount} input[type=range][data-slider]`);
    assert.ok(await sliders.count() >= 1, `${key} has no slider`);
    const slider = sliders.first();
    const name = await slider.getAttribute('data-slider');
    const box = page.locator(`${mount} input[data-field="${name}"]`);
    const before = { text: await box.inputValue(), hash: await page.evaluate(() => location.hash) };
    await slider.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press(i < 20 ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('End');
    await page.waitForTimeout(100);
    const text = await box.inputValue();
    assert.notEqual(text, before.text, `${key}: the ${name} box follows its slider`);
    assert.ok(Number.isFinite(Number(text)), `${key}: ${text}`);
    assert.equal(await box.getAttribute('aria-invalid'), null, `${key}: the slider only gives values the setting allows (${text})`);
    assert.equal(await slider.getAttribute('aria-valuetext'), text);
    const hash = await page.evaluate(() => location.hash);
    assert.notEqual(hash, before.hash, `${key}: the figure recomputed and wrote its link`);
    assert.ok(decodeURIComponent(hash).includes(`=${text}`), `${key}: ${hash} carries ${text}`);
    // typing moves the slider back
    await box.fill(before.text);
    await box.press('Enter');
    assert.ok(Number(await slider.inputValue()) < 1000, `${key}: the slider follows the box`);
    assert.deepEqual(problems(messages), [], key);
    await context.close();
  }
});

test('a rate’s slider is logarithmic: its middle is the geometric middle of its range', async () => {
  const { page, context } = await openDev(browser, 'x2');
  const slider = page.locator('#fig-parabola input[type=range][data-slider="lr"]');
  await slider.fill('500');
  const v = Number(await page.locator('#fig-parabola input[data-field="lr"]').inputValue());
  // η slides over 1e-4 … 100 (the rule's range, windowed): the middle is 10^-1
  assert.ok(Math.abs(Math.log10(v) - -1) < 0.01, String(v));
  await context.close();
});

test('every stepped figure’s scrubber goes straight to any step, by keyboard too', async () => {
  for (const key of ['x2', 'why', 'update', 'race', 'valley', 'text', 'stochastic', 'line', 'fading', 'pitfall']) {
    const mount = `#${MOUNTS[key] || `fig-${key}`}`;
    const { page, context, messages } = await openDev(browser, key, { reducedMotion: 'reduce' });
    const scrubber = page.locator(`${mount} input[data-action="scrub"]`).first();
    const total = Number(await scrubber.getAttribute('max'));
    assert.ok(total >= 2, `${key}: ${total}`);
    const middle = Math.floor(total / 2);
    await scrubber.fill(String(middle));
    const counter = page.locator(`${mount} .transport`).first().locator('.counter');
    assert.match(await counter.innerText(), new RegExp(`^(step|epoch) ${middle} of ${total}$`), key);
    await scrubber.focus();
    await page.keyboard.press('Home');
    assert.match(await counter.innerText(), new RegExp(`^(step|epoch) 0 of ${total}$`), key);
    await page.keyboard.press('ArrowRight');
    assert.match(await counter.innerText(), new RegExp(`^(step|epoch) 1 of ${total}$`), key);
    assert.match(await scrubber.getAttribute('aria-valuetext'), new RegExp(`1 of ${total}`));
    assert.deepEqual(problems(messages), [], key);
    await context.close();
  }
});
