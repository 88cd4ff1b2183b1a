// The spiral trains in a Web Worker built from a Blob where the page's policy allows one (the
// lesson's own: worker-src blob:), and on the main thread where it does not (a course page's
// strict policy). Both paths must give the same run: the same numbers, words and pictures.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { launch, open, problems, httpUrl, root } = require('./helpers.js');

const dist = process.env.ADAGRAD_DIST || path.join(root, 'dist');
const hosts = path.join(dist, 'hosts');
const schemes = [httpUrl ? 'http' : null, 'file'].filter(Boolean);
const at = (scheme, file) => (scheme === 'http' ? new URL(file, httpUrl).href : pathToFileURL(path.join(dist, file)).href);
// the lesson under its own policy less worker-src: the same page, forced onto the fallback
const MAIN_ONLY = 'spiral-main-thread.html';
const STRICT = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:";
const host = (csp) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>A course page</title><link rel="icon" href="data:,">
<script src="../adagrad-lab.js"></script></head><body><main><h1>Week 3</h1>
<adagrad-figure figure="spiral" epochs="60" epf="5" id="sp"></adagrad-figure>
</main><script src="ready.js"></script></body></html>`;

let browser;
before(async () => {
  const lesson = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.match(lesson, / worker-src blob:;/);
  fs.writeFileSync(path.join(dist, MAIN_ONLY), lesson.replace(/ worker-src blob:;/, ''));
  fs.mkdirSync(hosts, { recursive: true });
  fs.writeFileSync(path.join(hosts, 'ready.js'), `
const f = document.querySelector('adagrad-figure');
const ready = () => { if (f.dataset.ready === 'true') document.documentElement.dataset.ready = 'true'; };
f.addEventListener('adagrad-figure-ready', ready);
ready();`);
  fs.writeFileSync(path.join(hosts, 'spiral-strict.html'), host(STRICT));
  fs.writeFileSync(path.join(hosts, 'spiral-workers.html'), host(`${STRICT}; worker-src blob:`));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  fs.rmSync(path.join(dist, MAIN_ONLY), { force: true });
});

const fig = '#fig-spiral';
const pathOf = (page) => page.evaluate(() => window.adagradLabPerf.notes.spiral?.path);
/** What the figure shows: counter, each board's line, the summary, and every canvas's pixels. */
const shown = (page) => page.locator(fig).evaluate((root) => ({
  counter: root.querySelector('.counter').textContent,
  stats: [...root.querySelectorAll('.stats')].map((p) => p.textContent),
  summary: root.querySelector('.explain').innerText,
  canvases: [...root.querySelectorAll('canvas')].map((c) => c.toDataURL()),
}));
/** Waits until the figure shows what `want` says (the worker's full boundaries come back a
 *  moment after the click that asked for them), and returns what it shows. */
async function showsSame(page, want, where) {
  let got = null;
  for (let i = 0; i < 100; i++) {
    got = await shown(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return got;
    await page.waitForTimeout(100);
  }
  assert.deepEqual({ ...got, canvases: got.canvases.map((c, i) => c === want.canvases[i]) },
    { ...want, canvases: want.canvases.map(() => true) }, where);
  return got;
}

for (const scheme of schemes) {
  test(`on the lesson (${scheme}) the spiral trains in a worker and shows the same run as on the main thread`, async () => {
    const hash = '#sp.hidden=16,16&sp.act=tanh&sp.init=auto&sp.epochs=120&sp.epf=5';
    const worker = await open(browser, { url: at(scheme, 'index.html'), hash });
    const main = await open(browser, { url: at(scheme, MAIN_ONLY), hash });
    assert.equal(await pathOf(worker.page), 'worker');
    assert.equal(await pathOf(main.page), 'main');
    for (const { page } of [worker, main]) await page.click(`${fig} [data-action="step"]`);
    for (const { page } of [worker, main]) await page.locator(`${fig} .counter`).filter({ hasText: 'epoch 1 of 120' }).waitFor();
    await showsSame(worker.page, await shown(main.page), 'after Step one epoch');
    // Play to the end: every epoch's loss and accuracy are in the charts, the last in the words
    for (const { page } of [worker, main]) {
      await page.click(`${fig} [data-action="play"]`);
      await page.locator(`${fig} .counter`).filter({ hasText: 'epoch 120 of 120' }).waitFor({ timeout: 30000 });
      await page.locator(`${fig} [data-action="play"]`).filter({ hasText: 'Play' }).waitFor();
    }
    const end = await shown(main.page);
    assert.match(end.summary, /^Result:/);
    await showsSame(worker.page, end, 'at the end');
    // the worker's frames were recorded as such, each with its boundaries from the worker
    const frames = await worker.page.evaluate(() => window.adagradLabPerf.frames.spiral);
    assert.ok(frames.length > 3 && frames.every((f) => f.path === 'worker'), JSON.stringify(frames.map((f) => f.path)));
    assert.ok(frames.some((f) => f.boundary && f.boards === 2 && f.side === 100), JSON.stringify(frames.map((f) => [f.boards, f.side])));
    // Reset goes back to epoch 0 on both
    for (const { page } of [worker, main]) await page.click(`${fig} [data-action="reset"]`);
    const reset = await shown(main.page);
    assert.equal(reset.counter, 'epoch 0 of 120');
    await showsSame(worker.page, reset, 'after Reset');
    // a new setting, then a step: the worker trains the new boards, not the old ones
    for (const { page } of [worker, main]) {
      await page.locator(`${fig} input[data-field="lr"]`).fill('0.05');
      await page.locator(`${fig} input[data-field="lr"]`).press('Enter');
      await page.click(`${fig} [data-action="step"]`);
      await page.click(`${fig} [data-action="step"]`);
      await page.locator(`${fig} .counter`).filter({ hasText: 'epoch 2 of 120' }).waitFor();
    }
    await showsSame(worker.page, await shown(main.page), 'after a new η and two steps');
    assert.match(await worker.page.evaluate(() => location.hash), /spiral\.lr=0\.05/);
    for (const { messages } of [worker, main]) assert.deepEqual(problems(messages), []);
    await worker.context.close();
    await main.context.close();
  });
}

for (const scheme of schemes) {
  test(`<adagrad-figure figure="spiral"> under a host's strict policy trains on the main thread without a word in the console (${scheme})`, async () => {
    for (const [file, want] of [['spiral-strict.html', 'main'], ['spiral-workers.html', 'worker']]) {
      const { page, context, messages } = await open(browser, { url: at(scheme, `hosts/${file}`) });
      assert.equal(await pathOf(page), want, file);
      await page.locator('#sp [data-action="play"]').click();
      await page.locator('#sp .counter').filter({ hasText: 'epoch 60 of 60' }).waitFor({ timeout: 30000 });
      await page.locator('#sp .explain').filter({ hasText: 'Result:' }).waitFor();
      assert.match(await page.locator('#sp .stats').first().innerText(), /^epoch 60 · accuracy \d+\.\d%/);
      assert.deepEqual(problems(messages), [], file);
      await context.close();
    }
  });
}
