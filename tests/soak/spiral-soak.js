#!/usr/bin/env node
// The spiral left playing (issue 13, "Long runs"): a script run by hand, not part of CI.
// Opens the spiral's own page (dist/figures/sp.html, where it trains in its Web Worker) in
// Debian's headless Chromium with runs of 20 000 epochs (about a minute each here), presses Play,
// and keeps it playing for SOAK_MINUTES (Play again whenever a run reaches its end, which frees
// both boards and builds new ones).
// Every SOAK_SAMPLE seconds it forces a garbage collection (CDP HeapProfiler.collectGarbage) and
// records:
//   - the page's JS heap in use (CDP Runtime.getHeapUsage);
//   - the page's WASM memory (the module's buffer) and the bytes malloc holds in it;
//   - the worker's WASM memory and malloc'd bytes, which it sends with every frame
//     (window.adagradLabPerf.notes.spiral.workerMemory / workerHeap), and its malloc'd bytes
//     when it had just built a run's boards (workerHeapBuilt): a run's loss histories grow as it
//     trains, so the bytes at epoch 0 of each run are what must not creep;
//   - the epochs trained in all, the runs begun, and the console errors and page errors so far.
// It passes (exit 0) when, against the sample at minute 2 (the warm-up: the worker's first boards,
// the JIT, the first full runs), each of the last 5 samples' JS heap is within 10% or 2 MB and
// each WASM memory is unchanged (no growth), the page's malloc'd bytes within 10% or 1 MB, the
// worker's at epoch 0 of its latest run equal to those of the reference's run, and no console
// error or page error was seen.
//
//   build-scripts/build-web   (dist/ with the module)
//   nice -n 10 node tests/soak/spiral-soak.js            10 minutes, a sample every 30 s
//   SOAK_MINUTES=3 SOAK_SAMPLE=10 node tests/soak/spiral-soak.js
// ADAGRAD_BASE_URL=http://127.0.0.1:PORT/ serves dist over http instead of file://.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const MINUTES = Number(process.env.SOAK_MINUTES || 10);
const SAMPLE = Number(process.env.SOAK_SAMPLE || 30);
const WARM = Math.min(120, (MINUTES * 60) / 5);  // the reference sample: minute 2 (or a fifth of a short run)
const base = process.env.ADAGRAD_BASE_URL || pathToFileURL(path.join(root, 'dist') + '/').href;
const url = new URL('figures/sp.html#spiral.epochs=20000', base).href;

const mb = (b) => (b / 1048576).toFixed(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 30000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const path_ = await page.evaluate(() => window.adagradLabPerf.notes.spiral?.path || 'worker');
  const play = page.locator('#fig-spiral [data-action="play"]');
  await play.click();

  // Play again each time a run ends; count the epochs each run trained
  let runs = 1;
  const epochOf = () => page.locator('#fig-spiral .counter').first().innerText().then((t) => Number(/epoch (\d+)/.exec(t)?.[1] || 0)).catch(() => 0);
  let done = 0, last = 0;   // epochs of the runs that ended; the current run's
  const keepPlaying = async () => {
    last = await epochOf();
    if ((await play.innerText()) === 'Play') { done += last; last = 0; runs++; await play.click(); }
  };

  const samples = [];
  const started = Date.now();
  console.log(`[spiral-soak] ${url}: ${MINUTES} min, a sample every ${SAMPLE} s (${path_} path)`);
  console.log('   t(s)  JS heap MB  page WASM MB (malloc)  worker WASM MB (malloc, at epoch 0)  epochs  runs  errors');
  let next = 0;
  while (true) {
    const t = (Date.now() - started) / 1000;
    if (t >= next) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const m = await page.evaluate(() => {
        const lab = window.adagradLab, notes = window.adagradLabPerf.notes.spiral || {};
        return { wasm: lab.HEAPU8.buffer.byteLength, malloc: lab.heapInUse(), workerWasm: notes.workerMemory ?? null, workerMalloc: notes.workerHeap ?? null, workerBuilt: notes.workerHeapBuilt ?? null };
      });
      const epochs = done + (await epochOf());
      const s = { t: Math.round(t), js: usedSize, ...m, epochs, runs, errors: errors.length };
      samples.push(s);
      console.log(`${String(s.t).padStart(7)}  ${mb(s.js).padStart(10)}  ${`${mb(s.wasm)} (${mb(s.malloc)})`.padStart(21)}  ${(s.workerWasm === null ? '—' : `${mb(s.workerWasm)} (${mb(s.workerMalloc)}, ${s.workerBuilt} B)`).padStart(35)}  ${String(epochs).padStart(6)}  ${String(runs).padStart(4)}  ${String(errors.length).padStart(6)}`);
      next += SAMPLE;
      if (t >= MINUTES * 60) break;
    }
    await keepPlaying();
    await page.waitForTimeout(1000);
  }
  await browser.close();

  const ref = samples.find((s) => s.t >= WARM) || samples[0];
  const tail = samples.slice(-5);
  const within = (a, b, rel, abs) => Math.abs(a - b) <= Math.max(rel * b, abs);
  const fails = [];
  for (const s of tail) {
    if (!within(s.js, ref.js, 0.10, 2 * 1048576)) fails.push(`t=${s.t}: JS heap ${mb(s.js)} MB against ${mb(ref.js)} MB at t=${ref.t}`);
    if (s.wasm !== ref.wasm) fails.push(`t=${s.t}: the page's WASM memory grew to ${mb(s.wasm)} MB from ${mb(ref.wasm)} MB`);
    if (!within(s.malloc, ref.malloc, 0.10, 1048576)) fails.push(`t=${s.t}: the page's malloc'd bytes ${s.malloc} against ${ref.malloc}`);
    if (s.workerWasm !== ref.workerWasm) fails.push(`t=${s.t}: the worker's WASM memory ${s.workerWasm} against ${ref.workerWasm}`);
    if (s.workerBuilt !== ref.workerBuilt) fails.push(`t=${s.t}: the worker's malloc'd bytes at a run's start ${s.workerBuilt} against ${ref.workerBuilt}`);
  }
  if (path_ === 'worker' && ref.workerWasm === null) fails.push('the worker never reported its memory');
  if (errors.length) fails.push(...errors.slice(0, 10));
  const end = samples.at(-1);
  console.log(`[spiral-soak] ${end.epochs} epochs in ${runs} runs over ${end.t} s; reference t=${ref.t}; ${fails.length ? 'FAILED' : 'flat, no console error: passed'}`);
  for (const f of fails) console.log(`  ${f}`);
  process.exit(fails.length ? 1 : 0);
})().catch((error) => { console.error(error); process.exit(2); });
