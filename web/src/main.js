// Wires the page: starts the WASM core, reads the settings from the URL, renders each figure
// into its section and keeps the URL in step with what the reader changes.
import { readHash, writeHash, registerSchemas, keepAccepted } from './state.js';
import { figures } from './registry.js';
import { el, openWhenWide, trackTransport } from './ui/dom.js';
import { mark } from './perf.js';
import { embedKit, exportKit } from './ui/embedkit.js';
import { pytorchScript, pytorchFigures, pytorchNeedsData, pytorchData } from './export/pytorch.js';

registerSchemas(figures);
// the contents (and any other disclosure so marked) fold on a phone, before the first paint
for (const details of document.querySelectorAll('details[data-open-when-wide]')) openWhenWide(details);
const defaults = { page: {}, ...Object.fromEntries(figures.map((f) => [f.name, f.defaults || {}])) };

async function main() {
  const status = document.getElementById('status') || el('p');
  let lab;
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
  const persist = () => {
    const settings = writeHash(current, defaults);
    const hash = section ? (settings ? `${section}&${settings}` : section) : settings;
    writing = hash;
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    history.replaceState(null, '', url);
  };
  const updates = {};
  // Mount every figure whose container is on this page: the whole lesson, or one figure's
  // development page (dist/figures/KEY.html), or a page that embeds a few.
  // Figures on screen mount first and the page is interactive; the rest follow one per task, so
  // the reader can scroll and click meanwhile. data-ready says that every figure is mounted.
  const top = (f) => document.getElementById(f.mount).getBoundingClientRect().top;
  const mounted = figures.filter((f) => document.getElementById(f.mount) && (!only || f === only)).sort((a, b) => top(a) - top(b));
  const onScreen = (f) => top(f) < window.innerHeight + 200;
  const queue = [...mounted.filter(onScreen), ...mounted.filter((f) => !onScreen(f))];  // then in page order
  const first = mounted.filter(onScreen).length;
  // A figure that fails to render says so in its own place; the others still mount.
  const mountOne = (figure) => {
    const { key, name, title, mount, render } = figure;
    const container = document.getElementById(mount);
    container.replaceChildren();
    current[name] = { ...defaults[name], ...state[name] };
    try {
      updates[name] = render(container, lab, {
        state: state[name],
        // a value the link could not carry back (a field left at "NaN") keeps the last good one
        onState(values) { current[name] = keepAccepted(name, values, current[name]); persist(); },
      });
      trackTransport(container);
      // the figure's settings that differ from its defaults, for the embedding code
      const changed = () => Object.fromEntries(Object.entries(current[name] || {}).filter(([k, v]) => v !== defaults[name][k]));
      if (!container.nextElementSibling?.classList.contains('embed-kit')) {
        const results = () => (typeof figure.results === 'function' ? figure.results(lab, current[name]) : null);
        const python = () => (pytorchFigures.includes(name)
          ? pytorchScript(name, current[name], pytorchNeedsData.includes(name) ? pytorchData(lab, name, current[name]) : undefined) : null);
        container.after(embedKit({ name, title }, changed), exportKit({ name, title }, container, () => ({ ...current[name] }), results, python));
      }
    } catch (error) {
      console.error(`figure ${key}:`, error);
      container.replaceChildren(el('p', { className: 'status danger' },
        `This figure could not start: ${error && error.message ? error.message : error}`));
    }
    mark(`rendered ${key}`);
  };
  queue.slice(0, first).forEach(mountOne);
  mark('interactive');
  await new Promise((resolve) => {
    const next = (i) => {
      if (i >= queue.length) { resolve(); return; }
      mountOne(queue[i]);
      setTimeout(() => next(i + 1), 0);
    };
    setTimeout(() => next(first), 0);
  });
  persist();
  if (linkedSection && !readerMoved) scrollToSection();

  // A pasted or edited link: apply it without reloading. A link to a section only (the page's
  // own navigation) scrolls there, which the browser has done, and changes no setting.
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === writing) return;
    const next = safeRead(location.hash);
    section = next.section;
    const settingsGiven = next.refused.length > 0 || Object.values(next.state).some((group) => Object.keys(group).length > 0);
    if (!settingsGiven) { persist(); return; }
    notice.replaceChildren(...next.refused.map((text) => el('p', {}, text)));
    notice.hidden = next.refused.length === 0;
    for (const { name } of mounted) {
      if (!updates[name]) continue;
      try { updates[name]({ ...defaults[name], ...next.state[name] }); } catch (error) { console.error(`figure ${name}:`, error); }  // the others still update
    }
  });
  document.documentElement.dataset.ready = 'true';
  mark('ready');
}

main();
