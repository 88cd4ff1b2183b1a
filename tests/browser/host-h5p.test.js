// dist/adagrad-lab.h5p, the H5P content type (web/h5p/, packed by build-scripts/build-h5p), played
// by h5p-standalone (npm, its dist/ copied from node_modules: no CDN) as a course platform plays
// it: the package extracted into dist/hosts/h5p/, its figure in H5P's iframe.
// Over http only: h5p-standalone reads h5p.json, content.json and library.json with fetch(),
// which Chromium refuses for file:// URLs ("Access to fetch at 'file:///…/race/h5p.json' from
// origin 'null' has been blocked by CORS policy"), so an H5P package cannot be played from disk.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, open, problems, httpUrl, screenshotDir, root } = require('./helpers.js');

const dist = process.env.ADAGRAD_DIST || path.join(root, 'dist');
const hosts = path.join(dist, 'hosts', 'h5p');
const skip = httpUrl ? false : 'H5P content is played over http only (set ADAGRAD_BASE_URL)';
const urlOf = (file) => new URL(`hosts/h5p/${file}`, httpUrl).href;
const LIBRARY = 'H5P.AdagradLabFigure-1.0';

// a host page with one H5P player; host.js marks the page ready once the figure in H5P's iframe is
const page = (folder) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A course page with H5P</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="host.css">
<script src="player/main.bundle.js"></script>
</head><body data-content="${folder}"><main><h1>Week 3: adaptive rates</h1>
<p>The race below is an H5P activity.</p>
<div id="h5p"></div>
</main><script src="host.js"></script></body></html>`;

/** Writes a content folder: the extracted package with these parameters in content/content.json. */
function content(folder, params) {
  const dir = path.join(hosts, folder);
  fs.cpSync(path.join(hosts, 'race'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'content', 'content.json'), JSON.stringify(params));
  fs.writeFileSync(path.join(hosts, `${folder}.html`), page(folder));
}

let browser;
before(async () => {
  if (skip) return;
  fs.rmSync(hosts, { recursive: true, force: true });
  fs.mkdirSync(hosts, { recursive: true });
  // the package as built, extracted as h5p-standalone needs it (python3's zipfile: no unzip needed)
  execFileSync('python3', ['-m', 'zipfile', '-e', path.join(dist, 'adagrad-lab.h5p'), path.join(hosts, 'race')]);
  fs.writeFileSync(path.join(hosts, 'race.html'), page('race'));
  fs.cpSync(path.join(root, 'node_modules', 'h5p-standalone', 'dist'), path.join(hosts, 'player'), { recursive: true });
  fs.writeFileSync(path.join(hosts, 'host.css'), 'body { font: 18px/1.5 serif; margin: 0 auto; max-width: 1100px; padding: 0 16px; }\n');
  fs.writeFileSync(path.join(hosts, 'host.js'), `
