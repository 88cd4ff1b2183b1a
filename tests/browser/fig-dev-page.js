// Opens a figure's development page (dist/figures/KEY.html) as helpers.open opens the lesson.
// The bare development page declares no icon, so Chromium asks the server for /favicon.ico and
// logs its 404 as a console error; a course page embedding the figure has its own icon, so this
// answers that one request with an empty 204 and leaves every other request alone.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { httpUrl, root, reportPolicyViolations } = require('./helpers.js');

const dist = process.env.ADAGRAD_DIST || path.join(root, 'dist');
const devUrl = (key) => (httpUrl ? new URL(`figures/${key}.html`, httpUrl).href : pathToFileURL(path.join(dist, 'figures', `${key}.html`)).href);

async function openDev(browser, key, { hash = '', viewport = { width: 1280, height: 900 }, reducedMotion, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion, colorScheme, deviceScaleFactor: 1 });
  await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  await reportPolicyViolations(context);
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
  page.on('requestfailed', (r) => messages.push({ type: 'requestfailed', text: r.url() }));
  await page.goto(devUrl(key) + hash);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { page, context, messages };
}

// Helpers bound to one figure's mount (e.g. '#fig-why'), as a reader drives its fields.
function fieldHelpers(fig) {
  async function setField(page, name, value) {
    const input = page.locator(`${fig} input[data-field="${name}"]`);
    await input.fill(value);
    await input.press('Enter');
  }
  const messageOf = (page, name) => page.locator(`${fig} .field:has(input[data-field="${name}"]) .field-msg`).innerText();
  return { setField, messageOf };
}

// …and for the figures with a list of racers and a .race-caption (race, valley, line).
function racerHelpers(fig) {
  const status = (page, id) => page.locator(`${fig} li.racer[data-racer="${id}"] .racer-status`).innerText();
  /** Types `value` into a field and commits it with Enter, in one round trip; returns what the
   *  reader then sees: the field's message, whether it is marked invalid, and the caption. */
  const enter = (page, name, value) => page.evaluate(({ fig, name, value }) => {
    const input = document.querySelector(`${fig} input[data-field="${name}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return {
      message: input.closest('.field').querySelector('.field-msg').textContent,
      invalid: input.getAttribute('aria-invalid') === 'true',
      caption: document.querySelector(`${fig} .race-caption`).textContent,
    };
  }, { fig, name, value });
  return { ...fieldHelpers(fig), status, enter };
}

module.exports = { openDev, devUrl, fieldHelpers, racerHelpers };
