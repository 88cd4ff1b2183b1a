// The page follows the reader's colour scheme (prefers-color-scheme), canvases included: a chart
// is drawn on its scheme's background with its scheme's colours, the lines stand out from that
// background, the legends show the colours the canvas draws, and a change of scheme on an open
// page redraws every canvas without a reload.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// WCAG 2 relative luminance and contrast ratio of [r, g, b] (0–255)
const luminance = (rgb) => rgb.slice(0, 3).map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
const hexRgb = (hex) => { assert.match(hex, /^#[0-9a-f]{6}$/i, `${hex}: style.css writes drawn colours as #rrggbb`); return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)); };
const hue = ([r, g, b]) => {
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (!d) return NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};
const hueGap = (a, b) => { const d = Math.abs(a - b) % 360; return Math.min(d, 360 - d); };
// Chromium's advice when a test reads a canvas back many times, which the page itself never does
const pageProblems = (messages) => problems(messages).filter((m) => !/willReadFrequently/.test(m.text));

/** The custom properties `names` as the page resolves them now. */
const props = (page, names) => page.evaluate((names) => {
  const root = getComputedStyle(document.documentElement);
  return Object.fromEntries(names.map((n) => [n, root.getPropertyValue(n).trim()]));
}, names);

/** One canvas: its corner pixel (the plot background) and how many pixels are exactly `rgb`. */
const canvasProbe = (page, selector, colours) => page.evaluate(({ selector, colours }) => {
  const canvas = document.querySelector(selector);
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = colours.map(() => 0);
  for (let i = 0; i < data.length; i += 4) {
    colours.forEach((c, k) => { if (data[i] === c[0] && data[i + 1] === c[1] && data[i + 2] === c[2] && data[i + 3] === 255) counts[k]++; });
  }
  return { corner: [data[0], data[1], data[2], data[3]], counts };
}, { selector, colours });

// the parabola figure's "x against step" chart: AdaGrad's line ends in a filled dot
const CHART = '#fig-parabola .panel:nth-of-type(2) canvas';
// its legend entry's swatch (ui/legend.js): the SVG line painted in var(--adagrad)
const swatchColour = (page) => page.locator('#fig-parabola .panel:nth-of-type(2) .legend li', { hasText: 'AdaGrad' }).first()
  .locator('svg.swatch-svg line').evaluate((n) => getComputedStyle(n).stroke);

for (const colorScheme of ['light', 'dark']) {
  test(`in ${colorScheme} a chart is drawn on that scheme's background, AdaGrad's line stands out from it, and its legend swatch is the line's colour`, async () => {
    const { page, context, messages } = await openDev(browser, 'x2', { colorScheme });
    const p = await props(page, ['--surface', '--adagrad']);
    const surface = hexRgb(p['--surface']), adagrad = hexRgb(p['--adagrad']);
    const { corner, counts } = await canvasProbe(page, CHART, [adagrad]);
    assert.deepEqual(corner, [...surface, 255], 'the canvas is painted in the plot background');
    if (colorScheme === 'dark') assert.ok(luminance(corner) < 0.05, `dark background ${corner}`);
    else assert.ok(luminance(corner) > 0.9, `light background ${corner}`);
    assert.ok(counts[0] > 20, `AdaGrad's colour ${p['--adagrad']} is on the chart (${counts[0]} pixels)`);
    assert.ok(contrast(adagrad, corner) >= 3, `AdaGrad against the background: ${contrast(adagrad, corner).toFixed(2)}:1`);
    const swatch = await swatchColour(page);
    assert.equal(swatch, `rgb(${adagrad.join(', ')})`);
    assert.deepEqual(pageProblems(messages), []);
    await context.close();
  });
}

test('a change of scheme on an open page redraws every canvas in the new colours, and back, without a reload', async () => {
  const { page, context, messages } = await open(browser, { colorScheme: 'light' });
  await page.evaluate(() => { window.stillThisPage = true; });
  // every canvas that has been drawn: its corner pixel; and a spot of the spiral's heatmap with no point on it
  const corners = () => page.$$eval('canvas', (list) => list.filter((c) => c.width > 0 && c.height > 0).map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3]];
  }));
  const boardMiddle = () => page.$eval('#fig-spiral .heatmap-canvas', (c) => [...c.getContext('2d').getImageData(32, 12, 1, 1).data].slice(0, 3));
  const light = await props(page, ['--surface', '--adagrad']);
  const lightCorners = await corners();
  const drawn = lightCorners.map((c) => c[3] === 255);
  assert.ok(drawn.filter(Boolean).length >= 20, `${drawn.filter(Boolean).length} canvases drawn`);
  for (const c of lightCorners.filter((_, i) => drawn[i])) assert.deepEqual(c, [...hexRgb(light['--surface']), 255]);
  const lightBoard = await boardMiddle();

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const dark = await props(page, ['--surface', '--adagrad']);
  assert.notEqual(dark['--surface'], light['--surface']);
  assert.notEqual(dark['--adagrad'], light['--adagrad']);
  const darkCorners = await corners();
  darkCorners.forEach((c, i) => { if (drawn[i]) assert.deepEqual(c, [...hexRgb(dark['--surface']), 255], `canvas ${i} redrawn on the dark background`); });
  const { counts } = await canvasProbe(page, CHART, [hexRgb(light['--adagrad']), hexRgb(dark['--adagrad'])]);
  assert.equal(counts[0], 0, 'no pixel is left in the light AdaGrad colour');
  assert.ok(counts[1] > 20, `AdaGrad is drawn in its dark colour (${counts[1]} pixels)`);
  const darkBoard = await boardMiddle();
  assert.ok(luminance(darkBoard) < luminance(lightBoard) / 4, `the spiral board's heatmap follows the scheme: ${lightBoard} → ${darkBoard}`);
  const swatch = await swatchColour(page);
  assert.equal(swatch, `rgb(${hexRgb(dark['--adagrad']).join(', ')})`, 'the legend follows without being redrawn');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const back = await corners();
  back.forEach((c, i) => { if (drawn[i]) assert.deepEqual(c, lightCorners[i], `canvas ${i} back in light`); });
  assert.deepEqual(await boardMiddle(), lightBoard);
  assert.equal(await page.evaluate(() => window.stillThisPage), true, 'the page was not reloaded');
  assert.deepEqual(pageProblems(messages), []);
  await context.close();
});

