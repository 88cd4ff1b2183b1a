// Figure 2: the update rule in detail. Where ε goes (outside the root as in PyTorch, inside as in
// the notebook, Keras 3 and Optax), what that changes on a live run, and PyTorch's three extra
// options switched on and off. Parts live in update/: placement.js, options.js, libraries.js.
import { el, openWhenWide } from '../ui/dom.js';
import { restoreDefaults } from '../ui/controls.js';
import { placementPart } from './update/placement.js';
import { optionsPart } from './update/options.js';
import { settings } from './update/settings.js';
import { fromStart } from './update/model.js';
import { libraryTable } from './update/libraries.js';

export const key = 'update';
export const title = 'The update rule, and where ε goes';
export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? { tiny: fromStart(lab, values, values.tiny), big: fromStart(lab, values, values.big) } : null;
}
export const schema = settings.schema;

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let ready = false;
  const report = () => { if (ready) onState({ ...placement.values(), ...options.values() }); };
  container.classList.add('update-fig');

  const placement = placementPart(lab, s, report);
  const options = optionsPart(lab, s, report);
  container.append(
    el('p', { className: 'fig-caption' },
      'What to notice: ε’s place only matters while G is not far above ε (a tiny start, or a parameter that has hardly had a gradient); ',
      'the text under the charts says, for the starts you choose, how far apart the two placements end. Each of PyTorch’s switches changes the run and its line of the rule.'),
    // reference more than run: on a phone, where its cards run to screens, it starts folded
    openWhenWide(el('details', { className: 'more libs-fold' },
      el('summary', {}, 'Where each library puts ε, with its defaults'), libraryTable())),
    el('h3', { className: 'update-h' }, 'Both placements on f(x) = x²'),
    placement.root,
    el('h3', { className: 'update-h' }, 'PyTorch’s three extra options, on the notes’ line fit y = 2x'),
    options.root);

  const startA = () => {
    if (placement.recompute()) return;
    const keys = ['lr', 'eps', 'tiny', 'big', 'steps'];
    restoreDefaults(placement.fields, Object.fromEntries(keys.map((k) => [k, defaults[k]])), () => placement.recompute(), placement.formMessage, 'runs');
  };
  const startB = () => {
    if (options.recompute()) return;
    for (const k of ['decay', 'wd', 'acc']) options.toggles[k].set(defaults[k] === 'on');
    const keys = { blr: 'blr', bsteps: 'bsteps', decayv: 'decayv', wdv: 'wdv', accv: 'accv' };
    restoreDefaults(options.fields, Object.fromEntries(Object.keys(keys).map((k) => [k, defaults[k]])), () => options.recompute(), options.formMessage, 'runs');
  };
  startA();
  startB();
  ready = true;
  report();

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the figure. */
  return function update(next = {}) {
    placement.set(next);
    options.set(next);
    ready = false;
    startA();
    startB();
    ready = true;
    report();
  };
}
