// A real host: a reveal.js deck (reveal.js from npm, pinned in package.json, its dist/ copied next
// to the deck: no CDN) with <adagrad-figure> on slide 2, written into a temporary directory,
// served by its own http server and opened from file:// too.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { launch, screenshotDir, root } = require('./helpers.js');
const { copyKit, serve, openHost, foreign, figureText } = require('./host-helpers.js');

const revealDist = path.join(root, 'node_modules', 'reveal.js', 'dist');

const deck = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Adaptive rates: a lecture</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="reveal/reset.css">
<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="reveal/theme/white.css">
<script src="lab/adagrad-lab.js"></script>
</head><body>
<div class="reveal"><div class="slides">
<section><h2>Adaptive rates</h2><p>Week 3 of Optimisation</p></section>
<section id="slide-figure"><h3>AdaGrad on x²</h3>
<adagrad-figure figure="parabola" lr="0.5" steps="40" id="parabola"></adagrad-figure></section>
<section><h2>What next</h2><p>RMSProp forgets old gradients.</p></section>
</div></div>
<script src="reveal/reveal.js"></script>
<script src="deck.js"></script>
</body></html>
`;

// the deck's own script: Reveal with its defaults (the slide transition, the 960×700 slide scaled
// by a CSS transform to the window), the slide in the address
const deckJs = `Reveal.initialize({ hash: true }).then(() => { document.documentElement.dataset.ready = 'true'; });
`;

let browser, work, server;
before(async () => {
  assert.ok(fs.existsSync(path.join(revealDist, 'reveal.js')), 'reveal.js is missing from node_modules: run build-scripts/setup');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adagrad-reveal-'));
  fs.cpSync(revealDist, path.join(work, 'reveal'), { recursive: true });
  copyKit(path.join(work, 'lab'), { embed: false });
  fs.writeFileSync(path.join(work, 'index.html'), deck);
  fs.writeFileSync(path.join(work, 'deck.js'), deckJs);
  server = await serve(work);
  browser = await launch();
  fs.mkdirSync(screenshotDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const at = (scheme) => (scheme === 'http' ? server.url : pathToFileURL(path.join(work, 'index.html')).href);
const explain = (page) => page.locator('#parabola').evaluate((h) => h.shadowRoot.querySelector('.explain')?.textContent || '');
const slide = (page) => page.evaluate(() => Reveal.getIndices().h);
// on slide h, with the slide transition over: the slide stands where the slides' box is
const settle = (page, h) => page.waitForFunction((n) => {
  if (Reveal.getIndices().h !== n) return false;
  const at = Reveal.getCurrentSlide().getBoundingClientRect();
  const box = document.querySelector('.reveal .slides').getBoundingClientRect();
  return Math.abs(at.left - box.left) < 0.5 && getComputedStyle(Reveal.getCurrentSlide()).opacity === '1';
}, h, { timeout: 10000 });

async function openDeck(scheme) {
  const url = at(scheme);
  const opened = await openHost(browser, url);
  await opened.page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { url, ...opened };
}

for (const scheme of ['http', 'file']) {
  test(`reveal.js (${scheme}): the figure on slide 2 shows its numbers, survives leaving and coming back, and follows an attribute`, async () => {
    const { url, page, context, messages, requests } = await openDeck(scheme);
    assert.equal(await slide(page), 0);
    await page.keyboard.press('ArrowRight');
    await settle(page, 1);
    assert.match(await figureText(page, '#parabola'), /After 40 steps from x₀ = 5 with η = 0\.5,/, 'the attributes are the settings');
    // the slide is scaled by a transform; the figure is as wide as the slide and its content fits
    const fit = await page.locator('#parabola').evaluate((h) => ({
      slide: document.querySelector('#slide-figure').getBoundingClientRect().width,
      width: h.getBoundingClientRect().width,
      scroll: h.shadowRoot.querySelector('.adagrad-root').scrollWidth,
      inner: h.offsetWidth,
      canvases: [...h.shadowRoot.querySelectorAll('canvas')].map((c) => [c.width, c.getBoundingClientRect().width]),
    }));
    assert.ok(fit.width > 0.9 * fit.slide && fit.width <= fit.slide + 1, `figure ${fit.width} px on a ${fit.slide} px slide`);
    assert.ok(fit.scroll <= fit.inner + 1, `the figure's content is ${fit.scroll} px wide in ${fit.inner} px`);
    // the charts are drawn for their size on screen (the slide's scale included), so not blurred
    assert.ok(fit.canvases.length >= 3);
    for (const [backing, shown] of fit.canvases) assert.ok(Math.abs(backing - shown) <= 2, `canvas ${backing} px drawn for ${shown} px on screen`);
    if (scheme === 'http') await page.screenshot({ path: path.join(screenshotDir, 'host-reveal-slide2-1280.png') });
    // to slide 3 and back
    await page.keyboard.press('ArrowRight');
    await settle(page, 2);
    await page.keyboard.press('ArrowLeft');
    await settle(page, 1);
    assert.match(await explain(page), /After 40 steps from x₀ = 5 with η = 0\.5,/);
    // the deck's author changes a setting
    await page.locator('#parabola').evaluate((h) => h.setAttribute('lr', '0.05'));
    await page.waitForFunction(() => /with η = 0\.05,/.test(document.querySelector('#parabola').shadowRoot.querySelector('.explain').textContent),
      null, { timeout: 10000 });
    assert.equal(await page.locator('#parabola').evaluate((h) => h.shadowRoot.querySelector('input[data-field="lr"]').value), '0.05');
    assert.equal(await slide(page), 1);
    assert.deepEqual(foreign(requests, url), [], 'nothing from another origin');
    assert.ok(requests.some((r) => r.endsWith('/reveal/reveal.js')), "reveal.js came from the deck's folder");
    assert.deepEqual(messages, []);
    await context.close();
  });
}

// reveal.js decides whether a key is typing by looking at document.activeElement, which for a
// field inside the figure's shadow root is the <adagrad-figure> itself; the element keeps its
// fields' keys to itself (web/src/embed/element.js), so "." in the η field does not pause the deck
// and ArrowRight on a slider moves the slider, not the slide.
test('reveal.js: typing in a figure field and moving its slider stay in the figure', async () => {
  const { page, context, messages } = await openDeck(server ? 'http' : 'file');
  await page.keyboard.press('ArrowRight');
  await settle(page, 1);
  await figureText(page, '#parabola');
  const field = page.locator('#parabola input[data-field="lr"]');
  await field.fill('');
  await field.pressSequentially('0.05');
  await field.press('Enter');
  assert.equal(await field.inputValue(), '0.05', 'the field got every key');
  assert.equal(await page.evaluate(() => Reveal.isPaused()), false, 'the deck is not paused');
  await page.waitForFunction(() => /with η = 0\.05,/.test(document.querySelector('#parabola').shadowRoot.querySelector('.explain').textContent),
    null, { timeout: 5000 });
  await page.locator('#parabola input[data-slider="lr"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  assert.equal(await slide(page), 1, 'the slider moved, not the deck');
  assert.deepEqual(messages, []);
  await context.close();
});
