// A figure's settings, each declared once (house style: settings → model → story → view).
// One declaration gives the default, the rule a link must pass, the form's label, the parser
// that turns typed or linked text into a value (or a message naming the field and the value),
// and the page's own limits. Defaults, the URL schema and the form's checks all derive from it.
//
//   export const settings = table({
//     lr: rate('0.1', { label: 'learning rate η', name: 'η', min: 1e-6, max: 100 }),
//     steps: count('50', { label: 'steps', min: 0, max: 5000 }),
//     place: choice('outside', [['outside', 'outside: η / (√G + ε)'], ['inside', 'inside: η / √(G + ε)']], { label: 'ε placement' }),
//   });
//   settings.defaults                       → { lr: '0.1', steps: '50', place: 'outside' }
//   settings.schema                         → the URL rules state.js checks a link against
//   settings.parse({ lr: '1e9', steps: … }) → { values, errors: { lr: 'η must be at most 100, got 1e9' } }

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const WHOLE = /^[-+]?\d{1,16}$/;

const quote = (text) => `“${text.length > 24 ? `${text.slice(0, 24)}…` : text}”`;

/** Text → finite number, or a message naming the field. NaN, ±∞ and anything else are refused
 *  here, so no figure ever computes with them or writes them into a link. */
function finiteNumber(text, name) {
  const t = String(text ?? '').trim();
  if (t === '') return { error: `${name}: enter a number` };
  if (/^[-+]?(nan|inf|infinity)$/i.test(t)) return { error: `${name} must be a finite number, got ${t}` };
  if (!NUMBER.test(t)) return { error: `${name}: ${quote(t)} is not a number` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { error: `${name} must be a finite number, got ${t}` };
  return { value };
}

/** A limit as people write it: 1e-6, not 0.000001. */
const limit = (v) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential() : String(v)).replace('e+', 'e');

function inRange(parsed, text, name, { min, max, minOpen = false, nonzero = false, positive = false }) {
  if (parsed.error) return parsed;
  const v = parsed.value, t = String(text).trim();
  if (nonzero && v === 0) return { error: `${name} must not be 0` };
  if (positive && !(v > 0)) return { error: `${name} must be above 0, got ${t}` };
  if (min !== undefined && (minOpen ? !(v > min) : !(v >= min)))
    return { error: `${name} must be ${minOpen ? 'above' : 'at least'} ${limit(min)}, got ${t}` };
  if (max !== undefined && !(v <= max)) return { error: `${name} must be at most ${limit(max)}, got ${t}` };
  return parsed;
}

/** The range a setting's slider covers, or null for none (`slide: false`, e.g. a seed): the
 *  rule's own range where it is a sensible thing to drag across, else a window of it. Rates and
 *  long counts slide on a log scale. `slide: [lo, hi]` sets it; `grain: 2` makes a whole
 *  number's slider give multiples of 2 only (a value some run needs, such as an even count). */
function slideOf(kind, { fallback, min, max, log, whole, slide, grain }) {
  if (slide === false) return null;
  const d = Number(fallback);
  let lo, hi, onLog = log;
  if (Array.isArray(slide)) [lo, hi] = slide;
  else if (log) {   // 1e-4 … 100, widened to take in the default
    lo = Math.max(min > 0 ? min : 0, Math.min(1e-4, d));
    hi = Math.min(max ?? 1e3, Math.max(100, d));
  } else if (whole) { lo = min ?? 0; hi = max ?? 1000; onLog = lo >= 1 && hi / lo > 1000; }
  else {            // ±10, or the power of ten that takes in twice the default
    const m = Math.max(10, Math.pow(10, Math.ceil(Math.log10(2 * Math.abs(d) || 1))));
    lo = Math.max(min ?? -m, -m); hi = Math.min(max ?? m, m);
  }
  return lo < hi ? { lo, hi, log: onLog, whole, ...(grain ? { grain } : {}) } : null;
}

/** A setting whose value is a number. `name` is how messages call it (η, ε, x₀…). */
function numeric(kind, fallback, { label, name = label, min, max, minOpen, nonzero, unit = '', log = false, whole = false, help = '', slide, grain }) {
  const parse = (text) => {
    let r = finiteNumber(text, name);
    if (!r.error && whole && !Number.isInteger(r.value)) r = { error: `${name} must be a whole number, got ${String(text).trim()}` };
    return inRange(r, text, name, { min, max, minOpen, nonzero, positive: log });
  };
  const what = whole ? `a whole number${range(min, max)}` : `a number${range(min, max, minOpen)}`;
  return { kind, default: fallback, label, name, min, max, unit, log, whole, help, parse, what, accepts: (t) => !parse(t).error,
    slide: slideOf(kind, { fallback, min, max, log, whole, slide, grain }) };
}
const range = (min, max, open) => (min !== undefined && max !== undefined ? ` from ${limit(min)}${open ? ' (excluded)' : ''} to ${limit(max)}`
  : min !== undefined ? ` ${open ? 'above' : 'of at least'} ${limit(min)}` : max !== undefined ? ` of at most ${limit(max)}` : '');

/** A positive rate (η, ε, a probability…): drawn on a log slider. */
export const rate = (fallback, o) => numeric('rate', fallback, { minOpen: o.min === undefined, min: 0, log: true, ...o });
/** Any real number within [min, max] (a start point, a noise level). */
export const real = (fallback, o) => numeric('real', fallback, o);
/** A whole number within [min, max] (steps, epochs, a seed). */
export const count = (fallback, o) => numeric('count', fallback, { min: 0, ...o, whole: true });

