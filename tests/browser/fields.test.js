// Every numeric field of every figure refuses NaN, ±∞, an overflowing 1e400, an empty text and
// what is out of range, with a message beside the field naming it and the text; the figure keeps
// its last good run; and the page never writes into its address a value its own reader would
// refuse (issue 14: text epochs=NaN read "epoch 0 of NaN", spiral epochs=NaN made Play spin for
// ever, compare k=NaN, and the page wrote "#text.epochs=NaN").
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser, readHash;
before(async () => {
  browser = await launch();
  // the page's own reader, with every figure's rules, as main.js registers them
  const state = await import('../../web/src/state.js');
  const rules = {
    x2: 'figures/parabola/settings.js', table: 'figures/steptable/settings.js', why: 'figures/why/settings.js',
    sp: 'figures/spiral/settings.js', update: 'figures/update/settings.js', race: 'figures/race/settings.js', valley: 'figures/valley/settings.js', text: 'figures/text/settings.js',
    stochastic: 'figures/stochastic/settings.js', line: 'figures/line/settings.js', fading: 'figures/fading/settings.js',
    compare: 'figures/compare/settings.js', pitfall: 'figures/pitfall/settings.js',
  };
  const names = { x2: 'parabola', table: 'step-table', sp: 'spiral' };   // web/src/registry.js
  const figures = [];
  for (const [key, file] of Object.entries(rules)) {
    const m = await import(`../../web/src/${file}`);
    figures.push({ key, name: names[key] || key, schema: m.schema ?? m.settings.schema });
  }
  state.registerSchemas(figures);
  readHash = state.readHash;
});
after(async () => { await browser?.close(); });

const MOUNTS = { x2: 'fig-parabola', table: 'fig-table', sp: 'fig-spiral' };
const mountOf = (key) => `#${MOUNTS[key] || `fig-${key}`}`;

/** The figure's text without its messages: what it shows of its run. */
const figureText = (page, mount) => page.evaluate((mount) => {
  const copy = document.querySelector(mount).cloneNode(true);
  for (const m of copy.querySelectorAll('.field-msg, .form-msg')) m.remove();
  return copy.textContent;
}, mount);

/** Types `value` into a field and commits it with Enter, in one round trip; returns the field's
 *  message, whether it is marked invalid, the address, and the figure's text (without the
 *  messages) before and after. */
const enter = (page, mount, name, value) => page.evaluate(({ mount, name, value }) => {
  const root = document.querySelector(mount);
  const text = () => {
    const copy = root.cloneNode(true);
    for (const m of copy.querySelectorAll('.field-msg, .form-msg')) m.remove();
    return copy.textContent;
  };
  const input = root.querySelector(`input[data-field="${name}"]`);
  const shown = text();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  return {
    message: input.closest('.field').querySelector('.field-msg').textContent,
    invalid: input.getAttribute('aria-invalid') === 'true',
    hash: location.hash, before: shown, after: text(),
  };
}, { mount, name, value });

const readable = (hash) => assert.deepEqual(readHash(hash).refused, [], `the page wrote ${hash}, which its reader refuses`);

for (const key of ['x2', 'table', 'sp', 'why', 'update', 'race', 'valley', 'text', 'stochastic', 'line', 'fading', 'compare', 'pitfall']) {
  test(`${key}: every numeric field refuses NaN, ±∞, 1e400 and nothing with a message, and the address stays readable`, async () => {
    const mount = mountOf(key);
    const { page, context, messages } = await openDev(browser, key, { reducedMotion: 'reduce' });
    const fields = await page.$$eval(`${mount} input[data-field][inputmode]`,
      (list) => list.filter((i) => !i.disabled && i.offsetParent).map((i) => [i.dataset.field, i.value]));
    assert.ok(fields.length >= 3, `${key} has ${fields.length} numeric fields`);
    for (const [name, good] of fields) {
      for (const value of ['NaN', 'Infinity', '-Infinity', '1e400', '', '-1', '0']) {
        const r = await enter(page, mount, name, value);
        const where = `${key} ${name} = “${value}”`;
        readable(r.hash);
        assert.doesNotMatch(r.hash, /NaN|Infinity|1e400/i, where);
        if (['-1', '0'].includes(value) && !r.invalid) continue;  // a value this field allows
        assert.ok(r.invalid, `${where} is accepted`);
        assert.ok(value === '' ? /enter a number/.test(r.message) : r.message.includes(value), `${where}: “${r.message}”`);
        assert.equal(r.after, r.before, `${where}: the figure keeps its last good run`);
      }
      const back = await enter(page, mount, name, good);
      assert.equal(back.invalid, false, `${key} ${name} back to ${good}: ${back.message}`);
    }
    assert.deepEqual(problems(messages), [], key);
    await context.close();
  });
}

test('text epochs=NaN: refused beside the field; the counter and the address keep the last good run', async () => {
  const { page, context, messages } = await openDev(browser, 'text');
  const counter = () => page.locator('#fig-text .counter').innerText();
  const shown = await counter();
  const r = await enter(page, '#fig-text', 'epochs', 'NaN');
  assert.equal(r.message, 'epochs must be a finite number, got NaN');
  assert.equal(await counter(), shown);
  assert.doesNotMatch(await counter(), /NaN/);
  await page.click('#fig-text [data-action="play"]');
  await page.waitForTimeout(300);
  assert.doesNotMatch(await figureText(page, '#fig-text'), /NaN/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /NaN/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('spiral epochs=NaN: refused, and Play still trains the last good run to its end', async () => {
  const { page, context, messages } = await openDev(browser, 'sp', { reducedMotion: 'reduce', hash: '#sp.epochs=50' });
  const r = await enter(page, '#fig-spiral', 'epochs', 'NaN');
  assert.equal(r.message, 'epochs must be a finite number, got NaN');
  await page.click('#fig-spiral [data-action="play"]');
  await page.locator('#fig-spiral .counter').filter({ hasText: 'epoch 50 of 50' }).waitFor({ timeout: 10000 });
  await page.locator('#fig-spiral [data-action="play"]').filter({ hasText: 'Play' }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => location.hash), '#spiral.epochs=50', 'the old key is read, and written under the name');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('compare k=NaN: refused beside the field; the address stays readable', async () => {
  const { page, context, messages } = await openDev(browser, 'compare');
  const r = await enter(page, '#fig-compare', 'k', 'NaN');
  assert.equal(r.message, 'k must be a finite number, got NaN');
  assert.equal(r.after, r.before);
  readable(r.hash);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a field left at NaN is not written when another setting changes: the last good value is', async () => {
  const { page, context, messages } = await openDev(browser, 'race');
  await enter(page, '#fig-race', 'lr-gd', '0.05');
  await enter(page, '#fig-race', 'lr-gd', 'NaN');
  await page.selectOption('#fig-race select[data-field="speed"]', { index: 0 });
  await page.click('#fig-race .racer-toggle[data-racer="adam"]');
  const hash = await page.evaluate(() => location.hash);
  readable(hash);
  assert.match(hash, /race\.gd=0\.05/);
  assert.match(hash, /race\.hide=adam/);
  await context.close();

  // a switched-off option's field: checked and its message shown, though the run does not use it
  const second = await openDev(browser, 'update');
  const r = await enter(second.page, '#fig-update', 'lr_decay', 'NaN');
  assert.equal(r.message, 'lr_decay must be a finite number, got NaN');
  readable(r.hash);
  assert.doesNotMatch(r.hash, /NaN/);
  assert.deepEqual(problems([...messages, ...second.messages]), []);
  await second.context.close();
});
