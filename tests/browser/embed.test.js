// Figures in other people's pages: <adagrad-figure> from dist/adagrad-lab.js, and dist/embed.html
// in a sandboxed iframe. The host pages are written into dist/hosts/ here, served like the rest
// of dist/ (and opened from file://), under the strict policy a course platform may set.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { launch, open, problems, httpUrl, root } = require('./helpers.js');

const dist = process.env.ADAGRAD_DIST || path.join(root, 'dist');
const hosts = path.join(dist, 'hosts');
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:";
const urlOf = (file) => (httpUrl ? new URL(`hosts/${file}`, httpUrl).href : pathToFileURL(path.join(hosts, file)).href);
const bases = () => [httpUrl ? 'http' : null, 'file'].filter(Boolean);
const at = (scheme, file) => (scheme === 'http' ? new URL(`hosts/${file}`, httpUrl).href : pathToFileURL(path.join(hosts, file)).href);

const page = (body, { head = '', csp = CSP } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A course page</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="host.css">
<script src="../adagrad-lab.js"></script>
<script src="spy.js"></script>
${head}</head><body><main><h1>Week 3: adaptive rates</h1>
${body}
</main><script src="host.js"></script></body></html>`;

let browser;
before(async () => {
  fs.mkdirSync(hosts, { recursive: true });
  // the host's own styles: loud, and aimed at everything, to show that none of it reaches in
  fs.writeFileSync(path.join(hosts, 'host.css'), `
html { font-size: 10px; }
body { font: 30px/3 serif; color: rgb(200, 0, 0); }
p, span, label, button, input { color: rgb(200, 0, 0) !important; font-family: serif !important; }
.narrow { width: 320px; }
iframe { width: 100%; border: 0; display: block; }
`);
  // the host's script: marks the page ready once every figure is, and sizes embed iframes
  fs.writeFileSync(path.join(hosts, 'host.js'), `
const figures = [...document.querySelectorAll('adagrad-figure')];
const ready = () => { if (figures.every((f) => f.dataset.ready === 'true')) document.documentElement.dataset.ready = 'true'; };
for (const f of figures) f.addEventListener('adagrad-figure-ready', ready);
ready();
addEventListener('message', (e) => {
  if (!e.data || e.data.type !== 'adagrad-lab:height') return;
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentWindow === e.source) {
    frame.style.height = e.data.height + 'px';
    document.documentElement.dataset.ready = 'true';
  }
});
`);
  // counts how often the core is started (the elements share one)
  fs.writeFileSync(path.join(hosts, 'spy.js'), `
window.coreStarts = 0;
const start = window.AdagradLab;
window.AdagradLab = (...args) => { window.coreStarts++; return start(...args); };
`);
  fs.writeFileSync(path.join(hosts, 'two.html'), page(`
<p class="panel status" id="outside">The host's own paragraph, with class names the figure also uses.</p>
<adagrad-figure figure="race" id="race"></adagrad-figure>
<div class="narrow"><adagrad-figure figure="parabola" lr="0.5" steps="40" id="parabola"></adagrad-figure></div>`));
  fs.writeFileSync(path.join(hosts, 'refused.html'), page(`
<adagrad-figure figure="parabola" lr="banana" colour="red" id="bad"></adagrad-figure>
<adagrad-figure figure="parabol" id="unknown" data-ready="true"></adagrad-figure>`,
  // a page that loads the script twice (two embeds pasted in) keeps working
  { head: '<script src="../adagrad-lab.js"></script>' }));
  fs.writeFileSync(path.join(hosts, 'iframe.html'), page(`
<iframe id="frame" sandbox="allow-scripts" title="AdaGrad Lab: the race" src="../embed.html#figure=race&amp;ada=0.8"></iframe>`,
  { csp: `${CSP}; frame-src 'self'` }));
  browser = await launch();
});
after(async () => { await browser?.close(); });

// text of a figure, read through its open shadow root
const figureText = (p, id) => p.locator(`#${id}`).evaluate((host) => host.shadowRoot.textContent);

