// Hostile links (issue 13): seeded hostile hashes (tests/fuzz/hostile-hashes.mjs, the generator
// the Node fuzzer of the URL-state reader uses: unknown and prototype keys, script fragments,
// 1 MB strings, huge numbers, duplicate keys, every setting at and past its limits, broken
// percent-encoding, lone surrogates) set on the lesson and on each figure's own page. Most go in
// through `location.hash` on an open page (the page applies a pasted link on hashchange); some
// are full loads of the page at that address. For each:
//  - nothing the link carries runs: a sentinel (__pwned, alert, confirm, prompt) records any call,
//    a MutationObserver any element with an on* attribute, a script, an iframe or a javascript:
//    link, and every policy violation is a console error;
//  - the page answers within 2 s (the round trip of applying the hash is timed, and the longest
//    task is watched with a long-task observer);
//  - the notice lists exactly what the page's reader refused, and is hidden when nothing was;
//  - every figure then shows the link's settings: the address the page writes back reads, setting
//    by setting, as the link does (defaults for what it leaves out);
//  - the figures still work (every so often, and at the end: Reset and Step move each figure's
//    counter; no figure shows an error, NaN or undefined), and no console error or page error.
//
//   ADAGRAD_HOSTILE_LINKS=N   hashes through hashchange, each on the lesson and a figure's page
//   ADAGRAD_HOSTILE_LOADS=M   of those, full page loads (the lesson for every eighth)
//   ADAGRAD_HOSTILE_SEED=S    the generator's seed (printed on a failure)
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { launch, problems, httpUrl, fileUrl, reportPolicyViolations, root } = require('./helpers.js');
const { devUrl } = require('./fig-dev-page.js');

const LINKS = Number(process.env.ADAGRAD_HOSTILE_LINKS || 400);
const LOADS = Number(process.env.ADAGRAD_HOSTILE_LOADS || 24);
const SEED = Number(process.env.ADAGRAD_HOSTILE_SEED || 20261205);
const BATCH = 50;        // hashes per round trip into the page
const WORKS_EVERY = 500; // hashes between two checks that every figure still steps
const HANG_MS = 2000;     // no task of the page's may be longer
const ANSWER_MS = 10000;  // the page has applied a link within this
const LONG = 65536;       // a longer hash is given by pushState and a hashchange event (see apply)

let browser, figures, hashes, state;
before(async () => {
  browser = await launch();
  const shared = await import(pathToFileURL(path.join(root, 'tests/fuzz/hostile-hashes.mjs')).href);
  figures = await shared.loadFigures();
  state = await import(pathToFileURL(path.join(root, 'web/src/state.js')).href);
  state.registerSchemas(figures);
  hashes = Array.from({ length: LINKS }, (_, i) => shared.generator(shared.mulberry32((SEED + Math.imul(i, 0x9E3779B1)) >>> 0), figures)());
});
after(async () => { await browser?.close(); });

