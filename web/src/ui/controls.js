// Form controls with a message slot beside each one. Parsing here turns text into a finite
// number or a message naming the field and the value; whether a finite number is allowed is the
// WASM core's call (its range), and its message is shown.
import { el, uid } from './dom.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const quote = (t) => `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`;

/** Text → finite number, or {error} naming the field and the text. NaN, ±∞ and numbers that
 *  overflow to ∞ (1e400) are refused here: no figure computes with them or writes them into a
 *  link (a link's reader refuses them, so a page that wrote one could not be reopened). */
export function parseNumber(text, name, what = 'number') {
  const t = String(text ?? '').trim();
  if (t === '') return { error: `${name}: enter a number` };
  if (/^[-+]?(nan|inf|infinity)$/i.test(t)) return { error: `${name} must be a finite ${what}, got ${t}` };
  if (!NUMBER.test(t)) return { error: `${name}: ${quote(t)} is not a number` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { error: `${name} must be a finite ${what}, got ${t}` };
  return { value };
}

/** A whole number within the page's own limits (the core checks its own range after this). */
export function parseWhole(text, name, { min = -Infinity, max = Infinity } = {}) {
  const parsed = parseNumber(text, name, 'whole number');
  if (parsed.error) return parsed;
  const v = parsed.value;
  if (!Number.isInteger(v)) return { error: `${name} must be a whole number, got ${text.trim()}` };
  if (v < min) return { error: `${name} must be at least ${min} on this page, got ${v}` };
  if (v > max) return { error: `${name} can be at most ${max} on this page, got ${v}` };
  return parsed;
}

/** Reads a form: `build(read, refuse)` returns the settings, calling `read(field, parse)` for
 *  each field (its parsed value, marked ok; or the parser's message beside it and NaN) and
 *  `refuse()` for anything else found wrong. Returns the settings, or null if any was refused.
 *  Whatever the parser, a value that is not a finite number is refused here too: NaN from a field
 *  never reaches a figure, its counters or its link. */
export function readForm(build) {
  let bad = false;
  const read = (field, parse) => {
    const r = parse(field.text);
    const error = r.error || (typeof r.value === 'number' && !Number.isFinite(r.value)
      ? `${field.name || 'this field'} must be a finite number, got ${String(field.text).trim() || 'nothing'}` : '');
    if (error) { field.error(error); bad = true; return NaN; }
    field.ok();
    return r.value;
  };
  const cfg = build(read, () => { bad = true; });
  return bad ? null : cfg;
}

const SLIDER_STEPS = 1000;

/** A recompute slower than this (ms) is not repeated on every move of a slider's drag. */
export const LIVE_BUDGET_MS = 30;

/** Marks the figure around the field `node` as stale (a drag has moved past what it shows),
 *  working (a recompute is under way) or neither (null): style.css dims the figure and shows a
 *  badge under the field, and aria-busy tells assistive technology. */
export function busy(node, state) {
  const figure = node.closest('.figure-body') || node;
  for (const n of [node, figure]) n.dataset.busy = state || '';
  if (state) figure.setAttribute('aria-busy', 'true'); else figure.removeAttribute('aria-busy');
}

/** Slider position (0…SLIDER_STEPS) ↔ value over slide = {lo, hi, log, whole, grain}. */
export function sliderScale({ lo, hi, log, whole, grain = 1 }) {
  const a = log ? Math.log10(lo) : lo, b = log ? Math.log10(hi) : hi;
  const toValue = (pos) => {
    const u = a + ((b - a) * pos) / SLIDER_STEPS;
    const v = log ? Math.pow(10, u) : u;
    // a whole number on the grain, kept within the range (lo and hi are on it where it matters)
    return whole ? Math.min(hi, Math.max(lo, Math.round(v / grain) * grain)) : Number(v.toPrecision(3));
  };
  const toPosition = (v) => {
    if (!Number.isFinite(v)) return null;
    const u = log ? (v > 0 ? Math.log10(v) : a) : v;
    return Math.round((SLIDER_STEPS * (Math.min(b, Math.max(a, u)) - a)) / (b - a));
  };
  return { toValue, toPosition };
}

/** A labelled text input for a number with its own error line. With `slide` ({lo, hi, log,
 *  whole}, a settings declaration's .slide) a slider sits under the box: dragging writes the
 *  box and recomputes live, at most once a frame; typing moves the slider. */
export function numberField({ label, name, value, hint = '', width = 'm', inputMode = 'decimal', onCommit, slide = null }) {
  const id = uid(name);
  const input = el('input', {
    id, type: 'text', inputmode: inputMode, autocomplete: 'off', spellcheck: 'false',
    className: `w-${width}`, value: String(value), 'aria-describedby': `${id}-msg`,
    dataset: { field: name },
  });
  const message = el('span', { id: `${id}-msg`, className: 'field-msg', 'aria-live': 'polite' });
  const labelNode = el('label', { for: id, id: `${id}-label` }, label, hint ? el('span', { className: 'hint' }, hint) : null);
  const root = el('div', { className: 'field' }, labelNode, input, message);
  let committed = input.value;
  const commit = () => { if (input.value !== committed || input.getAttribute('aria-invalid')) { committed = input.value; onCommit(input.value); } };
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') commit(); });
  let slider = null;
  const scale = slide ? sliderScale(slide) : null;
  const place = () => {
    if (!slider) return;
    const t = input.value.trim();
    const pos = scale.toPosition(t === '' ? NaN : Number(t));
    if (pos !== null) slider.value = String(pos);
    slider.setAttribute('aria-valuetext', input.value);
  };
  if (slide) {
    // named by the box's label (read when asked, so a hidden "of AdaGrad" added later counts)
    slider = el('input', {
      type: 'range', min: '0', max: String(SLIDER_STEPS), step: '1', className: 'field-slider',
      'aria-labelledby': `${id}-label ${id}-slider`, dataset: { slider: name },
    });
    root.insertBefore(slider, message);
    root.append(el('span', { id: `${id}-slider`, className: 'visually-hidden' }, 'slider'));
    root.classList.add('has-slider');
    // Live while the figure keeps up: a recompute that took longer than a frame's budget makes
    // the rest of the drag only move the box (the figure is marked stale), and the release
    // recomputes once, showing the figure as working meanwhile.
    // (Two slow recomputes in a row, so that one cold start does not stop a fast figure's drag.)
    let frame = 0, slow = 0;
    const timed = () => { const t0 = performance.now(); commit(); slow = performance.now() - t0 > LIVE_BUDGET_MS ? slow + 1 : 0; };
    slider.addEventListener('input', () => {
      input.value = String(scale.toValue(Number(slider.value)));
      slider.setAttribute('aria-valuetext', input.value);
      if (slow >= 2) { busy(root, 'stale'); return; }
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; timed(); });
    });
    slider.addEventListener('change', () => {
      cancelAnimationFrame(frame); frame = 0;
      if (slow < 2) { timed(); return; }
      busy(root, 'working');
      // two frames: the "working" state is painted before the long recompute blocks the page
      requestAnimationFrame(() => requestAnimationFrame(() => { timed(); busy(root, null); }));
    });
    input.addEventListener('change', place);
    place();
  }
  return {
    root, input, slider, name: label,
    get text() { return input.value; },
    set(text) { input.value = String(text); committed = input.value; place(); },
    error(msg) {
      message.textContent = msg;
      input.setAttribute('aria-invalid', 'true');
      root.classList.add('invalid');
    },
    ok() {
      message.textContent = '';
      input.removeAttribute('aria-invalid');
      root.classList.remove('invalid');
    },
  };
}

