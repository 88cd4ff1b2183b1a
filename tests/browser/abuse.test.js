// The page under abuse (issue 13): every run control of every figure (enumerated from the page's
// registry and the figure's own buttons: Play, Step, Reset, Next, Show all, the presets…) clicked
// 200 times at random with no waits, while the figure plays. Afterwards: no console error or page
// error; the figure comes to rest (its text stops changing once paused); every counter reads
// "step|epoch n of N" with 0 ≤ n ≤ N and its scrubber at n; a table of steps lists each once, in
// order; Step then moves the counter by one; and the figure shows no NaN or undefined. (tests/browser/fields.test.js feeds every field.)
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser, figures;
before(async () => {
  browser = await launch();
  figures = await (await import('../fuzz/hostile-hashes.mjs')).loadFigures();
});
after(async () => { await browser?.close(); });

// the clipboard's buttons are not run controls (and need a permission)
const SKIP = new Set(['copy-csv', 'copy-md']);

test('200 random clicks on every figure’s run controls, while it plays, leave it consistent', async (t) => {
  for (const [n, { key, mount: id }] of figures.entries()) {
    await t.test(key, async () => {
      const mount = `#${id}`;
      const { page, context, messages } = await openDev(browser, key);   // motion on: Play animates
      const actions = await page.$$eval(`${mount} button[data-action]`, (list) => [...new Set(list.map((b) => b.dataset.action))]);
      const controls = actions.filter((a) => !SKIP.has(a));
      if (controls.length === 0) { await context.close(); return; }   // a figure with nothing to run
      const clicked = await page.evaluate(async ({ mount, controls, seed }) => {
        let a = seed >>> 0;
        const rng = () => { a = (a + 0x6D2B79F5) >>> 0; let x = Math.imul(a ^ (a >>> 15), a | 1); x ^= x + Math.imul(x ^ (x >>> 7), x | 61); return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
        const root = document.querySelector(mount);
        root.querySelector('[data-action="play"]')?.click();
        const log = [];
        for (let i = 0; i < 200; i++) {
          const action = controls[Math.floor(rng() * controls.length)];
          const buttons = [...root.querySelectorAll(`button[data-action="${action}"]`)].filter((b) => !b.disabled && b.offsetParent);
          if (buttons.length) { buttons[Math.floor(rng() * buttons.length)].click(); log.push(action); }
          // no waits between clicks, but now and then a frame, so that what plays moves on between them
          if (i % 25 === 24) await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return log;
      }, { mount, controls, seed: 1000 + n });
      assert.ok(clicked.length >= 100, `${key}: only ${clicked.length} clicks landed on ${controls}`);
      // pause what still plays, then wait for the figure to come to rest
      await page.evaluate((mount) => {
        for (const b of document.querySelectorAll(`${mount} [data-action="play"]`)) if (b.getAttribute('aria-pressed') === 'true' || b.textContent === 'Pause') b.click();
      }, mount);
      const state = () => page.evaluate((mount) => {
        const root = document.querySelector(mount);
        const counters = [...root.querySelectorAll('.transport')].filter((tr) => tr.offsetParent && tr.querySelector('.counter')).map((tr) => ({
          counter: tr.querySelector('.counter')?.textContent || '',
          scrub: tr.querySelector('[data-action="scrub"]') ? [tr.querySelector('[data-action="scrub"]').value, tr.querySelector('[data-action="scrub"]').max] : null,
        }));
        const rows = [...root.querySelectorAll('tbody tr[data-step]')].map((r) => Number(r.dataset.step));
        return { counters, rows, text: root.textContent, playing: [...root.querySelectorAll('[data-action="play"]')].some((b) => b.textContent === 'Pause') };
      }, mount);
      let last = await state(), settled = false;
      for (let i = 0; i < 40 && !settled; i++) {
        await page.waitForTimeout(250);
        const now = await state();
        settled = now.text === last.text;
        last = now;
      }
      assert.ok(settled, `${key}: the figure keeps changing after Pause`);
      assert.equal(last.playing, false, `${key}: still playing after Pause`);
      assert.doesNotMatch(last.text, /\bNaN\b|undefined/, `${key}: ${last.text.match(/.{0,80}(NaN|undefined).{0,80}/)?.[0]}`);
      for (const { counter, scrub } of last.counters) {
        const m = /^(step|epoch) (\d+) of (\d+)$/.exec(counter);
        assert.ok(m, `${key}: the counter reads “${counter}”`);
        const [at, total] = [Number(m[2]), Number(m[3])];
        assert.ok(at >= 0 && at <= total, `${key}: ${counter}`);
        if (scrub) assert.deepEqual(scrub, [String(at), String(total)], `${key}: the scrubber is not where the counter is (${counter})`);
      }
      // a table of steps (the step table's rows, as Play, Next, Show all and Clear leave them) has
      // each step once, in order
      assert.ok(last.rows.every((r, i) => i === 0 || r === last.rows[i - 1] + 1), `${key}: rows ${last.rows}`);
      // Step still moves the (first) counter by one
      const step = page.locator(`${mount} .transport [data-action="step"], ${mount} [data-action="step"]`).first();
      if (await step.count() && last.counters.length) {
        const m = /^(step|epoch) (\d+) of (\d+)$/.exec(last.counters[0].counter);
        if (Number(m[2]) < Number(m[3])) {
          await step.click();
          const want = `${m[1]} ${Number(m[2]) + 1} of ${m[3]}`;
          await page.locator(`${mount} .counter`).first().filter({ hasText: want }).waitFor({ timeout: 5000 })
            .catch(async () => assert.fail(`${key}: Step after the clicks: “${await page.locator(`${mount} .counter`).first().innerText()}”, not “${want}”`));
        }
      }
      assert.deepEqual(problems(messages), [], `${key} after ${clicked.length} clicks`);
      await context.close();
    });
  }
});
