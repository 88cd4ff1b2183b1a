// A legend that is also the control panel of a race between optimizers: one row per optimizer
// with its swatch and name (a toggle button: click to hide or show it), its learning-rate field
// with the usual message slot, and a status line the figure fills in (its loss, or "diverged").
import { el } from './dom.js';
import { numberField } from './controls.js';
import { swatch } from './legend.js';

/** racers: [{id, style, name?, note?, lr}]; onToggle(id, shown); onCommit() after an η edit. */
export function racerList({ racers, label = 'Optimizers', onToggle = () => {}, onCommit = () => {} }) {
  const rows = {};
  const list = el('ul', { className: 'racers', 'aria-label': label });
  for (const r of racers) {
    const toggle = el('button', {
      type: 'button', className: 'racer-toggle', 'aria-pressed': 'true',
      title: 'Click to hide or show this optimizer', dataset: { racer: r.id },
    }, swatch(r.style), el('span', { className: 'racer-name' }, r.name || r.style.name),
    r.note ? el('span', { className: 'racer-note' }, r.note) : null);
    const lr = numberField({ label: 'η', name: `lr-${r.id}`, value: r.lr, width: 's', onCommit, slide: r.slide });
    // the field shows "η" beside the name; its accessible name says whose η it is
    lr.root.querySelector('label').append(el('span', { className: 'visually-hidden' }, ` of ${r.name || r.style.name}`));
    const status = el('span', { className: 'racer-status' });
    const item = el('li', { className: 'racer', dataset: { racer: r.id } }, toggle, lr.root, status);
    toggle.addEventListener('click', () => {
      const shown = toggle.getAttribute('aria-pressed') !== 'true';
      set(r.id, shown);
      onToggle(r.id, shown);
    });
    rows[r.id] = { item, toggle, lr, status };
    list.append(item);
  }
  function set(id, shown) {
    rows[id].toggle.setAttribute('aria-pressed', String(shown));
    rows[id].item.classList.toggle('off', !shown);
  }
  return {
    root: list,
    fields: Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, r.lr])),
    shown: (id) => rows[id].toggle.getAttribute('aria-pressed') === 'true',
    setShown: set,
    /** The ids currently hidden, in list order. */
    hidden: () => racers.map((r) => r.id).filter((id) => rows[id].toggle.getAttribute('aria-pressed') !== 'true'),
    setStatus(id, ...parts) { rows[id].status.replaceChildren(...parts); },
  };
}
