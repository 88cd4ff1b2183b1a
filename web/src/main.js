// Wires the page: starts the WASM core, reads the settings from the URL, renders each figure
// into its section and keeps the URL in step with what the reader changes.
import { readHash, writeHash } from './state.js';
import { render as renderParabola, defaults as parabolaDefaults } from './demos/parabola.js';
import { render as renderTable, defaults as tableDefaults } from './demos/steptable.js';
import { render as renderSpiral, defaults as spiralDefaults } from './demos/spiral.js';
import { el } from './ui/dom.js';

const defaults = { x2: parabolaDefaults, table: tableDefaults, sp: spiralDefaults, page: {} };
const figures = [
  ['x2', 'fig-parabola', renderParabola],
  ['table', 'fig-table', renderTable],
  ['sp', 'fig-spiral', renderSpiral],
];

async function main() {
  const status = document.getElementById('status');
  let lab;
  try {
    if (typeof window.AdagradLab !== 'function') throw new Error('adagrad_lab.js did not load');
    lab = await window.AdagradLab();
  } catch (error) {
    status.textContent = `The WebAssembly core could not start: ${error && error.message ? error.message : error}`;
    status.classList.add('danger');
    return;
  }
  status.hidden = true;
  window.adagradLab = lab;  // for the curious in the console, and for the browser tests' leak check

  const { state, refused } = readHash(location.hash);
  const notice = document.getElementById('link-notice');
  if (refused.length) {
    notice.replaceChildren(...refused.map((text) => el('p', {}, text)));
    notice.hidden = false;
  }
  if (state.page.only) document.body.dataset.only = state.page.only;

  let writing = '';
  const current = { page: state.page };
  const persist = () => {
    const hash = writeHash(current, defaults);
    writing = hash;
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    history.replaceState(null, '', url);
  };
  const updates = {};
  for (const [key, id, render] of figures) {
    const container = document.getElementById(id);
    container.replaceChildren();
    current[key] = { ...defaults[key], ...state[key] };
    updates[key] = render(container, lab, {
      state: state[key],
      onState(values) { current[key] = values; persist(); },
    });
  }
  persist();

  // A pasted or edited link: apply it without reloading.
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === writing) return;
    const next = readHash(location.hash);
    notice.replaceChildren(...next.refused.map((text) => el('p', {}, text)));
    notice.hidden = next.refused.length === 0;
    for (const [key] of figures) updates[key]({ ...defaults[key], ...next.state[key] });
  });
  document.documentElement.dataset.ready = 'true';
}

main();