/** One of a fixed list: options are [value, text] pairs. */
export function choice(fallback, options, { label, name = label, help = '' } = {}) {
  const values = options.map(([v]) => v);
  const parse = (text) => (values.includes(String(text)) ? { value: String(text) }
    : { error: `${name} must be one of ${values.join(', ')}, got ${quote(String(text))}` });
  return { kind: 'choice', default: fallback, label, name, options, help, parse, what: `one of ${values.join(', ')}`, accepts: (t) => !parse(t).error };
}

/** A figure's settings table: the declarations, plus what derives from them. Lookups use own
 *  properties only, so a link naming `__proto__` or `constructor` finds nothing.
 *  @template {Record<string, { default: string, parse: (text: string) => { value?: any, error?: string } }>} D
 *  @param {D} declarations */
export function table(declarations) {
  const entries = Object.entries(declarations);
  /** Every setting's default text (fromEntries loses the keys: the declared type puts them back).
   *  @type {{ [K in keyof D]: string }} */
  const defaults = /** @type {any} */ (Object.fromEntries(entries.map(([k, d]) => [k, d.default])));
  // The URL rule state.js checks: `pattern.test(text)` is the whole parser, range included.
  const schema = Object.fromEntries(entries.map(([k, d]) => [k, { pattern: { test: d.accepts }, what: d.what }]));
  const has = (key) => Object.prototype.hasOwnProperty.call(declarations, key);
  /** { values, errors, ok }: every field parsed; `values` holds the good ones, `errors` a message
   *  per bad one; ok (no errors) means `values` has every setting.
   *  @param {Record<string, string> | undefined} texts
   *  @returns {{ values: { [K in keyof D]: any }, errors: { [K in keyof D]?: string }, ok: true }
   *    | { values: { [K in keyof D]?: any }, errors: { [K in keyof D]?: string }, ok: false }} */
  function parse(texts) {
    const values = {}, errors = {};
    for (const [k, d] of entries) {
      const text = texts && Object.prototype.hasOwnProperty.call(texts, k) && texts[k] !== undefined ? texts[k] : d.default;
      const r = d.parse(text);
      if (r.error) errors[k] = r.error; else values[k] = r.value;
    }
    return { values, errors, ok: Object.keys(errors).length === 0 };
  }
  /** @type {(key: string) => D[keyof D] | undefined} */
  const get = (k) => (has(k) ? declarations[k] : undefined);
  return { declarations, keys: entries.map(([k]) => k), defaults, schema, has, parse, get };
}

/** Deterministic pseudo-random settings inside each rule, for sweep tests: mulberry32. */
export function sampler(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** A text the setting accepts: log-uniform for rates, uniform otherwise. `limits` narrows it. */
  function draw(decl, limits = {}) {
    if (decl.kind === 'choice') return decl.options[Math.floor(next() * decl.options.length)][0];
    const lo = limits.min ?? decl.min ?? -10, hi = limits.max ?? decl.max ?? 10;
    let v;
    if (decl.log) {
      const l0 = Math.log10(Math.max(lo, Number.MIN_VALUE)), l1 = Math.log10(hi);
      v = Math.pow(10, l0 + (l1 - l0) * next());
      v = Number(v.toPrecision(3));
    } else {
      v = lo + (hi - lo) * next();
      v = decl.whole ? Math.round(v) : Number(v.toPrecision(3));
    }
    return String(Math.min(hi, Math.max(lo, v)));
  }
  return { next, draw };
}

/** Reads form fields ({key: numberField}) through a table's rules: each field is marked with
 *  its message or cleared, and the parsed values come back, or null if any was refused.
 *  `skip(key)` leaves a field out (a switched-off option): its value is not used, so a bad text
 *  there does not stop the run, but it is still checked and its message shown beside it.
 *  @returns {Record<string, any> | null} */
export function readFields(tbl, fields, { skip = () => false } = {}) {
  const values = {};
  let bad = false;
  for (const [key, field] of Object.entries(fields)) {
    const r = tbl.get(key).parse(field.text);
    if (r.error) field.error(r.error); else field.ok();
    if (skip(key)) continue;
    if (r.error) bad = true; else values[key] = r.value;
  }
  return bad ? null : values;
}

/** A comma-separated subset of `values` (which racers are hidden, say); '' is the empty set. */
export function subset(fallback, values, { label, name = label } = {}) {
  const parse = (text) => {
    const t = String(text ?? '');
    const parts = t === '' ? [] : t.split(',');
    const bad = parts.find((p) => !values.includes(p));
    if (bad !== undefined || new Set(parts).size !== parts.length) return { error: `${name} must list some of ${values.join(', ')}, got ${quote(t)}` };
    return { value: t };
  };
  return { kind: 'subset', default: fallback, label, name, values, parse, what: `a list of ${values.join(', ')}`, accepts: (t) => !parse(t).error };
}

/** Free text that must match `regex` whole (a word from a list the figure checks itself, a short
 *  sentence): the rule keeps a link's text harmless; `what` says what is allowed. */
export function pattern(fallback, regex, { label, name = label, what }) {
  const parse = (text) => (regex.test(String(text ?? '')) ? { value: String(text) } : { error: `${name} must be ${what}` });
  return { kind: 'text', default: fallback, label, name, parse, what, accepts: (t) => !parse(t).error };
}
