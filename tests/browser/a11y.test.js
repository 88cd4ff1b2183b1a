// Accessibility, checked by axe-core (from npm, injected through the DevTools protocol so the
// page's strict security policy stays on): zero violations on the lesson and on every figure's
// own page, at a desktop and a phone width, in the light and the dark colour scheme, before and
// after the figures have run; and within
// each figure no two fields share an accessible name (six fields once all read just "η").
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, root } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser, axeSource;
before(async () => {
  browser = await launch();
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await browser?.close(); });

const KEYS = fs.readdirSync(path.join(process.env.ADAGRAD_DIST || path.join(root, 'dist'), 'figures')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));

/** axe-core's violations on the page: ["rule: target"]. */
async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)));
}

/** Fields whose accessible name another field in the same figure shares. */
const sharedNames = (page) => page.evaluate(() => {
  const out = [];
  for (const fig of document.querySelectorAll('.figure-body')) {
    const seen = new Map();
    for (const input of fig.querySelectorAll('input:not([type=radio]), select')) {
      if (input.disabled || !input.offsetParent) continue;
      const by = input.getAttribute('aria-labelledby');
      const name = (by ? by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
        : input.getAttribute('aria-label') || [...input.labels].map((l) => l.textContent).join(' ')).trim();
      if (seen.has(name)) out.push(`${fig.id}: “${name}” (${seen.get(name)} and ${input.dataset.field})`);
      else seen.set(name, input.dataset.field);
    }
  }
  return out;
});

// Both colour schemes: the page follows prefers-color-scheme, and contrast is checked in each.
// The lesson holds every figure and is checked at both widths in both schemes; each figure's own
// page in dark only at the desktop width (its phone layout in dark is in the lesson at 390 px),
// which keeps the file near four minutes on a small machine.
for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 390]) {
    test(`the lesson in ${colorScheme} at ${width} px: no axe-core violation before or after running, and no two fields of a figure share a name`, async () => {
      const { page, context } = await open(browser, { viewport: { width, height: 900 }, reducedMotion: 'reduce', colorScheme });
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(await sharedNames(page), []);
      for (const play of await page.locator('[data-action="play"]').all()) if (await play.isVisible()) await play.click();
      await page.waitForTimeout(500);
      assert.deepEqual(await violations(page), [], 'after Play');
      await context.close();
    });

    if (colorScheme === 'dark' && width !== 1280) continue;
    test(`every figure’s own page in ${colorScheme} at ${width} px has no axe-core violation`, async () => {
      const found = {};
      for (const key of KEYS) {
        const { page, context } = await openDev(browser, key, { viewport: { width, height: 900 }, colorScheme });
        const v = await violations(page);
        if (v.length) found[key] = v;
        await context.close();
      }
      assert.deepEqual(found, {});
    });
  }
}
