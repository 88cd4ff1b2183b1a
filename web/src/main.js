// Wires the page: starts the WASM core, reads the settings from the URL, renders each figure
// into its section and keeps the URL in step with what the reader changes.
// This file (dist/app.js) knows every figure's names and settings table ('@lesson-index', made by
// build-scripts/bundle.mjs) but not their code: each figure's code is a file of its own,
// adagrad-lab/NAME.js, loaded when the figure is on screen or about to be (chunks.js), and the
// Embed/Export disclosures' code, adagrad-lab/kit.js, once the figures are in or a reader opens one.
import { readHash, writeHash, registerSchemas, keepAccepted } from './state.js';
import figures from '@lesson-index';
import { el, openWhenWide, trackTransport } from './ui/dom.js';
import { mark, measure } from './perf.js';
import { load } from './chunks.js';

// the files of code are in adagrad-lab/ beside this script
const script = document.currentScript;
const base = new URL('.', script && script.src ? script.src : location.href);

registerSchemas(figures);
// the contents (and any other disclosure so marked) fold on a phone, before the first paint
for (const details of document.querySelectorAll('details[data-open-when-wide]')) openWhenWide(details);
const defaults = { page: {}, ...Object.fromEntries(figures.map((f) => [f.name, f.defaults || {}])) };

// One task of the page's work at a time: the browser paints and answers the reader in between.
// When idle: at the latest after 100 ms, so that a page whose figures animate (and leave the
// browser few idle moments) still mounts every figure within a few seconds.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const whenIdle = () => new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: 100 }) : setTimeout(resolve, 0)));

