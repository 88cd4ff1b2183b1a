// The formulas as drawn, measured: ε inside the root sits under the radical's bar, ε outside
// sits after the radical; both in the update figure's placement part and in the step table's
// worked row, at 1280 and 390 px, over http and from file://, with the page's math font loaded.
// (Hand-built MathML without a math font drew √(G + ε) and √G + ε alike.)
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems, httpUrl, fileUrl } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FONT = 'AdaGrad Lab Math';

/** For each ε in the formulas inside `scope` (a locator): its box and the box of the radical it
 *  belongs with, found by geometry (the last <msqrt> of its formula that starts left of it). */
function epsBoxes(scope) {
  return scope.locator('math .eps').evaluateAll((list) => list.map((eps) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }; };
    const e = box(eps);
    const roots = [...eps.closest('math').querySelectorAll('msqrt')].map(box).filter((r) => r.left < e.left);
    return { text: eps.textContent, eps: e, root: roots[roots.length - 1] || null };
  }));
}

function assertInside(m, where) {
  assert.ok(m.root, `${where}: ε "${m.text}" has a root before it`);
  assert.ok(m.eps.width > 0 && m.eps.height > 0, `${where}: ε is drawn`);
  assert.ok(m.eps.left >= m.root.left && m.eps.right <= m.root.right + 0.5,
    `${where}: ε [${m.eps.left}, ${m.eps.right}] lies under the bar of √ [${m.root.left}, ${m.root.right}]`);
  // the bar is the radical's top edge: ε's glyph box starts below it
  assert.ok(m.eps.top > m.root.top + 1, `${where}: ε's top ${m.eps.top} is below the bar at ${m.root.top}`);
}

function assertOutside(m, where) {
  assert.ok(m.root, `${where}: ε "${m.text}" has a root before it`);
  assert.ok(m.eps.width > 0 && m.eps.height > 0, `${where}: ε is drawn`);
  assert.ok(m.eps.left >= m.root.right - 0.5, `${where}: ε starts at ${m.eps.left}, right of the radical ending at ${m.root.right}`);
}

async function assertFontInUse(page, where) {
  const state = await page.evaluate(async (family) => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === family);
    const math = document.querySelector('math');
    return { statuses: faces.map((f) => f.status), family: math && getComputedStyle(math).fontFamily, check: document.fonts.check(`16px "${family}"`) };
  }, FONT);
  assert.deepEqual(state.statuses, ['loaded'], `${where}: the math font loaded (${JSON.stringify(state)})`);
  assert.ok(state.check, `${where}: document.fonts.check finds the math font ready`);
  assert.match(state.family, new RegExp(`^"?${FONT}"?,`), `${where}: formulas ask for the math font first`);
}

const places = [['file://', fileUrl], ...(httpUrl ? [['http', httpUrl]] : [])];
for (const [scheme, url] of places) {
  for (const width of [1280, 390]) {
    test(`${scheme} at ${width} px: ε under the bar when inside, after the root when outside; the math font in use`, async () => {
      const { page, context, messages } = await open(browser, { url, viewport: { width, height: 900 } });
      const where = `${scheme} ${width}px`;

      // the update figure's placement part: the two rules side by side before a step…
      const part = page.locator('#fig-update .update-part').first();
      await part.locator('[data-action="reset"]').click();
      const formula = part.locator('.update-formula');
      const named = await epsBoxes(formula);
      assert.equal(named.length, 2, `${where}: the two written-out rules`);
      assertOutside(named[0], `${where} update, outside rule`);
      assertInside(named[1], `${where} update, inside rule`);
      // …and worked with numbers after one: each block has an ε-outside and an ε-inside line
      await part.locator('[data-action="step"]').click();
      const lines = await formula.locator('dt').evaluateAll((dts) => dts.map((dt) => dt.className));
      const worked = await epsBoxes(formula);
      const labels = lines.filter((c) => /eps-(inside|outside)/.test(c));
      assert.equal(worked.length, labels.length, `${where}: one ε per worked rate`);
      assert.ok(worked.length >= 2);
      worked.forEach((m, i) => {
        assert.match(m.text, /^\d/, `${where}: the worked ε is a number (${m.text})`);
        (labels[i] === 'eps-inside' ? assertInside : assertOutside)(m, `${where} update, worked ${labels[i]} #${i}`);
      });

      // the step table: its worked row and its rule, ε outside (the default), then inside
      const table = page.locator('#table .formula');
      const check = async (place) => {
        const found = await epsBoxes(table);
        assert.equal(found.length, 1, `${where}: one ε in the table's formula`);
        (place === 'inside' ? assertInside : assertOutside)(found[0], `${where} table ${place} (${found[0].text})`);
        return found[0].text;
      };
      for (const place of ['outside', 'inside']) {
        if (place === 'inside') await page.selectOption('#table select[data-field="eps_placement"]', 'inside');
        await page.click('#table [data-action="clear"]');
        assert.equal(await check(place), 'ε', `${where}: the table's rule, ${place}`);
        await page.click('#table [data-action="next"]');
        assert.equal(await check(place), '1e-8', `${where}: the table's worked rate, ${place}`);
      }

      // ε has one colour, which is not the text's
      const colours = await page.$$eval('math .eps', (list) => [...new Set(list.map((e) => getComputedStyle(e).color))]);
      assert.equal(colours.length, 1, `${where}: ε drawn in one colour (${colours})`);
      assert.notEqual(colours[0], await page.evaluate(() => getComputedStyle(document.body).color));

      await assertFontInUse(page, where);
      assert.deepEqual(problems(messages), []);
      await context.close();
    });
  }
}