/** A labelled <select>. options: [[value, text], …] */
export function selectField({ label, name, value, options, onChange }) {
  const id = uid(name);
  const select = el('select', { id, dataset: { field: name }, 'aria-describedby': `${id}-msg` },
    options.map(([v, t]) => el('option', { value: v }, t)));
  select.value = value;
  const message = el('span', { id: `${id}-msg`, className: 'field-msg', 'aria-live': 'polite' });
  select.addEventListener('change', () => onChange(select.value));
  const root = el('div', { className: 'field' }, el('label', { for: id }, label), select, message);
  return {
    root, select,
    get value() { return select.value; },
    set(v) { select.value = v; },
    error(msg) { message.textContent = msg; root.classList.add('invalid'); },
    ok() { message.textContent = ''; root.classList.remove('invalid'); },
  };
}

/** A button: `kind` is an extra class (primary…), `label` its aria-label, `name` its data-action.
 *  @param {string} text
 *  @param {(event: MouseEvent) => void} onClick
 *  @param {{ kind?: string, label?: string, name?: string }} [options] */
export function button(text, onClick, { kind = '', label, name } = {}) {
  return el('button', { type: 'button', className: `btn ${kind}`.trim(), onClick, 'aria-label': label, dataset: name ? { action: name } : undefined }, text);
}

/** The core's messages begin with the field they are about ("lr must be …"). */
export function fieldOfMessage(message) {
  const m = /^([a-z_][a-z0-9_]*)/i.exec(message || '');
  return m ? m[1] : '';
}

export function messageOf(error) {
  return error && error.message ? error.message : String(error);
}

/** When a shared link's settings are refused at load: show the defaults' run, but keep each
 *  refused text and its message in its field so the reader sees what was wrong. */
export function restoreDefaults(fields, defaults, rerun, formMessage, what) {
  const refused = [];
  for (const [key, field] of Object.entries(fields)) {
    if (field.root.classList.contains('invalid')) {
      refused.push([field, field.text, field.root.querySelector('.field-msg').textContent]);
    }
    if (defaults[key] !== undefined) field.set(defaults[key]);
    field.ok();
  }
  rerun();
  for (const [field, text, msg] of refused) { field.set(text); field.error(msg); }
  formMessage.textContent = `A setting from the link was refused; showing the default ${what} instead.`;
}
