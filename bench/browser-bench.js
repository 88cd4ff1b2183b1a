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

const root = path.join(__dirname, '..', 'dist');
const quick = process.argv.includes('--quick');
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt > 0 ? process.argv[jsonAt + 1] : null;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
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

    // 2. The spiral figure's frames with the 2-32-32-1 tanh network, one epoch per frame:
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
  for (const c of cases)
    console.log(`${c.name.padEnd(37)} ${(c.path || '').padEnd(7)} ${c.median_ms.toFixed(2).padStart(10)} ${c.p95_ms.toFixed(2).padStart(9)} ${c.min_ms.toFixed(2).padStart(9)} ${c.max_ms.toFixed(2).padStart(9)} ${String(c.samples).padStart(8)}`);
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ cases }, null, 2)}\n`);
}

main().catch((error) => { console.error(error); process.exit(1); });