/** Installed before any of the page's code: the sentinel, and the watchers of what may not happen. */
function sentinel() {
  window.__loaded = location.hash;   // as the browser holds it, before the page rewrites it
  window.__planted = [];
  const plant = (what) => window.__planted.push(String(what).slice(0, 200));
  window.__pwned = (n) => plant(`__pwned(${n})`);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (m) => plant(`${name}(${m})`);
  document.addEventListener('securitypolicyviolation', (e) => plant(`policy: ${e.violatedDirective} ${e.blockedURI}`));
  const look = (node) => {
    if (node.nodeType !== 1) return;
    for (const n of [node, ...node.querySelectorAll('*')]) {
      const tag = n.tagName.toLowerCase();
      // the page's own scripts are files beside it (adagrad-lab/NAME.js as figures load)
      if (tag === 'script' && !(n.src && new URL(n.src).href.startsWith(new URL('..', location.href).href))) plant(`<script ${n.src || 'inline'}> added`);
      if (['iframe', 'object', 'embed', 'frame'].includes(tag)) plant(`<${tag}> added`);
      for (const a of n.attributes) {
        if (/^on/i.test(a.name)) plant(`<${tag} ${a.name}> added`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name) && (/^\s*javascript:/i.test(a.value) || (tag === 'a' && /^\s*data:/i.test(a.value))))
          plant(`<${tag} ${a.name}=${a.value}> added`);
      }
    }
  };
  new MutationObserver((list) => {
    for (const m of list) {
      if (m.type === 'attributes') look(m.target);
      for (const n of m.addedNodes) look(n);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  // The page's answer to a link is timed from the start of the hashchange's dispatch (this
  // listener, capturing, runs before the page's own) to the frame after; the long tasks are kept
  // with their start, so that the browser's own work of setting a 1 MB address (done in the
  // task that sets it, before any of the page's code runs) is told apart from the page's.
  addEventListener('hashchange', () => { window.__changed = performance.now(); }, { capture: true });
  window.__tasks = [];
  try {
    window.__taskObserver = new PerformanceObserver((list) => { window.__tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])); });
    window.__taskObserver.observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing: the timed answers still bound the hang */ }

  /** What the page shows after a link: the notice, the address it wrote back, what was planted,
   *  and each figure's state of health. */
  window.__snapshot = () => {
    const notice = document.getElementById('link-notice');
    const bodies = [...document.querySelectorAll('main section[data-figure] .figure-body')].filter((b) => b.childElementCount > 0);
    return {
      notice: notice.hidden ? null : [...notice.querySelectorAll('p')].map((p) => p.textContent),
      written: location.hash,
      planted: window.__planted.slice(),
      // the longest task since `window.__since` (set when the link was given)
      longest: (() => {
        if (window.__taskObserver) window.__tasks.push(...window.__taskObserver.takeRecords().map((e) => [e.startTime, e.duration]));
        return Math.max(0, ...window.__tasks.filter(([start]) => start >= (window.__since || 0)).map(([, d]) => d));
      })(),
      // what the figures say beside their fields and forms
      said: bodies.flatMap((b) => [...b.querySelectorAll('.field-msg, .form-msg, .layer-msg, .status')].map((m) => m.textContent.trim()).filter(Boolean).map((t) => `${b.id}: ${t}`)),
      broken: bodies.filter((b) => b.querySelector('.status.danger') || !b.querySelector('canvas, table, button')
        || /\bNaN\b|undefined/.test(b.textContent)).map((b) => `${b.id}: ${(b.querySelector('.status.danger')?.textContent || b.textContent.match(/.{0,60}(\bNaN\b|undefined).{0,60}/)?.[0] || 'empty').slice(0, 200)}`),
    };
  };
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  await reportPolicyViolations(context);
  await context.addInitScript(sentinel);
  const page = await context.newPage();
  const messages = [];
  let dialogs = 0;
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
  page.on('requestfailed', (r) => messages.push({ type: 'requestfailed', text: r.url() }));
  page.on('dialog', (d) => { dialogs++; d.dismiss().catch(() => {}); });
  return { context, page, messages, dialogs: () => dialogs };
}

const lessonUrl = httpUrl || fileUrl;
const short = (h) => JSON.stringify(h.length > 160 ? `${h.slice(0, 160)}… (${h.length} chars)` : h);

/** Sets each hash through location.hash and waits for the page to have applied it; returns, per
 *  hash, the address as the browser holds it (percent-encoded its way), the time taken and the
 *  snapshot, or { same: true } when the browser saw no change of address (no hashchange). */
async function apply(page, batch) {
  return page.evaluate(async ({ batch, LONG }) => {
    const out = [];
    for (const h of batch) {
      const before = location.href;
      const applied = new Promise((resolve) => addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true }));
      if (h.length <= LONG) location.hash = h;
      else {
        // Chromium's own navigation to a fragment of a megabyte, with the lesson's DOM, takes
        // 0.3–3 s of the page's thread after the address is set, none of it the page's code
        // (docs/reliability.md): such an address is set as the page's own code would be told
        // of it, and the page's answer is what is timed
        history.pushState(null, '', `#${h.replace(/^#/, '')}`);
        if (location.href !== before) dispatchEvent(new HashChangeEvent('hashchange', { oldURL: before, newURL: location.href }));
      }
      if (location.href === before) { out.push({ same: true }); continue; }
      const given = location.hash;
      window.__since = performance.now();   // what the page does from here on is its answer
      await applied;
      // the page recomputes the figures a link changes one task each, under html[data-applying]
      while (document.documentElement.dataset.applying) await new Promise((resolve) => setTimeout(resolve, 5));
      // one more frame: a figure that reports its settings after a frame has done so
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      out.push({ given, ms: performance.now() - window.__changed, ...window.__snapshot() });
    }
    return out;
  }, { batch, LONG });
}