const folder = document.body.dataset.content;
new H5PStandalone.H5P(document.getElementById('h5p'), {
  h5pJsonPath: './' + folder, frameJs: './player/frame.bundle.js', frameCss: './player/styles/h5p.css',
}).then(() => {
  const frame = document.querySelector('iframe.h5p-iframe');
  const poll = setInterval(() => {
    const figure = frame.contentDocument && frame.contentDocument.querySelector('adagrad-figure');
    // drawn, or failed (its status says why, and the test's assertions show it)
    if (figure && (figure.dataset.ready === 'true' || figure.shadowRoot.querySelector('.status.danger:not([hidden])'))) {
      clearInterval(poll);
      document.documentElement.dataset.ready = 'true';
    }
  }, 50);
}, (error) => console.error('H5P did not start:', error));
`);
  content('parabola', { figure: 'parabola', settings: [{ name: 'lr', value: '0.5' }, { name: 'steps', value: '40' }] });
  // H5P's validator stores plain text HTML-escaped: "1&amp;2" is the text 1&2
  content('refused', { figure: 'parabola', settings: [{ name: 'lr', value: 'banana' }, { name: 'colour', value: 'red' },
    { name: 'x0', value: '1&amp;2' }, { name: 'style', value: 'display: none' }] });
  // Moodle and WordPress aggregate: a content's preloaded scripts, joined into one file in a folder
  // of their own (cachedassets/HASH.js, each script followed by ";\n" as H5P's cacheAssets does),
  // replace the library's files in the page. The same here.
  content('aggregated', { figure: 'race', settings: [{ name: 'ada', value: '0.8' }] });
  const library = path.join(hosts, 'aggregated', LIBRARY, 'library.json');
  const json = JSON.parse(fs.readFileSync(library, 'utf8'));
  fs.mkdirSync(path.join(hosts, 'aggregated', 'cachedassets'));
  fs.writeFileSync(path.join(hosts, 'aggregated', 'cachedassets', '5f2c9e.js'),
    json.preloadedJs.map(({ path: file }) => `${fs.readFileSync(path.join(hosts, 'aggregated', LIBRARY, file), 'utf8')};\n`).join(''));
  json.preloadedJs = [{ path: '../cachedassets/5f2c9e.js' }];
  fs.writeFileSync(library, JSON.stringify(json));
  browser = await launch();
});
after(async () => { await browser?.close(); });

// the figure in H5P's iframe, read through its open shadow root
const inFigure = (p, read) => p.frameLocator('iframe.h5p-iframe').locator('adagrad-figure').evaluate(read);
const shadowText = (host) => host.shadowRoot.textContent;

test('the packed race in H5P: the figure runs with the settings of content.json, its code comes from the library folder, and the iframe fits it', { skip }, async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('race.html') });
  const text = await inFigure(p, shadowText);
  assert.match(text, /finished at step \d+/, 'the race has run');
  assert.match(text, /AdaGrad \(η = 0\.8\)/, 'content.json sets ada=0.8');
  // adagrad-lab.js found its figure's file beside it, in the library's folder
  const loaded = await p.frameLocator('iframe.h5p-iframe').locator('html').evaluate(() =>
    performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.ok(loaded.includes(`/hosts/h5p/race/${LIBRARY}/adagrad-lab/race.js`), loaded.join(', '));
  // only the race's code, and the files of code it shares with some other figures and the
  // formulas' font (build-scripts/bundle.mjs), nothing of another figure
  assert.ok(!loaded.some((n) => /adagrad-lab\/(?!(race|shared-[0-9a-f]{8}|font)\.js$)/.test(n)), `only the race's code: ${loaded.join(', ')}`);
  // adagrad-lab-base.js's stand-in for document.currentScript is gone again
  assert.equal(await p.frameLocator('iframe.h5p-iframe').locator('html').evaluate(() => document.currentScript), null);
  // H5P's resizer follows the figure: the iframe is as tall as the H5P content inside it
  const iframeHeight = () => p.locator('iframe.h5p-iframe').evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () => p.frameLocator('iframe.h5p-iframe').locator('.h5p-content').evaluate((c) => c.getBoundingClientRect().height);
  await p.waitForFunction(() => document.querySelector('iframe.h5p-iframe').getBoundingClientRect().height > 400, null, { timeout: 10000 })
    .catch(() => {});   // the heights below say what went wrong
  await p.waitForTimeout(300);
  const [frame, inside] = [await iframeHeight(), await contentHeight()];
  assert.ok(Math.abs(frame - inside) <= 2, `the iframe is ${frame} px tall, its content ${inside} px`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, 'h5p-race-1280.png');
  await p.screenshot({ path: file, fullPage: true });
  assert.ok(fs.statSync(file).size > 30000);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('another content of the same package, the parabola: its own figure and settings', { skip }, async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('parabola.html') });
  const text = await inFigure(p, (host) => host.shadowRoot.querySelector('.explain')?.textContent || '');
  assert.match(text, /After 40 steps from x₀ = 5 with η = 0\.5,/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('refused settings in content.json are named in the figure, which runs with its defaults', { skip }, async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('refused.html') });
  const text = await inFigure(p, shadowText);
  assert.match(text, /Ignored lr=“banana”: it is not a number[^.]*; the figure uses the default, 0\.1\./);
  assert.match(text, /Ignored “colour”: the parabola figure has no such setting/);
  assert.match(text, /Ignored x0=“1&2”/, "the value is read back from H5P's escaped text");
  assert.match(text, /with η = 0\.1,/, 'the default rate is used');
  // a name that is an attribute of the element, not a setting, is refused by the content type
  const notice = await p.frameLocator('iframe.h5p-iframe').locator('.h5p-adagrad-lab-notice').textContent();
  assert.match(notice, /Ignored “style”/);
  assert.equal(await inFigure(p, (host) => host.hasAttribute('style')), false);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('with the scripts aggregated into one file elsewhere, as Moodle and WordPress serve them, the figure still finds its code in the library folder', { skip }, async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('aggregated.html') });
  const text = await inFigure(p, shadowText);
  assert.match(text, /finished at step \d+/);
  assert.match(text, /AdaGrad \(η = 0\.8\)/);
  const scripts = await p.frameLocator('iframe.h5p-iframe').locator('html').evaluate(() =>
    [...document.scripts].filter((s) => s.src).map((s) => new URL(s.src).pathname));
  // the race's file, and the shared files and font it needs, all from the library folder
  const ours = scripts.filter((n) => !/^\/hosts\/h5p\/(player\/frame\.bundle|aggregated\/cachedassets\/5f2c9e)\.js$/.test(n));
  assert.deepEqual(scripts.slice(0, 2), ['/hosts/h5p/player/frame.bundle.js', '/hosts/h5p/aggregated/cachedassets/5f2c9e.js']);
  assert.ok(ours.includes(`/hosts/h5p/aggregated/${LIBRARY}/adagrad-lab/race.js`), scripts.join(', '));
  for (const n of ours) assert.match(n, new RegExp(`^/hosts/h5p/aggregated/${LIBRARY.replace(/\./g, '\\.')}/adagrad-lab/(race|shared-[0-9a-f]{8}|font)\\.js$`));
  assert.deepEqual(problems(messages), []);
  await context.close();
});
