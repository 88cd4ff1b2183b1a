// The page in headless Chromium: how soon it is interactive after load, and how long the
// spiral figure's frames take (training epochs, the two 100 × 100 boundaries, the plots), read
// from the page's own instrumentation (web/src/perf.js), on both of its paths: training and
// boundaries in a Web Worker (the lesson's own policy allows one), and on the main thread (the
// fallback, under a policy without worker-src, as a course page may set). Prints a table;
// --json FILE writes it.
//   node bench/browser-bench.js [--quick] [--json FILE]      (dist/ must be built)
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const root = path.resolve(process.env.ADAGRAD_DIST || path.join(__dirname, '..', 'dist'));   // ADAGRAD_DIST: another build, to compare
const quick = process.argv.includes('--quick');
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt > 0 ? process.argv[jsonAt + 1] : null;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const host = hostPage(url.pathname);
    if (host) { res.writeHead(200, { 'content-type': 'text/html' }); res.end(host); return; }
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    // ?no-worker: the page under its policy without worker-src, so the spiral trains on the main thread
    if (url.searchParams.has('no-worker')) res.end(fs.readFileSync(file, 'utf8').replace(/ worker-src blob:;/, ''));
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const stats = (v) => ({ median_ms: median(v), p95_ms: p95(v), min_ms: Math.min(...v), max_ms: Math.max(...v), samples: v.length });

async function main() {
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error('dist/ is not built: run build-scripts/build-web');
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/index.html`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const cases = [];
  try {
    // 1. Interactive after load: the page marks it once the core runs and every figure is drawn.
    const loads = [];
    for (let i = 0; i < (quick ? 2 : 7); i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(base);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
      loads.push(await page.evaluate(() => window.adagradLabPerf.marks.interactive));
      await page.close();
    }
    cases.push({ name: 'page_interactive_after_load', ...stats(loads) });
    cases.push(...await loadCost(browser, base, quick ? 2 : 7));
    // one embedded figure: every figure (dist/adagrad-lab/NAME.js), two in --quick
    const figures = quick ? ['race', 'parabola'] : fs.readdirSync(path.join(root, 'adagrad-lab'))
      .map((f) => f.replace(/\.js$/, '')).filter((f) => !/^(lib|kit|font|shared-.*)$/.test(f)).sort();
    for (const figure of figures) cases.push(await embedCost(browser, base, figure));

    // 2. The spiral figure's frames with the issue's 2-32-32-1 tanh network, one epoch per frame:
    //    with the worker (the page's own policy), `total` is the main thread's time a frame
    //    (applying what the worker posted and drawing) and train/grid are the worker's; on the
    //    main thread (the fallback) the frame does it all, one board's boundary a frame.
    for (const [name, query] of [['spiral_frame', ''], ['spiral_main_frame', '?no-worker']]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${base}${query}#page.only=sp&sp.hidden=32,32&sp.act=tanh&sp.init=auto&sp.epf=1&sp.epochs=100000`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
      const ran = await page.evaluate(() => window.adagradLabPerf.notes.spiral?.path);
      await page.click('#spiral button[data-action="play"]');
      await page.waitForTimeout(quick ? 1500 : 6000);
      await page.click('#spiral button[data-action="play"]');  // pause
      const frames = await page.evaluate(() => window.adagradLabPerf.frames.spiral || []);
      await page.close();
      const steady = frames.slice(5);  // the first frames warm up the JIT and the canvases
      if (!steady.length) throw new Error(`the spiral figure recorded no frames (${name})`);
      const path = [...new Set(steady.map((f) => f.path))].join('+');
      if (path !== ran) throw new Error(`the spiral noted path ${ran} but its frames ran on ${path}`);
      for (const part of ['total', 'train', 'grid', 'draw'])
        cases.push({ name: `${name}_${part}_2_32_32_1`, path, ...stats(steady.map((f) => f[part])) });
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${'browser case'.padEnd(37)} ${'path'.padEnd(7)} ${'median ms'.padStart(10)} ${'p95'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'samples'.padStart(8)}`);
  for (const c of cases) {
    if (c.median_ms === null) {   // a size, not a time
      console.log(`${c.name.padEnd(37)} ${c.raw} B (${c.gzip9} B gzip -9); beyond the module ${c.raw_beyond_module} B (${c.gzip9_beyond_module} B gzip -9)`);
      continue;
    }
    const digits = c.unit ? 0 : 2;
    const num = (x) => (x === undefined ? '' : x.toFixed(digits));
    console.log(`${c.name.padEnd(37)} ${(c.path || '').padEnd(7)} ${num(c.median_ms).padStart(10)} ${num(c.p95_ms).padStart(9)} ${num(c.min_ms).padStart(9)} ${num(c.max_ms).padStart(9)} ${String(c.samples).padStart(8)}${c.unit ? ` ${c.unit}` : ''}`);
  }
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ cases }, null, 2)}\n`);
}