/** The checks for one applied link; `where` names the page and the hash. */
function check(r, { where, ids, mountedGroups, defaults, load }) {
  assert.deepEqual(r.planted, [], `${where}: the link planted something that ran or could run`);
  // no task of the page's over 2 s; and an answer at all within ANSWER_MS (a page busy in a chain
  // of short tasks blocks nothing, yet never settles): the round trip also waits on a machine
  // shared with other jobs, so it is not held to 2 s
  assert.ok(r.longest < HANG_MS, `${where}: a task of ${r.longest} ms`);
  assert.ok(r.ms === undefined || r.ms < ANSWER_MS, `${where}: the page answered after ${r.ms} ms`);
  assert.deepEqual(r.broken, [], `${where}: a figure stopped working`);
  const expected = state.readHash(r.given, { isSection: (w) => /^[a-z][a-z0-9-]*$/i.test(w) && ids.has(w) });
  const settingsGiven = expected.refused.length > 0 || Object.values(expected.state).some((g) => Object.keys(g).length > 0);
  if (!settingsGiven && !load) return;
  if (expected.refused.length) assert.deepEqual(r.notice, expected.refused, `${where}: the notice`);
  else assert.equal(r.notice, null, `${where}: a notice for a link with nothing refused`);
  // the address the page wrote back holds the link's settings, figure by figure
  const written = state.readHash(r.written, { isSection: () => true });
  assert.deepEqual(written.refused, [], `${where}: the page wrote an address it refuses: ${short(r.written)}`);
  // (a value each setting's rule allows may still be refused by the core in its combination with
  // the others, such as an odd number of the notebook's spiral points: the figure then keeps its
  // last good run and says why beside its fields)
  for (const g of mountedGroups) {
    const mount = figures.find((f) => f.name === g).mount;
    const says = r.said.filter((t) => t.startsWith(`${mount}: `));
    const table = figures.find((f) => f.name === g).settings;
    // the page writes a value as it reads it: a number trimmed ("1 " → "1"), a list in its order
    const norm = (k, v) => {
      const decl = table.get(k);
      if (decl.kind === 'subset') return v.split(',').sort().join(',');
      return ['rate', 'real', 'count'].includes(decl.kind) ? String(Number(v.trim())) : v;
    };
    for (const [k, d] of Object.entries(defaults[g])) {
      const want = norm(k, expected.state[g][k] ?? d), got = norm(k, written.state[g][k] ?? d);
      if (got !== want && says.length > 0) break;
      assert.equal(got, want, `${where}: ${g}.${k} shows ${JSON.stringify(got)}, the link says ${JSON.stringify(want)} (wrote ${short(r.written)}), and the figure says nothing`);
    }
  }
}

/** Reset, then Step, on every figure with a transport: its counter goes to 0, then to 1. */
async function stillSteps(page, where) {
  const stuck = await page.evaluate(async () => {
    const out = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (const transport of document.querySelectorAll('main .figure-body .transport')) {
      if (!transport.offsetParent) continue;
      const reset = transport.querySelector('[data-action="reset"]'), step = transport.querySelector('[data-action="step"]');
      const counter = transport.querySelector('.counter');
      if (!reset || !step || !counter) continue;
      const total = Number(/of (\d+)/.exec(counter.textContent)?.[1]);
      if (!(total > 0)) continue;
      reset.click();
      for (let i = 0; i < 50 && !/ 0 of /.test(counter.textContent); i++) await frame();
      step.click();
      for (let i = 0; i < 50 && !/ 1 of /.test(counter.textContent); i++) await frame();
      if (!/ 1 of /.test(counter.textContent)) out.push(`${transport.closest('.figure-body').id}: ${counter.textContent}`);
    }
    return out;
  });
  assert.deepEqual(stuck, [], `${where}: Reset then Step did not move these figures’ counters`);
}

