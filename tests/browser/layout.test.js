// The lesson's layout for every reader: the first screen holds a figure one can use, at a desktop
// and a phone size; long asides and reference tables fold into disclosures, and the ones that
// only cost a phone screens of scrolling (the contents, the library table) are open on a wide
// window, folded on a phone, and follow the window across that width.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width} × ${viewport.height} the first screen holds the first figure’s controls, usable`, async () => {
    const { page, context, messages } = await open(browser, { viewport });
    const first = await page.evaluate(() => {
      const figure = document.querySelector('main .figure-body');
      const control = figure.querySelector('input, select, button');
      const box = control.getBoundingClientRect();
      return { figure: figure.id, top: box.top, bottom: box.bottom, height: innerHeight, field: control.dataset.field || control.dataset.action };
    });
    assert.equal(first.figure, 'fig-why');
    assert.ok(first.bottom <= first.height, `the first control (${first.field}) ends at ${Math.round(first.bottom)} px, below the first screen (${first.height} px)`);
    // and it works from there: a rarer gradient reruns the figure and changes what its caption says
    const before = await page.locator('#fig-why .fig-caption').first().innerText();
    await page.locator('#fig-why input[data-field="rare"]').first().fill('0.3');
    await page.locator('#fig-why input[data-field="rare"]').first().press('Enter');
    await page.waitForFunction((before) => document.querySelector('#fig-why .fig-caption').innerText !== before, before);
    assert.deepEqual(problems(messages), []);
    await context.close();
  });
}

test('the contents and the library table are open on a wide window, folded on a phone, and follow a resize', async () => {
  const { page, context, messages } = await open(browser, { viewport: { width: 390, height: 844 } });
  const state = () => page.evaluate(() => ({
    toc: document.querySelector('details.toc').open,
    tocLinks: document.querySelector('details.toc nav a').checkVisibility(),
    libs: document.querySelector('#fig-update details.libs-fold').open,
  }));
  assert.deepEqual(await state(), { toc: false, tocLinks: false, libs: false });
  await page.locator('details.toc > summary').click();
  assert.equal((await state()).tocLinks, true, 'the contents open from their summary');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => document.querySelector('#fig-update details.libs-fold').open);
  assert.deepEqual(await state(), { toc: true, tocLinks: true, libs: true });
  assert.equal(await page.locator('details.toc > summary').isVisible(), false, 'no summary for contents always shown');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => !document.querySelector('#fig-update details.libs-fold').open);
  assert.equal((await state()).toc, false);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('asides fold under a summary a keyboard opens; a figure’s instructions stay in view', async () => {
  const { page, context, messages } = await open(browser, { viewport: { width: 1280, height: 800 } });
  const folded = await page.evaluate(() => [...document.querySelectorAll('main details.more:not(.libs-fold)')]
    .map((d) => ({ section: d.closest('section').id, open: d.open, summary: d.querySelector('summary').textContent.trim() })));
  assert.ok(folded.length >= 5, JSON.stringify(folded));
  assert.ok(folded.every((d) => !d.open && d.summary.length > 10), JSON.stringify(folded));
  // what a figure needs to be used is never folded: "Press Play" and "Type your own review" are in view
  for (const [section, words] of [['why', 'Press Play'], ['text', 'Type your own review']]) {
    const shown = await page.locator(`#${section} > p.prose`, { hasText: words }).count();
    assert.equal(shown, 1, `#${section}: “${words}” outside any disclosure`);
  }
  const summary = page.locator('#pitfall details.more > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#pitfall details.more').evaluate((d) => d.open), true);
  assert.ok(await page.locator('#pitfall details.more p').isVisible());
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('on a phone a figure’s transport and its shared legend stay on screen over its lower panels', async () => {
  const { page, context, messages } = await open(browser, { viewport: { width: 390, height: 844 } });
  for (const id of ['fig-why', 'fig-fading', 'fig-pitfall']) {
    await page.evaluate((id) => { const panels = document.querySelectorAll(`#${id} figure.panel`); panels[panels.length - 1].scrollIntoView({ block: 'end' }); }, id);
    await page.waitForTimeout(100);
    const got = await page.evaluate((id) => {
      const fig = document.getElementById(id);
      const t = fig.querySelector(':scope > .transport').getBoundingClientRect();
      const l = fig.querySelector(':scope > ul.legend, :scope > .shared-legend').getBoundingClientRect();
      return { transportTop: t.top, transportBottom: t.bottom, legendTop: l.top, legendBottom: l.bottom };
    }, id);
    assert.ok(got.transportTop >= -1 && got.transportTop < 2, `${id}: transport at the top of the screen ${JSON.stringify(got)}`);
    assert.ok(Math.abs(got.legendTop - got.transportBottom) < 2, `${id}: legend right under it ${JSON.stringify(got)}`);
    assert.ok(got.legendBottom < 844 / 3, `${id}: together they leave most of the screen to the panels ${JSON.stringify(got)}`);
  }
  assert.deepEqual(problems(messages), []);
  await context.close();
});