async function main() {
  const status = document.getElementById('status') || el('p');
  let lab;
  // the first screen's figures' files load while the core compiles
  const aboveFold = figures.filter((f) => { const c = document.getElementById(f.mount); return c && c.getBoundingClientRect().top < window.innerHeight + 200; });
  for (const f of aboveFold) load(f.name, base).catch(() => {});
  try {
    if (typeof window.AdagradLab !== 'function') throw new Error('adagrad_lab.js did not load');
    mark('script');
    lab = await window.AdagradLab();
    mark('core');
  } catch (error) {
    status.textContent = `The WebAssembly core could not start: ${error && error.message ? error.message : error}`;
    status.classList.add('danger');
    return;
  }
  status.hidden = true;
  window.adagradLab = lab;  // for the curious in the console, and for the browser tests' leak check

  // A bare word in the hash that is an element's id is a section to scroll to (the page's own
  // heading links and skip link are such words); everything else is settings.
  const isSection = (word) => /^[a-z][a-z0-9-]*$/i.test(word) && document.getElementById(word) !== null;
  // Reading the link must never leave the page empty: whatever goes wrong is a notice.
  const safeRead = (hash) => {
    try { return readHash(hash, { isSection }); } catch (error) {
      console.warn('reading the link failed:', error);
      return { ...readHash('', { isSection }), refused: ['The link’s settings could not be read and were ignored.'] };
    }
  };
  const { state, refused, section: linkedSection } = safeRead(location.hash);
  let section = linkedSection;
  const scrollToSection = () => { if (section) document.getElementById(section)?.scrollIntoView(); };
  scrollToSection();
  // Figures above the section grow as they mount: scroll again once they have, unless the reader
  // has moved on by then.
  let readerMoved = false;
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) window.addEventListener(type, () => { readerMoved = true; }, { once: true, passive: true });
  const notice = document.getElementById('link-notice') || el('div');
  if (refused.length) {
    notice.replaceChildren(...refused.map((text) => el('p', {}, text)));
    notice.hidden = false;
  }
  // page.only=NAME: that figure alone, and only it is computed
  const only = state.page.only ? figures.find((f) => f.name === state.page.only) : null;
  if (only) {
    document.body.dataset.only = only.name;
    for (const section of document.querySelectorAll('main section[data-figure]'))
      section.classList.toggle('only', section.dataset.figure === only.key);
  }

  let writing = '';
  const current = { page: state.page };
  // The link follows what the reader changes, written once per task however many figures report
  // (history.replaceState is slow, and Chromium throttles it when called in bursts).
  let persistQueued = false;
  const persist = () => {
    if (persistQueued) return;
    persistQueued = true;
    queueMicrotask(() => { persistQueued = false; writeLink(); });
  };
  const writeLink = () => {
    const settings = writeHash(current, defaults);
    const hash = section ? (settings ? `${section}&${settings}` : section) : settings;
    writing = hash;
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    history.replaceState(null, '', url);
  };
  const updates = {};
  // Mount every figure whose container is on this page: the whole lesson, or one figure's
  // development page (dist/figures/KEY.html). Each figure's file loads, then it mounts, each
  // mount a task of its own: first the figures on screen (the page is then interactive), then
  // any figure the link sets, then those coming near the screen as the reader scrolls
  // (IntersectionObserver, a screen ahead), the rest in page order when the page is idle.
  // data-ready says that every figure is mounted.
  const containerOf = (f) => document.getElementById(f.mount);
  const top = (f) => containerOf(f).getBoundingClientRect().top;
  const mounted = figures.filter((f) => containerOf(f) && (!only || f === only)).sort((a, b) => top(a) - top(b));
  const onScreen = (f) => { const r = containerOf(f).getBoundingClientRect(); return r.top < window.innerHeight + 200 && r.bottom > -200; };
  let linkState = state;   // the link's settings, for figures not mounted yet
  for (const { name } of mounted) current[name] = { ...defaults[name], ...state[name] };
  const setByLink = (f) => Object.keys(linkState[f.name] || {}).length > 0;

  // The Embed and Export disclosures show at once; their code (adagrad-lab/kit.js) loads when a
  // reader opens one, or once every figure is in, and then fills them.
  let kit = null;
  let kitLoading = null;
  const kitFills = [];
  const loadKit = () => (kitLoading ||= load('kit', base).then((code) => {
    kit = code;
    for (const fill of kitFills.splice(0)) fill();
  }, (error) => { kitLoading = null; console.error('the Embed and Export code could not load:', error); }));
  const addKit = (figure, container) => {
    const { name, title } = figure;
    const embed = el('details', { className: 'embed-kit' }, el('summary', {}, 'Embed this figure'));
    const exported = el('details', { className: 'export-kit' }, el('summary', {}, 'Export'));
    container.after(embed, exported);
    // the figure's settings that differ from its defaults, for the embedding code
    const changed = () => Object.fromEntries(Object.entries(current[name] || {}).filter(([k, v]) => v !== defaults[name][k]));
    const results = () => (typeof figure.results === 'function' ? figure.results(lab, current[name]) : null);
    const python = () => (kit.pytorchFigures.includes(name)
      ? kit.pytorchScript(name, current[name], kit.pytorchNeedsData.includes(name) ? kit.pytorchData(lab, name, current[name]) : undefined) : null);
    const fill = () => {
      kit.embedKit({ name, title }, changed, embed);
      kit.exportKit({ name, title }, container, () => ({ ...current[name] }), results, python, exported);
    };
    if (kit) { fill(); return; }
    kitFills.push(fill);
    for (const details of [embed, exported]) details.addEventListener('toggle', () => { if (details.open) loadKit(); });
  };

  // A figure that fails to load or render says so in its own place; the others still mount.
  const mountOne = (figure) => {
    const { key, name, mount, render } = figure;
    const container = document.getElementById(mount);
    const started = performance.now();
    container.replaceChildren();
    try {
      updates[name] = render(container, lab, {
        state: linkState[name],
        // a value the link could not carry back (a field left at "NaN") keeps the last good one
        onState(values) { current[name] = keepAccepted(name, values, current[name]); persist(); },
      });
      trackTransport(container);
      if (!container.nextElementSibling?.classList.contains('embed-kit')) addKit(figure, container);
    } catch (error) {
      console.error(`figure ${key}:`, error);
      container.replaceChildren(el('p', { className: 'status danger' },
        `This figure could not start: ${error && error.message ? error.message : error}`));
    }
    measure(`mount ${key}`, started);
    mark(`rendered ${key}`);
  };
  const mountFigure = async (figure) => {
    let code;
    try { code = await load(figure.name, base); } catch (error) {
      console.error(`figure ${figure.key}:`, error);
      containerOf(figure).replaceChildren(el('p', { className: 'status danger' }, `This figure’s code could not load: ${error.message}`));
      return;
    }
    mountOne({ ...figure, ...code });
  };

  // A pasted or edited link: apply it without reloading. A link to a section only (the page's
  // own navigation) scrolls there, which the browser has done, and changes no setting.
  const pending = [...mounted];   // in page order
  const urgent = [];              // figures a link sets, mounted next
  // Each figure a link changes recomputes in a task of its own (a link can change all of them);
  // html[data-applying] is set until the last has. A newer link stops an older one's work.
  let applying = 0;
  window.addEventListener('hashchange', async () => {
    if (location.hash.slice(1) === writing) return;
    const next = safeRead(location.hash);
    section = next.section;
    const settingsGiven = next.refused.length > 0 || Object.values(next.state).some((group) => Object.keys(group).length > 0);
    if (!settingsGiven) { persist(); return; }
    const generation = ++applying;
    document.documentElement.dataset.applying = 'true';
    notice.replaceChildren(...next.refused.map((text) => el('p', {}, text)));
    notice.hidden = next.refused.length === 0;
    linkState = next.state;
    const changed = [];
    for (const figure of mounted) {
      const { name } = figure;
      if (!updates[name]) {   // not mounted yet: it mounts with these settings, and soon if they are its own
        current[name] = { ...defaults[name], ...next.state[name] };
        if (setByLink(figure) && pending.includes(figure)) urgent.push(figure);
        continue;
      }
      // a figure already showing these settings (and no refused text in its fields) is left
      // alone: a pasted link that changes one figure recomputes that one, not the whole lesson
      const wanted = { ...defaults[name], ...next.state[name] };
      const showing = current[name] && Object.keys(wanted).every((k) => current[name][k] === wanted[k])
        && !containerOf(figure).querySelector('[aria-invalid="true"], .field.invalid');
      if (!showing) changed.push([name, wanted]);
    }
    for (const [i, [name, wanted]] of changed.entries()) {
      if (i > 0) await nextTask();
      if (generation !== applying) return;
      try { updates[name](wanted); } catch (error) { console.error(`figure ${name}:`, error); }  // the others still update
    }
    persist();   // the address now holds what the page shows: what was refused is gone from it
    delete document.documentElement.dataset.applying;
  });

  const take = (figure) => { pending.splice(pending.indexOf(figure), 1); return figure; };
  const firstScreen = mounted.filter(onScreen);
  for (const figure of firstScreen) {
    await nextTask();   // the core's start, and each figure, a task of its own
    await mountFigure(take(figure));
  }
  mark('interactive');
  urgent.push(...pending.filter(setByLink));
  const near = new Set();
  const watcher = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => { for (const e of entries) if (e.isIntersecting) near.add(e.target.id); else near.delete(e.target.id); }, { rootMargin: '100% 0px' })
    : null;
  for (const figure of pending) watcher?.observe(containerOf(figure));
  while (pending.length > 0) {
    const soon = () => urgent.find((f) => pending.includes(f)) || pending.find((f) => near.has(f.mount));
    if (soon()) await nextTask(); else await whenIdle();
    const figure = take(soon() || pending[0]);
    watcher?.unobserve(containerOf(figure));
    await mountFigure(figure);
  }
  watcher?.disconnect();
  persist();
  if (linkedSection && !readerMoved) scrollToSection();
  if (mounted.length > 0) { await whenIdle(); await loadKit(); }
  document.documentElement.dataset.ready = 'true';
  mark('ready');
}

main();
