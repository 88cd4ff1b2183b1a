// Numbers on the page are never cut off: at a desktop and a phone width, after each figure has
// run to its end, no formula pokes out of its panel (a clipped "= 0.58495" reads "= 0"), and no
// panel is wider than the page. A table that scrolls sideways on purpose (a .table-wrap that is not
// one card per row on a phone) is exempt.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MOUNTS = { x2: 'fig-parabola', table: 'fig-table', sp: 'fig-spiral' };
const KEYS = ['x2', 'table', 'why', 'update', 'race', 'valley', 'text', 'stochastic', 'line', 'fading', 'compare', 'pitfall', 'summary'];

/** Formulas and panels that run past their container: a list of descriptions. */
const overflowing = (page, mount) => page.evaluate((mount) => {
  const root = document.querySelector(mount);
  const out = [];
  const box = (n) => n.getBoundingClientRect();
  for (const m of root.querySelectorAll('math')) {
    if (m.closest('.table-wrap') && !m.closest('table.cards')) continue;
    const panel = m.closest('table.cards tr, figure, .panel, .formula, .card') || root;
    if (box(m).right > box(panel).right + 1) out.push(`${m.textContent.slice(0, 60)} (past its panel by ${Math.round(box(m).right - box(panel).right)} px)`);
  }
  for (const p of root.querySelectorAll('figure, .panel, table.cards tbody tr')) {
    if (box(p).right > document.documentElement.clientWidth + 1) out.push(`a panel wider than the page: ${p.querySelector('figcaption')?.textContent.slice(0, 40)}`);
  }
  return out;
}, mount);

for (const width of [1280, 390]) {
  test(`at ${width} px every figure’s formulas stay inside their panels after a run`, async () => {
    const found = {};
    for (const key of KEYS) {
      const { page, context, messages } = await openDev(browser, key, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      const mount = `#${MOUNTS[key] || `fig-${key}`}`;
      // run every transport to its end (reduced motion: Play jumps there) so the worked steps hold
      // their longest numbers
      for (const play of await page.locator(`${mount} [data-action="play"]`).all()) if (await play.isVisible()) await play.click();
      await page.waitForTimeout(200);
      const bad = await overflowing(page, mount);
      if (bad.length) found[key] = bad;
      assert.deepEqual(problems(messages), [], key);
      await context.close();
    }
    assert.deepEqual(found, {}, `at ${width} px`);
  });
}

test('at 1280 px every section of the lesson shares one column: their headings start at one left edge', async () => {
  const { open } = require('./helpers.js');
  const { page, context } = await open(browser, { viewport: { width: 1280, height: 900 } });
  const lefts = await page.$$eval('main section h2', (hs) => hs.map((h) => [h.closest('section').id, Math.round(h.getBoundingClientRect().left)]));
  assert.ok(lefts.length >= 10, String(lefts.length));
  const off = lefts.filter(([, x]) => x !== lefts[0][1]);
  assert.deepEqual(off, [], `the first heading starts at ${lefts[0][1]} px`);
  await context.close();
});