for (const scheme of bases()) {
  test(`two elements on a course page under a strict policy (${scheme}): each shows its figure with its settings, shares one core and loads only its own code`, async () => {
    const { page: p, context, messages } = await open(browser, { url: at(scheme, 'two.html') });
    const race = await figureText(p, 'race');
    assert.match(race, /finished at step \d+/, 'the race has run');
    const parabola = await p.locator('#parabola').evaluate((host) => host.shadowRoot.querySelector('.explain')?.textContent || '');
    assert.match(parabola, /After 40 steps from x₀ = 5 with η = 0\.5,/, 'the attributes are the settings');
    // one core for both, and only what the two figures need
    // the page's scripts: its own three, the two figures' files, and the files of code that only
    // figures share (build/web/chunks.json: the formulas, the contour plots) and the formulas'
    // font, nothing else: no other figure's file, nothing of the lesson
    const scripts = await p.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname.split('/').slice(-2).join('/')));
    const files = scripts.filter((n) => n.startsWith('adagrad-lab/'));
    const figureFiles = files.filter((n) => !/^adagrad-lab\/(shared-[0-9a-f]{8}|font)\.js$/.test(n));
    assert.deepEqual(figureFiles.sort(), ['adagrad-lab/parabola.js', 'adagrad-lab/race.js']);
    assert.equal(scripts.length, 3 + files.length, scripts.join(', '));
    assert.ok(files.includes('adagrad-lab/font.js'), 'the race shows formulas: their font is loaded');
    assert.equal(new Set(files).size, files.length, `each file loads once: ${files.join(', ')}`);
    if (scheme === 'http') {
      const loaded = await p.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
      assert.ok(!loaded.some((n) => /app\.js$|index\.html$|adagrad_lab\.js$|style\.css$|lib\.js$|kit\.js$/.test(n)), loaded.join(', '));
    }
    assert.equal(await p.evaluate(() => window.coreStarts), 1, 'one core for both elements');
    // the shadow root is open; the host's styles stay out, the figure's stay in
    const inside = await p.locator('#race').evaluate((host) => {
      const label = host.shadowRoot.querySelector('.racer-status');
      const s = getComputedStyle(label);
      return { color: s.color, family: s.fontFamily, size: s.fontSize };
    });
    assert.notEqual(inside.color, 'rgb(200, 0, 0)');
    assert.doesNotMatch(inside.family, /^serif$/);
    assert.ok(parseFloat(inside.size) > 11 && parseFloat(inside.size) < 16, `font size ${inside.size} does not follow the host's 10px rem`);
    const outside = await p.locator('#outside').evaluate((n) => { const s = getComputedStyle(n); return { border: s.borderTopWidth, color: s.color }; });
    assert.deepEqual(outside, { border: '0px', color: 'rgb(200, 0, 0)' }, "the figure's .panel and .status rules do not reach the host");
    // the narrow one fits its 320 px
    const narrow = await p.locator('#parabola').evaluate((host) => ({ width: host.getBoundingClientRect().width, scroll: host.shadowRoot.querySelector('.adagrad-root').scrollWidth }));
    assert.ok(narrow.scroll <= narrow.width + 1, `parabola at 320 px: content ${narrow.scroll} px wide`);
    // an attribute change updates the figure
    await p.locator('#parabola').evaluate((host) => host.setAttribute('lr', '0.05'));
    await p.waitForFunction(() => /with η = 0\.05,/.test(document.querySelector('#parabola').shadowRoot.querySelector('.explain').textContent));
    assert.deepEqual(problems(messages), []);
    await context.close();
  });
}

