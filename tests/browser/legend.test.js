// One visual language: every legend on the lesson is the one component (ui/legend.js), whose
// swatches draw a line's real dash pattern; and an optimizer looks the same in every figure
// (AdaGrad's colour in every legend, the race's rows and the comparison table is one colour).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every legend is one component, and each optimizer keeps one colour and dash across figures', async () => {
  const { page, context, messages } = await open(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  for (const play of await page.locator('[data-action="play"]').all()) if (await play.isVisible()) await play.click();
  const found = await page.evaluate(() => {
    // colours are set as var(--…) so that legends follow the scheme: compare what is painted
    const paint = (node, which) => (node ? getComputedStyle(node)[which] : undefined);
    const entries = [...document.querySelectorAll('main ul.legend > li')].map((li) => {
      const svg = li.querySelector(':scope > svg.swatch-svg');
      const line = svg?.querySelector('line');
      return { figure: li.closest('.figure-body')?.id, label: li.textContent.trim(), swatch: !!svg,
        color: paint(line || svg?.querySelector('circle, rect, polygon, path'), line ? 'stroke' : 'fill'),
        dash: line?.getAttribute('stroke-dasharray') || '' };
    });
    const others = [...document.querySelectorAll('main ul:not(.legend) li > span.swatch, main .legend:not(ul)')].length;
    const tableSwatches = [...document.querySelectorAll('#fig-compare table .opt-name')].map((n) => ({
      label: n.textContent.trim(), color: paint(n.querySelector('svg.swatch-svg line'), 'stroke') }));
    const racers = [...document.querySelectorAll('.racer')].map((n) => ({
      label: n.querySelector('.racer-name')?.textContent.trim(), color: paint(n.querySelector('svg.swatch-svg line'), 'stroke') }));
    return { entries, others, tableSwatches, racers };
  });
  assert.ok(found.entries.length >= 20, `${found.entries.length} legend entries`);
  assert.deepEqual(found.entries.filter((e) => !e.swatch), [], 'entries without the shared swatch');
  assert.equal(found.others, 0, 'no other legend markup');
  const adagrad = [...found.entries.filter((e) => /^AdaGrad\b/.test(e.label)), ...found.tableSwatches, ...found.racers]
    .filter((e) => /^AdaGrad\b/.test(e.label));
  assert.ok(adagrad.length >= 6, JSON.stringify(adagrad));
  assert.deepEqual([...new Set(adagrad.map((e) => e.color.toLowerCase()))], [adagrad[0].color.toLowerCase()], JSON.stringify(adagrad));
  // dashed lines are drawn with their pattern: RMSProp's is the same short dot everywhere
  const rms = found.entries.filter((e) => /^RMSProp\b/.test(e.label));
  assert.ok(rms.length >= 2 && rms.every((e) => e.dash === rms[0].dash && e.dash !== ''), JSON.stringify(rms));
  assert.deepEqual(problems(messages), []);
  await context.close();
});