async function run(url, list, label, { loads = [] } = {}) {
  const { context, page, messages, dialogs } = await newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 30000 });
  const info = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((n) => n.id),
    mounts: [...document.querySelectorAll('main section[data-figure] .figure-body')].filter((b) => b.childElementCount > 0).map((b) => b.id),
  }));
  const ids = new Set(info.ids);
  const mountedGroups = figures.filter((f) => info.mounts.includes(f.mount)).map((f) => f.name);
  assert.ok(mountedGroups.length >= 1, `${label}: no figure mounted`);
  const defaults = Object.fromEntries(figures.map((f) => [f.name, f.settings.defaults]));
  let slowest = 0, longest = 0, applied = 0;
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    const results = await apply(page, batch.map(([, h]) => h));
    results.forEach((r, j) => {
      if (r.same) return;
      applied++;
      slowest = Math.max(slowest, r.ms);
      longest = Math.max(longest, r.longest);
      const [n, hash] = batch[j];
      findings(() => check(r, { where: `${label}, hash ${n} (seed ${SEED}) ${short(hash)}`, ids, mountedGroups, defaults }));
    });
    assert.equal(dialogs(), 0, `${label}: a dialog opened, hashes ${batch[0][0]}…`);
    assert.deepEqual(problems(messages), [], `${label}: console, hashes ${batch[0][0]}–${batch.at(-1)[0]} (seed ${SEED})`);
    if (Math.floor((i + BATCH) / WORKS_EVERY) !== Math.floor(i / WORKS_EVERY) || i + BATCH >= list.length) {
      await stillSteps(page, `${label} after hash ${batch.at(-1)[0]}`);
    }
  }
  // full loads, one page after another in the same tab (a fresh query string reloads it)
  for (const [n, hash] of loads) {
    const where = `${label}, loaded with hash ${n} (seed ${SEED}) ${short(hash)}`;
    const started = Date.now();
    await page.goto(`${url}?load=${n}${hash.startsWith('#') ? hash : `#${hash}`}`);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 30000 });
    const r = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { given: window.__loaded, ...window.__snapshot() };
    });
    r.ms = undefined;
    const now = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((x) => x.id),
      mounts: [...document.querySelectorAll('main section[data-figure] .figure-body')].filter((b) => b.childElementCount > 0).map((b) => b.id),
    }));
    findings(() => check(r, { where: `${where} (${Date.now() - started} ms)`, ids: new Set(now.ids), defaults, load: true,
      mountedGroups: figures.filter((f) => now.mounts.includes(f.mount)).map((f) => f.name) }));
    await stillSteps(page, where);
    assert.equal(dialogs(), 0, where);
    assert.deepEqual(problems(messages), [], where);
  }
  await context.close();
  return { applied, slowest, longest };
}

// A link's finding is kept and the run goes on (up to MAX_FINDINGS), so that one run lists them all.
const MAX_FINDINGS = 30;
let found = [];
function findings(fn) {
  try { fn(); } catch (error) {
    if (!(error instanceof assert.AssertionError)) throw error;
    found.push(error.message.split('\n')[0].slice(0, 600));
    if (found.length >= MAX_FINDINGS) throw new Error(`${found.length} findings, stopped:\n${found.join('\n')}`);
  }
}
const noFindings = () => { const list = found; found = []; assert.deepEqual(list, [], `${list.length} findings`); };

test(`${LINKS} hostile links on the lesson, through hashchange, and ${Math.ceil(LOADS / 8)} loaded`, { timeout: 3600e3 }, async () => {
  const list = hashes.map((h, i) => [i, h]);
  const loads = list.filter((_, i) => i % Math.max(1, Math.floor(LINKS / LOADS)) === 0).slice(0, LOADS).filter((_, k) => k % 8 === 0);
  const t0 = Date.now();
  const { applied, slowest, longest } = await run(lessonUrl, list, 'lesson', { loads });
  console.log(`# lesson: ${applied} hashes applied (${list.length - applied} left the address as it was), slowest answer ${slowest.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms, ${loads.length} loads, ${((Date.now() - t0) / 1000).toFixed(0)} s, ${found.length} findings`);
  noFindings();
});

test(`the same links on each figure’s own page, and ${LOADS - Math.ceil(LOADS / 8)} of them loaded`, { timeout: 3600e3 }, async () => {
  const list = hashes.map((h, i) => [i, h]);
  const loads = list.filter((_, i) => i % Math.max(1, Math.floor(LINKS / LOADS)) === 0).slice(0, LOADS).filter((_, k) => k % 8 !== 0);
  const t0 = Date.now();
  let applied = 0, slowest = 0, longest = 0;
  for (const [j, f] of figures.entries()) {
    // a hash goes to the page of one figure, in turn
    const mine = list.filter(([i]) => i % figures.length === j);
    const r = await run(devUrl(f.key), mine, `figures/${f.key}.html`, { loads: loads.filter(([i]) => i % figures.length === j) });
    applied += r.applied;
    slowest = Math.max(slowest, r.slowest);
    longest = Math.max(longest, r.longest);
  }
  console.log(`# figure pages: ${applied} hashes applied, slowest answer ${slowest.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms, ${loads.length} loads, ${((Date.now() - t0) / 1000).toFixed(0)} s, ${found.length} findings`);
  noFindings();
});