test('in both schemes each drawn colour keeps its hue and stands out: 3:1 on the plot, 4.5:1 where it colours text', async () => {
  // the colours that are both lines on the canvases and coloured names in the text
  const named = ['--adagrad', '--other', '--momentum', '--nesterov', '--rmsprop', '--adam', '--orange', '--blue', '--bug', '--danger', '--accent'];
  const textGrounds = ['--bg', '--surface', '--soft', '--accent-tint'];
  const graphicsOnly = ['--class0', '--class1', '--ink', '--curve'];
  const seen = {};
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openDev(browser, 'x2', { colorScheme });
    const p = await props(page, [...named, ...textGrounds, ...graphicsOnly]);
    seen[colorScheme] = p;
    const low = [];
    for (const c of named) {
      for (const g of textGrounds) {
        const r = contrast(hexRgb(p[c]), hexRgb(p[g]));
        if (r < 4.5) low.push(`${c} on ${g}: ${r.toFixed(2)}:1`);
      }
    }
    for (const c of ['--class0', '--class1', '--ink']) {
      const r = contrast(hexRgb(p[c]), hexRgb(p['--surface']));
      if (r < 3) low.push(`${c} on --surface: ${r.toFixed(2)}:1`);
    }
    assert.deepEqual(low, [], colorScheme);
    // the spiral's two classes read apart by hue, not only by lightness
    assert.ok(hueGap(hue(hexRgb(p['--class0'])), hue(hexRgb(p['--class1']))) > 120, `${colorScheme}: classes ${p['--class0']} and ${p['--class1']}`);
    await context.close();
  }
  // each colour keeps its identity: the dark value is the same hue family as the light one
  for (const c of [...named, '--class0', '--class1']) {
    const a = hue(hexRgb(seen.light[c])), b = hue(hexRgb(seen.dark[c]));
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    assert.ok(hueGap(a, b) <= 25, `${c}: ${seen.light[c]} (hue ${a.toFixed(0)}) and ${seen.dark[c]} (hue ${b.toFixed(0)})`);
  }
});
