// The plumbing the two race figures (race, valley) share: a settings table's fields and racer
// list, reading them, mapping a message from the core back to its field, writing the state into
// the link and applying a link's state. The figures keep their own plots and words.
import { el } from './dom.js';
import { numberField, fieldOfMessage, messageOf } from './controls.js';
import { racerList } from './racers.js';
import { raceStyles } from '../draw/markers.js';
import { cssColor } from '../draw/colors.js';
import { readFields } from '../settings.js';
import { pageWords } from './pagewords.js';

// Each optimizer's look and the hyperparameters its row notes, the same in both races.
const LOOKS = {
  gd: { style: raceStyles.gd }, mom: { style: raceStyles.momentum, note: 'β = 0.9' }, nag: { style: raceStyles.nesterov, note: 'β = 0.9' },
  ada: { style: raceStyles.adagrad }, rms: { style: raceStyles.rmsprop, note: 'α = 0.99' }, adam: { style: raceStyles.adam, note: 'β = 0.9, 0.999' },
};
/** The racer rows for `ids`, named by `names` (each figure's story names them). */
export const racersOf = (ids, names) => ids.map((id) => ({ id, name: names[id], ...LOOKS[id] }));

/** "label: A (step 3), B (step 9)" for a leader board [{id, step}], or `none` when it is empty. */
export function boardNodes(board, { label, none, names }) {
  if (!board.length) return [none];
  return [label, ...board.flatMap((d, i) => [i ? ', ' : '', el('span', { className: 'racer-key', style: `--key:${cssColor(LOOKS[d.id].style.color)}` }, names[d.id]), ` (step ${d.step})`])];
}

/** The screen reader's line for a step: every shown racer's status. */
export const announcement = (step, steps, racers, shown, statusOf) =>
  `Step ${step} of ${steps}. ${racers.filter((r) => shown(r.id)).map((r) => `${r.name}: ${statusOf(r.id, step).text}`).join('. ')}.`;

/** settings: a table with the racers' η under their ids and `hide`; s: the state to start from;
 *  racers: [{id, style, name, note?}]; keys: the other numeric settings that get a field;
 *  fieldNames: a field's name on the page where it is not its key (data-field, messages);
 *  coreNames: the core's option names in the figure's words (ui/pagewords.js). */
export function raceForm({ settings, s, racers, keys, fieldNames = {}, coreNames = {}, label, onToggle, onCommit }) {
  const d = settings.declarations;
  const ids = racers.map((r) => r.id);
  const list = racerList({ racers: racers.map((r) => ({ ...r, lr: s[r.id], slide: d[r.id].slide })), label, onToggle, onCommit });
  for (const id of String(s.hide).split(',').filter(Boolean)) list.setShown(id, false);
  const fields = {
    ...Object.fromEntries(keys.map((k) => [k, numberField({
      label: d[k].label, name: fieldNames[k] ?? k, value: s[k], width: 's', onCommit, slide: d[k].slide,
      inputMode: d[k].whole ? 'numeric' : undefined,
    })])),
    ...list.fields,
  };

  /** The form's values ({…settings, lr: {id: η}}), or null with each refused field marked.
   *  @returns {{ [key: string]: any, lr: Record<string, number> } | null} */
  function read() {
    const v = readFields(settings, fields);
    if (!v) return null;
    return { ...v, lr: Object.fromEntries(ids.map((id) => [id, v[id]])) };
  }

  /** Marks the field a core message is about, with the message in the figure's words; returns
   *  {found, said}: whether a field was marked, and those words. `racer`: the racer whose run
   *  threw; `names`: the core's option name → the figure's setting. */
  function blame(error, racer, names = {}) {
    const msg = messageOf(error);
    const word = fieldOfMessage(msg);
    const key = word === 'lr' && racer ? racer : word === 'x0' ? (/x0\[1\]/.test(msg) ? 'b0' : 'w0') : names[word] ?? word;
    const said = pageWords(msg, coreNames);
    if (fields[key]) { fields[key].error(said); return { found: true, said }; }
    return { found: false, said };
  }

  /** What goes into the link: every field's text, the speed and who is hidden. */
  const state = (speed) => ({
    ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.text.trim()])),
    speed, hide: list.hidden().join(','),
  });

  /** A link's state, put into the fields (the caller recomputes). */
  function apply(next, transport) {
    for (const [k, f] of Object.entries(fields)) if (next[k] !== undefined) f.set(next[k]);
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    if (next.hide !== undefined) { const hidden = String(next.hide).split(','); for (const id of ids) list.setShown(id, !hidden.includes(id)); }
  }

  return { racers: list, fields, read, blame, state, apply };
}
