// Shared by the host suites (host-*.test.js): a site built by another tool, served by its own
// python http.server on a free port, and a page that records every console problem and every
// request, so a test can say that nothing left the site's own origin.
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { reportPolicyViolations, root } = require('./helpers.js');

const dist = process.env.ADAGRAD_DIST || path.join(root, 'dist');

/** Copies what a host needs from dist/ into `dir`: the element and its figures, and with
 *  `embed` the iframe page too. */
function copyKit(dir, { embed = true } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const files = ['adagrad-lab.js', 'adagrad-lab', ...(embed ? ['embed.html', 'embed.js', 'embed.css'] : [])];
  for (const f of files) {
    if (!fs.existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: run build-scripts/build-web`);
    fs.cpSync(path.join(dist, f), path.join(dir, f), { recursive: true });
  }
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

const get = (url) => new Promise((resolve) => {
  http.get(url, (r) => { r.resume(); resolve(r.statusCode); }).on('error', () => resolve(0));
});

/** Serves `dir` on 127.0.0.1 with python's http.server; returns { url, stop }. */
async function serve(dir) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100 && (await get(url)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  if ((await get(url)) !== 200) { server.kill(); throw new Error(`python3 -m http.server did not answer on ${url}`); }
  const stop = () => new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', resolve);
    server.kill();
  });
  return { url, stop };
}

/** Opens `url` in a fresh 1280 px context; returns the page, its console problems so far (a live
 *  array) and every request URL (a live array, the frames' requests included). */
async function openHost(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, colorScheme: 'light', deviceScaleFactor: 1 });
  await reportPolicyViolations(context);
  const page = await context.newPage();
  const messages = [];
  const requests = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) messages.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  page.on('requestfailed', (r) => messages.push(`requestfailed: ${r.url()} ${r.failure()?.errorText || ''}`));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, messages, requests };
}

/** The requests that went anywhere but `url`'s own origin (for file://, anything not file:);
 *  data: and blob: URLs stay in the page. */
function foreign(requests, url) {
  const home = new URL(url);
  return requests.filter((r) => {
    const u = new URL(r);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
    return home.protocol === 'file:' ? u.protocol !== 'file:' : u.origin !== home.origin;
  });
}

/** Waits until the <adagrad-figure> matched by `selector` has drawn; returns its shadow text. */
async function figureText(pageOrFrame, selector) {
  const host = pageOrFrame.locator(`${selector}[data-ready="true"]`);
  await host.waitFor({ state: 'attached', timeout: 20000 });
  return host.evaluate((h) => h.shadowRoot.textContent);
}

module.exports = { copyKit, serve, openHost, foreign, figureText, dist };