test('a refused attribute is named in the figure, which runs with the default; an unknown figure says which exist', async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('refused.html') });
  await p.waitForFunction(() => document.querySelector('#bad').dataset.ready === 'true');
  const text = await figureText(p, 'bad');
  assert.match(text, /Ignored lr=“banana”: it is not a number[^.]*; the figure uses the default, 0\.1\./);
  assert.match(text, /Ignored “colour”: the parabola figure has no such setting/);
  assert.match(text, /with η = 0\.1,/, 'the default rate is used');
  assert.match(await figureText(p, 'unknown'), /There is no figure named “parabol”\. The figures are parabola, step-table, spiral, /);
  // a good value again: the notice goes
  await p.locator('#bad').evaluate((host) => { host.setAttribute('lr', '0.3'); host.removeAttribute('colour'); });
  await p.waitForFunction(() => /with η = 0\.3,/.test(document.querySelector('#bad').shadowRoot.textContent));
  assert.equal(await p.locator('#bad').evaluate((host) => host.shadowRoot.querySelector('.link-notice').textContent), '');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('embed.html in a sandboxed iframe shows one figure without the lesson and tells its parent its height', async () => {
  const { page: p, context, messages } = await open(browser, { url: urlOf('iframe.html') });
  const frame = p.frameLocator('#frame');
  await frame.locator('html[data-ready="true"]').waitFor();
  const inside = await frame.locator('adagrad-figure').evaluate((host) => ({
    text: host.shadowRoot.textContent, prose: document.querySelectorAll('section, nav').length, title: document.title }));
  assert.match(inside.text, /finished at step \d+/);
  assert.equal(inside.prose, 0, 'no lesson prose');
  assert.match(inside.title, /^A race across a stretched bowl/);
  await p.waitForFunction(() => parseFloat(document.querySelector('#frame').style.height) > 600);
  const sizes = await p.evaluate(() => ({ frame: document.querySelector('#frame').getBoundingClientRect().height }));
  const content = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
  assert.ok(Math.abs(sizes.frame - content) <= 2, `the iframe is as tall as its content: ${sizes.frame} against ${content}`);
  assert.match(inside.text, /AdaGrad \(η = 0\.8\)/, "the hash is the settings");
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the README’s two snippets, pasted as they are into a page next to dist/’s files, work', async () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Teach with it'));
  const blocks = [...section.matchAll(/```html\n([^]*?)```/g)].map((m) => m[1]).slice(0, 2);
  assert.equal(blocks.length, 2, 'the element and the iframe snippets');
  const wrap = (snippet) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="data:,"></head><body>\n${snippet}</body></html>`;
  fs.writeFileSync(path.join(dist, 'readme-element.html'), wrap(blocks[0]));
  fs.writeFileSync(path.join(dist, 'readme-iframe.html'), wrap(blocks[1]));
  const where = (file) => (httpUrl ? new URL(file, httpUrl).href : pathToFileURL(path.join(dist, file)).href);
  for (const file of ['readme-element.html', 'readme-iframe.html']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const messages = [];
    p.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
    p.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
    await p.goto(where(file));
    if (file === 'readme-element.html') {
      await p.waitForFunction(() => [...document.querySelectorAll('adagrad-figure')].every((f) => f.dataset.ready === 'true'));
      const texts = await p.$$eval('adagrad-figure', (list) => list.map((f) => f.shadowRoot.textContent));
      assert.match(texts[0], /AdaGrad \(η = 0\.8\)/);
      assert.match(texts[1], /After 40 steps from x₀ = 5 with η = 0\.5,/);
    } else {
      await p.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 600);
      const text = await p.frameLocator('iframe').locator('adagrad-figure').evaluate((f) => f.shadowRoot.textContent);
      assert.match(text, /AdaGrad \(η = 0\.8\)/);
    }
    assert.deepEqual(problems(messages), [], file);
    await context.close();
  }
});

test('"Embed this figure" under a lesson figure writes both forms with the figure’s current settings', async () => {
  const { page: p, context, messages } = await open(browser, { hash: '#race.ada=0.8' });
  const lr = p.locator('#parabola input[data-field="lr"]');
  await lr.fill('0.5');
  await lr.press('Enter');
  const codes = async (section) => {
    const kit = p.locator(`#${section} .embed-kit`);
    if (!(await kit.evaluate((d) => d.open))) await kit.locator('summary').click();
    return kit.locator('pre.embed-code').allInnerTexts();
  };
  const [raceElement, raceFrame] = await codes('race');
  assert.match(raceElement, /<script src="[^"]*\/adagrad-lab\.js"><\/script>\n<adagrad-figure figure="race" ada="0\.8"><\/adagrad-figure>/);
  assert.match(raceFrame, /<iframe src="[^"]*\/embed\.html#figure=race&amp;ada=0\.8" sandbox="allow-scripts"/);
  const [parabolaElement] = await codes('parabola');
  assert.match(parabolaElement, /<adagrad-figure figure="parabola" lr="0\.5"><\/adagrad-figure>/, 'the setting changed on the page is in the code');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Export saves each plot as the PNG on screen, and the settings and the run as JSON that agrees with the figure', async () => {
  const { page: p, context, messages } = await open(browser, { hash: '#race.ada=0.8' });
  const kit = p.locator('#race .export-kit');
  await kit.locator('summary').click();
  const plots = kit.locator('.export-plots button');
  // the buttons are made on the disclosure's toggle event, which the browser fires after the click
  await plots.nth(1).waitFor({ timeout: 5000 }).catch(() => {});
  assert.ok(await plots.count() >= 2, 'a button per plot');
  const [png] = await Promise.all([p.waitForEvent('download'), plots.first().click()]);
  assert.match(png.suggestedFilename(), /^adagrad-lab-race-paths-on-the-contours.*\.png$/);
  const bytes = fs.readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
  const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  const canvas = await p.locator('#fig-race canvas').first().evaluate((c) => [c.width, c.height]);
  assert.deepEqual(size, canvas, 'the canvas as drawn');

  const [json] = await Promise.all([p.waitForEvent('download'), kit.getByRole('button', { name: 'Settings and results (JSON)' }).click()]);
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(data.figure, 'race');
  assert.equal(data.settings.ada, '0.8');
  assert.equal(data.results.racers.ada.optimizer.lr, 0.8);
  assert.equal(data.results.racers.ada.run.values.length, Number(data.settings.steps) + 1);
  // the step the figure says AdaGrad finished at is the one in the file
  const shown = await p.locator('#fig-race .racer[data-racer="ada"] .racer-status').innerText();
  assert.match(shown, new RegExp(`finished at step ${data.results.racers.ada.crossedFinishAt}\\b`));
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Reproduce in PyTorch saves a torch.optim script with the figure’s settings, for figures that run an optimizer', async () => {
  const { page: p, context, messages } = await open(browser, { hash: '#race.ada=0.8&parabola.lr=0.3' });
  const settingsOf = { race: /'ada': 0\.8\b/, parabola: /^LR = 0\.3$/m };
  for (const section of ['race', 'parabola']) {
    const kit = p.locator(`#${section} .export-kit`);
    await kit.locator('summary').click();
    const [file] = await Promise.all([p.waitForEvent('download'), kit.getByRole('button', { name: 'Reproduce in PyTorch (.py)' }).click()]);
    assert.equal(file.suggestedFilename(), `adagrad-lab-${section}.py`);
    const script = fs.readFileSync(await file.path(), 'utf8');
    assert.match(script, /^import torch$/m);
    assert.match(script, /torch\.optim\.Adagrad\(params, lr=LR/);
    assert.match(script, settingsOf[section], 'the rate set on the page');
  }
  // a figure torch.optim cannot reproduce offers no script
  const pitfall = p.locator('#pitfall .export-kit');
  await pitfall.locator('summary').click();
  assert.equal(await pitfall.getByRole('button', { name: 'Reproduce in PyTorch (.py)' }).isHidden(), true);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the JSON export carries the run of every figure', async () => {
  const { page: p, context, messages } = await open(browser, { hash: '#pitfall.lr=0.5' });
  const saved = async (section) => {
    const kit = p.locator(`#${section} .export-kit`);
    await kit.locator('summary').click();
    const [json] = await Promise.all([p.waitForEvent('download'), kit.getByRole('button', { name: 'Settings and results (JSON)' }).click()]);
    return JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  };
  const table = await saved('table');
  assert.deepEqual(table.results.rows.slice(0, 3).map((r) => Number(r.x_new.toFixed(4))), [3, 2.4, 1.9673], 'the rows the table shows');
  const pitfall = await saved('pitfall');
  assert.equal(pitfall.settings.lr, '0.5');
  assert.ok(pitfall.results && JSON.stringify(pitfall.results).length > 1000, 'the runs are in the file');
  const fading = await saved('fading');
  assert.ok(fading.results && JSON.stringify(fading.results).length > 1000);
  for (const section of ['valley', 'why', 'compare', 'line', 'stochastic', 'text', 'update', 'summary', 'spiral']) {
    const data = await saved(section);
    assert.ok(data.results && JSON.stringify(data.results).length > 1000, `${section}'s run is in the file`);
    if (section === 'spiral') {
      // the file's last accuracy is the one the board shows once it has trained all its epochs
      await p.locator('#spiral [data-action="play"]').click();
      await p.waitForFunction(() => /epoch 2000 of 2000/.test(document.querySelector('#fig-spiral').textContent), null, { timeout: 60000 });
      const board = await p.locator('#fig-spiral').innerText();   // the left board's status comes first
      const shown = Number(/accuracy (\d+\.\d)%/.exec(board)[1]);
      assert.equal(Number((100 * data.results.boards[0].lastAccuracy).toFixed(1)), shown);
      assert.equal(data.results.boards[0].losses.length, 2000);
    }
  }
  assert.deepEqual(problems(messages), []);
  await context.close();
});
