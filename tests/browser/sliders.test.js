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

test('a figure too slow to follow a drag dims and says so, then recomputes once on release', async () => {
  // 20000 steps of three optimizers: each recompute takes well over a frame on any machine
  const { page, context, messages } = await openDev(browser, 'fading', { hash: '#fading.steps=20000' });
  const mount = '#fig-fading';
  const slider = page.locator(`${mount} input[type=range][data-slider]`).first();
  const name = await slider.getAttribute('data-slider');
  const box = page.locator(`${mount} input[data-field="${name}"]`);
  const r = await slider.boundingBox();
  const at = (t) => r.x + 8 + (r.width - 16) * t;
  const start = Number(await slider.inputValue()) / 1000;
  const y = r.y + r.height / 2;
  await page.mouse.move(at(start), y);
  await page.mouse.down();
  const seen = [];
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(at(start + (i / 12) * (start < 0.5 ? 0.4 : -0.4)), y);
    await page.waitForTimeout(60);
    seen.push(await page.evaluate((m) => ({ busy: document.querySelector(m).dataset.busy || '', hash: location.hash, aria: document.querySelector(m).getAttribute('aria-busy') }), mount));
  }
  const stale = seen.filter((s) => s.busy === 'stale');
  assert.ok(stale.length >= 6, `marked stale during the drag: ${JSON.stringify(seen.map((s) => s.busy))}`);
  assert.ok(stale.every((s) => s.aria === 'true'));
  assert.equal(new Set(stale.map((s) => s.hash)).size, 1, 'no recompute (and no new link) while stale');
  const badge = await box.evaluate((input) => getComputedStyle(input.closest('.field'), '::after').content);
  assert.match(badge, /let go/);
  await page.mouse.up();
  await page.waitForFunction((m) => !document.querySelector(m).dataset.busy && !document.querySelector(m).hasAttribute('aria-busy'), mount, { timeout: 20000 });
  const text = await box.inputValue();
  assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes(`${name}=${text}`), 'the release recomputed at the final value');
  assert.deepEqual(problems(messages), []);
  await context.close();
});