// ---- what loading costs: main-thread long tasks, and the bytes a page loads ---------------------
// Bytes are counted from the files in dist/ that the page's Resource Timing entries name: raw, and
// as gzip -9 would serve them (each file compressed on its own, as a server does).
const zlib = require('node:zlib');
function bytesOf(urls) {
  let raw = 0, gz = 0;
  for (const url of new Set(urls)) {
    const { pathname } = new URL(url);
    if (hostPage(pathname)) continue;   // the bench's own host page is not the lesson's cost
    const file = path.join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) continue;
    const data = fs.readFileSync(file);
    raw += data.length;
    gz += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { raw, gz };
}

// Long tasks while the lesson loads (until every figure is mounted, data-ready), the page's
// interactive mark, and the bytes whose response ended before it (the document included).
async function loadCost(browser, base, runs) {
  const longest = [], count = [], rawBefore = [], gzBefore = [], rawAll = [], gzAll = [], longestBefore = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration }); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
    await page.waitForTimeout(100);   // a task that ends with data-ready is reported just after
    const seen = await page.evaluate(() => {
      const interactive = window.adagradLabPerf.marks.interactive;
      const resources = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= interactive).map((r) => r.name);
      const all = performance.getEntriesByType('resource').map((r) => r.name);
      return { tasks: window.benchLongTasks, interactive, urls: [location.href, ...resources], all: [location.href, ...all] };
    });
    await page.close();
    longest.push(Math.max(0, ...seen.tasks.map((t) => t.duration)));
    longestBefore.push(Math.max(0, ...seen.tasks.filter((t) => t.start < seen.interactive).map((t) => t.duration)));
    count.push(seen.tasks.length);
    const { raw, gz } = bytesOf(seen.urls);
    rawBefore.push(raw);
    gzBefore.push(gz);
    const every = bytesOf(seen.all);
    rawAll.push(every.raw);
    gzAll.push(every.gz);
  }
  return [
    { name: 'load_longest_task', ...stats(longest) },
    { name: 'load_longest_task_before_interactive', ...stats(longestBefore) },
    { name: 'load_tasks_over_50ms', ...stats(count), unit: 'count' },
    { name: 'load_bytes_before_interactive', ...stats(rawBefore), unit: 'bytes' },
    { name: 'load_bytes_before_interactive_gzip9', ...stats(gzBefore), unit: 'bytes' },
    { name: 'load_bytes_every_figure', ...stats(rawAll), unit: 'bytes' },
    { name: 'load_bytes_every_figure_gzip9', ...stats(gzAll), unit: 'bytes' },
  ];
}

// A host page with one <adagrad-figure>; served by the bench's server at /bench-host-NAME.html.
function hostPage(pathname) {
  const m = /^\/bench-host-([a-z-]+)\.html$/.exec(pathname);
  return m && `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script src="adagrad-lab.js"></script></head><body><adagrad-figure figure="${m[1]}"></adagrad-figure></body></html>`;
}

// One embedded figure: everything the host page loads for it (the module, the element, shared
// code, the figure's code), and what of it is not the WebAssembly module (dist/adagrad_lab.js).
async function embedCost(browser, base, figure) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(new URL(`bench-host-${figure}.html`, base).href);
  await page.waitForFunction(() => document.querySelector('adagrad-figure').dataset.ready === 'true', null, { timeout: 60000 });
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  await page.close();
  const total = bytesOf(urls);
  const module = bytesOf([new URL('adagrad_lab.js', base).href]);
  return { name: `embed_${figure.replace(/-/g, '_')}_bytes`, unit: 'bytes', median_ms: null, raw: total.raw, gzip9: total.gz,
    raw_beyond_module: total.raw - module.raw, gzip9_beyond_module: total.gz - module.gz };
}

main().catch((error) => { console.error(error); process.exit(1); });
