// The module in a browser: a page opened from file:// under the strict CSP
//   default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src data:
// loads build/wasm/adagrad_lab.js from a classic <script>, gets the global AdagradLab, and
// computes what Node computes. Headless Chromium (driven by playwright-core) waits until the
// page has reported, however long the WASM compile takes on a busy machine.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium: playwright } = require('playwright-core');
const { modulePath, loadLab } = require('./lab.js');

const chromium = process.env.ADAGRAD_CHROMIUM || '/usr/bin/chromium';

const page = (moduleUrl) => `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src data:">
<title>AdagradLab under CSP</title></head>
<body>pending
<script src="${moduleUrl}"></script>
<script src="check.js"></script>
</body></html>`;

// Runs in the page (no inline script: the policy forbids it). The result is URI-encoded so the
// DOM dump does not HTML-escape it.
const check = `'use strict';
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
function report(prefix, value) { document.body.textContent = prefix + encodeURIComponent(JSON.stringify(value)) + 'END'; }
let evalBlocked = false;
try { new Function('return 1'); } catch (e) { evalBlocked = true; }
AdagradLab().then((lab) => {
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.5 });
  const p = new Float64Array([3, 2]);
  opt.step(p, lab.quadraticGradient([1, 10], p));
  opt.delete();
  let error = null;
  try { lab.createOptimizer({ kind: 'adagrad', lr: -1 }); } catch (e) { error = { isError: e instanceof Error, message: e.message }; }
  const run = new lab.TrainingRun({ optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'spiral', n_samples: 100 } });
  run.epochs(20);
  const losses = Array.from(run.losses());
  const grid = Array.from(run.predictGrid({ nx: 4, ny: 3 }));
  run.delete();
  report('RESULT', { evalBlocked, violations, step: Array.from(p), error, losses, grid });
}, (e) => report('FAILED', String(e)));
`;

test('loads from file:// under a strict CSP in headless Chromium and matches Node', { skip: !fs.existsSync(chromium) && `no browser at ${chromium}` }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adagrad-lab-page-'));
  const browser = await playwright.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    fs.writeFileSync(path.join(dir, 'index.html'), page(pathToFileURL(modulePath).href));
    fs.writeFileSync(path.join(dir, 'check.js'), check);
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await tab.waitForFunction(() => /END$/.test(document.body.textContent), null, { timeout: 60000 });
    const dom = await tab.evaluate(() => document.body.textContent);
    const m = /(RESULT|FAILED)(.*?)END/.exec(dom);
    assert.ok(m, `the page never reported; its DOM:\n${dom.slice(0, 2000)}`);
    const result = JSON.parse(decodeURIComponent(m[2]));
    assert.strictEqual(m[1], 'RESULT', `the module failed in the page: ${result}`);
    assert.strictEqual(result.evalBlocked, true, 'the policy is in force (eval is blocked)');
    // Exactly one violation: the probe above. The module itself never evals nor fetches.
    assert.deepStrictEqual(result.violations, ['script-src eval']);
    assert.deepStrictEqual(result.error, { isError: true, message: 'lr must be finite and > 0, got -1' });

    // The same computations in Node: the same module gives the same numbers.
    const lab = await loadLab();
    const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.5 });
    const p = new Float64Array([3, 2]);
    opt.step(p, lab.quadraticGradient([1, 10], p));
    opt.delete();
    assert.deepStrictEqual(result.step, Array.from(p));
    const run = new lab.TrainingRun({ optimizer: { kind: 'adagrad', lr: 0.1 }, data: { kind: 'spiral', n_samples: 100 } });
    run.epochs(20);
    assert.deepStrictEqual(result.losses, Array.from(run.losses()));
    assert.deepStrictEqual(result.grid, Array.from(run.predictGrid({ nx: 4, ny: 3 })));
    run.delete();
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
