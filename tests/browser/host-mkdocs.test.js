// A real host: a course site built by MkDocs (Debian's mkdocs, installed by build-scripts/setup)
// in a temporary directory, with one page that uses <adagrad-figure> in its Markdown and one
// that embeds dist/embed.html in an iframe. The built site is served by its own http server and
// opened from file:// too; no console problem, no request to another origin.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { launch, screenshotDir } = require('./helpers.js');
const { copyKit, serve, openHost, foreign, figureText } = require('./host-helpers.js');

// The theme is MkDocs' own ("mkdocs"). Its highlight.js comes from a CDN unless turned off, so
// highlightjs is false: the site then needs nothing from another origin (readthedocs, the other
// built-in theme, has the same switch). use_directory_urls is false so the built site also works
// from file:// (page.md becomes page.html beside index.html, and the raw <script src="lab/…">
// below is right on every page). No search plugin: its Web Worker is refused from file:// ("cannot
// be accessed from origin 'null'", a page error that is MkDocs', not the figure's; MkDocs 1.6 has
// an offline plugin for that, Debian 12's 1.4 has not).
const config = `site_name: Optimisation, week 3
site_description: Adaptive learning rates, with AdaGrad Lab's figures
use_directory_urls: false
plugins: []
theme:
  name: mkdocs
  highlightjs: false
nav:
  - Adaptive rates: index.md
  - The race: race.md
extra_javascript:
  - js/size-frames.js
`;

const elementPage = `# Adaptive rates

Gradient descent on a parabola, with the rate η = 0.5. Change η in the figure and watch.

<script src="lab/adagrad-lab.js"></script>
<adagrad-figure figure="parabola" lr="0.5" steps="40" id="parabola"></adagrad-figure>

AdaGrad divides each step by the root of the squared gradients so far.
`;

const framePage = `# The race

AdaGrad against plain gradient descent across a stretched bowl, in an iframe.

<iframe id="frame" title="AdaGrad Lab: the race" src="lab/embed.html#figure=race&amp;ada=0.8" style="width: 100%; border: 0; display: block"></iframe>

The iframe is sized by \`js/size-frames.js\`, which listens for the figure's height.
`;

// the host's sizing listener, as the embedding kit documents it
const sizeFrames = `addEventListener('message', (e) => {
  for (const f of document.querySelectorAll('iframe'))
    if (e.data?.type === 'adagrad-lab:height' && f.contentWindow === e.source) f.style.height = e.data.height + 'px';
});
`;

let browser, work, site, server, buildError;
before(async () => {
  const version = spawnSync('mkdocs', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    buildError = 'mkdocs is missing: run build-scripts/setup (it installs Debian\'s mkdocs package)';
    return;
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'adagrad-mkdocs-'));
  const docs = path.join(work, 'docs');
  fs.mkdirSync(path.join(docs, 'js'), { recursive: true });
  fs.writeFileSync(path.join(work, 'mkdocs.yml'), config);
  fs.writeFileSync(path.join(docs, 'index.md'), elementPage);
  fs.writeFileSync(path.join(docs, 'race.md'), framePage);
  fs.writeFileSync(path.join(docs, 'js', 'size-frames.js'), sizeFrames);
  copyKit(path.join(docs, 'lab'));
  const built = spawnSync('mkdocs', ['build', '--strict', '--quiet', '--site-dir', 'site'], { cwd: work, encoding: 'utf8' });
  if (built.status !== 0) { buildError = `mkdocs build failed:\n${built.stdout}${built.stderr}`; return; }
  site = path.join(work, 'site');
  server = await serve(site);
  browser = await launch();
  fs.mkdirSync(screenshotDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const at = (scheme, file) => (scheme === 'http' ? new URL(file, server.url).href : pathToFileURL(path.join(site, file)).href);

for (const scheme of ['http', 'file']) {
  test(`MkDocs (${scheme}): <adagrad-figure> in a Markdown page shows the parabola with its settings, inside the theme's column`, async () => {
    assert.ok(!buildError, buildError);
    const url = at(scheme, 'index.html');
    const { page, context, messages, requests } = await openHost(browser, url);
    const text = await figureText(page, '#parabola');
    assert.match(text, /After 40 steps from x₀ = 5 with η = 0\.5,/, 'the attributes are the settings');
    // it is MkDocs' page, and the figure fits the theme's content column
    assert.equal(await page.locator('.navbar').count(), 1, "MkDocs' theme is around the figure");
    const fit = await page.locator('#parabola').evaluate((h) => ({
      width: h.getBoundingClientRect().width,
      column: h.closest('[role="main"]').getBoundingClientRect().width,
      scroll: h.shadowRoot.querySelector('.adagrad-root').scrollWidth,
    }));
    assert.ok(fit.width > 300 && fit.width <= fit.column + 1, `figure ${fit.width} px in a ${fit.column} px column`);
    assert.ok(fit.scroll <= fit.width + 1, `the figure's content is ${fit.scroll} px wide in ${fit.width} px`);
    if (scheme === 'http') await page.screenshot({ path: path.join(screenshotDir, 'host-mkdocs-element-1280.png'), fullPage: true });
    assert.deepEqual(foreign(requests, url), [], 'nothing from another origin');
    assert.ok(requests.some((r) => r.endsWith('/lab/adagrad-lab/parabola.js')), "the figure's code came from the site");
    assert.deepEqual(messages, []);
    await context.close();
  });

  test(`MkDocs (${scheme}): embed.html in an iframe shows the race and is sized to its content by an extra_javascript listener`, async () => {
    assert.ok(!buildError, buildError);
    const url = at(scheme, 'race.html');
    const { page, context, messages, requests } = await openHost(browser, url);
    const frame = page.frameLocator('#frame');
    const text = await figureText(frame, 'adagrad-figure');
    assert.match(text, /finished at step \d+/, 'the race has run');
    assert.match(text, /AdaGrad \(η = 0\.8\)/, 'the hash is the settings');
    await page.waitForFunction(() => parseFloat(document.querySelector('#frame').style.height) > 600, null, { timeout: 10000 });
    await page.waitForTimeout(300);  // a last resize message, if any
    const outer = await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
    assert.ok(outer > 600 && Math.abs(outer - inner) <= 2, `the iframe is ${outer} px tall, its content ${inner} px`);
    if (scheme === 'http') await page.screenshot({ path: path.join(screenshotDir, 'host-mkdocs-iframe-1280.png'), fullPage: true });
    assert.deepEqual(foreign(requests, url), [], 'nothing from another origin');
    assert.deepEqual(messages, []);
    await context.close();
  });
}
