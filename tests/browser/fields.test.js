// Every field of every figure (enumerated from the page's registry and the page itself) refuses
// nothing, words, NaN, ±∞, overflowing 1e309 and 1e400, huge and negative values and what is out of
// range, with a message beside the field naming it and the text; the figure keeps its last good
// run, words and plots, and shows its first run again once the field is given its value back;
// every menu's choices and every slider's ends are taken; and the page never writes into its
// address a value its own reader would refuse (issue 14: text epochs=NaN read "epoch 0 of NaN", spiral epochs=NaN made Play spin for
// ever, compare k=NaN, and the page wrote "#text.epochs=NaN").
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser, readHash, figures;
before(async () => {
  browser = await launch();
  // the page's own reader, with every figure's rules, as main.js registers them from the registry
  const state = await import('../../web/src/state.js');
  figures = await (await import('../fuzz/hostile-hashes.mjs')).loadFigures();
  state.registerSchemas(figures);
  readHash = state.readHash;
});
after(async () => { await browser?.close(); });


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

/** Waits until nothing in the figure is still being computed (aria-busy: a slider's recompute, the
 *  fading figure's η sweep, which runs over several tasks). */
const settled = (page, mount) => page.waitForFunction((m) => !document.querySelector(m).matches('[aria-busy="true"]') && !document.querySelector(`${m} [aria-busy="true"]`), mount, { timeout: 60000 });

const readable = (hash) => assert.deepEqual(readHash(hash).refused, [], `the page wrote ${hash}, which its reader refuses`);

/** A digest of every canvas drawn in `mount` (of its PNG: reading pixels back would make
 *  Chromium warn): whether the plots changed. */
const canvases = (page, mount) => page.evaluate((mount) => [...document.querySelectorAll(`${mount} canvas`)].map((c) => {
  if (!c.width || !c.height) return 0;
  const png = c.toDataURL();
  let h = 2166136261;
  for (let i = 0; i < png.length; i++) h = Math.imul(h ^ png.charCodeAt(i), 16777619);
  return h >>> 0;
}), mount);

// What a reader can type into a box: nothing, words, NaN, ±∞, numbers that overflow, huge and
// negative ones, 0; then the field's own value again.
const ABUSE = ['', 'abc', 'NaN', 'Infinity', '-Infinity', '1e309', '1e400', '1e300', '-1', '-1e300', '0'];

/** The field a message is about: its words before " must", " can" or ":" ("η of Adam must be…"). */
const subjectOf = (message) => /^(.+?)(?: must | can |: )/.exec(message)?.[1] ?? '';

test('every field of every figure (from the registry) refuses what it cannot take, beside the field, and keeps the last good run', async (t) => {
  for (const { key, mount: id } of figures) {
    await t.test(key, async () => {
      const mount = `#${id}`;
      const { page, context, messages } = await openDev(browser, key, { reducedMotion: 'reduce' });
      const fields = await page.$$eval(`${mount} input[type=text][data-field]`,
        (list) => list.filter((i) => !i.disabled && i.offsetParent).map((i) => [i.dataset.field, i.value, i.labels[0]?.textContent || '']));
      await settled(page, mount);
      const shown = { text: await figureText(page, mount), plots: await canvases(page, mount) };
      for (const [name, good, label] of fields) {
        let plots = await canvases(page, mount);
        for (const value of ABUSE) {
          const r = await enter(page, mount, name, value);
          await settled(page, mount);
          const where = `${key} ${name} = “${value}”`;
          readable(r.hash);
          // (a free text takes any words, "NaN" among them: the reader's check above is the rule)
          if (r.invalid) assert.doesNotMatch(r.hash, /NaN|Infinity|1e309|1e400/i, where);
          if (!r.invalid) { plots = await canvases(page, mount); continue; }  // a value this field allows (a free text, a negative start, 0…)
          // an empty box: a number's field asks for one; a free text's field (the text figure's
          // sentence) says what to type
          const prompt = value === '' && !/enter a number|must be/.test(r.message);
          assert.ok(prompt ? r.message.trim().length > 0 : value === '' || r.message.includes(value), `${where}: “${r.message}” does not name the value`);
          const subject = subjectOf(r.message);
          // every word of it is in the field's label ("SGD η" for "SGD learning rate η")
          if (!prompt) assert.ok(subject && subject.split(/\s+/).every((w) => label.includes(w)), `${where}: “${r.message}” does not name the field “${label}”`);
          assert.equal(r.after, r.before, `${where}: the figure keeps its last good run and words`);
          assert.deepEqual(await canvases(page, mount), plots, `${where}: the plots are unchanged`);
        }
        const back = await enter(page, mount, name, good);
        assert.equal(back.invalid, false, `${key} ${name} back to ${good}: ${back.message}`);
        await settled(page, mount);
      }
      // every field back at its own value: the figure shows what it showed at first
      assert.equal(await figureText(page, mount), shown.text, `${key}: the same run after the abuse`);
      assert.deepEqual(await canvases(page, mount), shown.plots, `${key}: the same plots after the abuse`);

      // every choice of every menu, then a value that is none of them (set from a script)
      // (by position: a figure may have two menus of one name, as the update figure's two speeds)
      const selects = await page.$$eval(`${mount} select[data-field]`, (list) => list.map((s, i) => [i, s]).filter(([, s]) => !s.disabled && s.offsetParent)
        .map(([i, s]) => [i, s.dataset.field, s.value, [...s.options].map((o) => o.value)]));
      for (const [index, name, good, options] of selects) {
        const select = page.locator(`${mount} select[data-field]`).nth(index);
        for (const v of [...options, good]) {
          await select.selectOption(v);
          readable(await page.evaluate(() => location.hash));
        }
        const forced = await page.evaluate(({ mount, index }) => {
          const s = document.querySelectorAll(`${mount} select[data-field]`)[index];
          s.value = 'abc';
          s.dispatchEvent(new Event('change', { bubbles: true }));
          return location.hash;
        }, { mount, index });
        readable(forced);
        assert.doesNotMatch(forced, /abc/, `${key} ${name}: a value not in the menu was written into the address`);
        await select.selectOption(good);
      }
      // every slider to both ends: its box takes only what the setting allows
      const sliders = await page.$$eval(`${mount} input[type=range][data-slider]`, (list) => list.filter((s) => s.offsetParent).map((s) => s.dataset.slider));
      for (const name of sliders) {
        const box = page.locator(`${mount} input[data-field="${name}"]`);
        const good = await box.inputValue();
        for (const end of ['0', '1000', '500']) {
          await page.locator(`${mount} input[type=range][data-slider="${name}"]`).fill(end);
          assert.equal(await box.getAttribute('aria-invalid'), null, `${key} slider ${name} at ${end}: ${await box.inputValue()}`);
          readable(await page.evaluate(() => location.hash));
        }
        await enter(page, mount, name, good);
      }
      assert.deepEqual(problems(messages), [], key);
      await context.close();
    });
  }
});

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
