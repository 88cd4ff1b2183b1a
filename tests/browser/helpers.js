// Shared by the browser suites: Debian's Chromium through playwright-core (never a downloaded
// browser), the page's address (http from build-scripts/test-browser, or file://), and a page
// wrapper that records every console message and page error.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const distDir = process.env.ADAGRAD_DIST || path.join(root, 'dist');
const httpUrl = process.env.ADAGRAD_BASE_URL || '';  // e.g. http://127.0.0.1:41234/
const fileUrl = pathToFileURL(path.join(distDir, 'index.html')).href;
const screenshotDir = path.join(root, 'build', 'screenshots');

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** Makes every Content-Security-Policy violation a console error, which problems() reports
 *  (Chromium logs most of them anyway; this catches the rest, such as a refused inline style). */
async function reportPolicyViolations(context) {
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI || ''}`)));
}

/** Opens the page at `url` (+ hash) and waits until the figures are drawn. Returns the page
 *  and the list of console messages / errors seen, each {type, text}. colorScheme: the
 *  prefers-color-scheme the page sees, 'light' (the default) or 'dark'. */
async function open(browser, { url = httpUrl || fileUrl, hash = '', viewport = { width: 1280, height: 900 }, reducedMotion, permissions, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion, colorScheme, deviceScaleFactor: 1 });
  if (permissions && url.startsWith('http')) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  await reportPolicyViolations(context);
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
  page.on('requestfailed', (r) => messages.push({ type: 'requestfailed', text: r.url() }));
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { page, context, messages };
}

const problems = (messages) => messages.filter((m) => ['error', 'warning', 'pageerror', 'requestfailed'].includes(m.type));

module.exports = { launch, open, problems, reportPolicyViolations, httpUrl, fileUrl, screenshotDir, root };
