// Every setting lives in the URL's hash ("#x2.lr=0.5&sp.hidden=24,24"), so a setup can be
// shared and reproduced. Text from the URL is checked against a strict pattern per key before
// anything uses it; whatever fails is reported and dropped, never interpreted.

const oneOf = (list) => ({ pattern: new RegExp(`^(${list.join('|')})$`), what: `one of ${list.join(', ')}` });

/** prefix → key → rule. The prefixes name the figures: each figure's settings table gives its
 *  `schema`, registered under its key (x2, table, sp, race…: see registerSchemas); `page` holds the
 *  page's own settings. */
export const schema = {
  page: { only: oneOf(['x2', 'table', 'sp']) },
};

// A figure's readable name (parabola, step-table, spiral) is its group in links; its short key
// from earlier links (x2, table, sp) stays accepted as an alias, and is read as the name.
const aliases = {};
/** The group a link's prefix (or page.only's value) names: the figure's name for an old key. */
export const groupOf = (prefix) => (Object.hasOwn(aliases, prefix) ? aliases[prefix] : prefix);

/** Adds each figure's own URL rules under its name (its key if it has none), the key as an alias
 *  of the name, and lets page.only name any figure by either. */
export function registerSchemas(figures) {
  for (const f of figures) {
    const group = f.name || f.key;
    if (f.schema && !schema[group]) schema[group] = f.schema;
    if (f.name && f.key && f.key !== f.name) aliases[f.key] = f.name;
  }
  schema.page.only = oneOf(figures.flatMap((f) => (f.name && f.name !== f.key ? [f.name, f.key] : [f.key])));
}

const MAX_HASH = 2000;
const quote = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

/** Reads a hash into {x2: {...}, table: {...}, sp: {...}, page: {...}} of accepted strings,
 *  and a list of messages about what was refused. A bare word for which `isSection(word)` holds
 *  ("#summary", "#summary&x2.lr=0.3") names a section to show, not a setting: it is returned as
 *  `section`, so a link can carry both. */
export function readHash(hash, { isSection = () => false } = {}) {
  const out = Object.fromEntries(Object.keys(schema).map((k) => [k, {}]));
  const refused = [];
  let section = null;
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { state: out, refused, section };
  if (text.length > MAX_HASH) return { state: out, refused: [`The link’s settings are longer than ${MAX_HASH} characters and were ignored.`] };
  let params;
  try { params = new URLSearchParams(text); } catch { return { state: out, refused: ['The link’s settings could not be read and were ignored.'] }; }
  for (const [key, value] of params) {
    if (value === '' && !key.includes('.') && isSection(key)) { section = key; continue; }
    const dot = key.indexOf('.');
    const prefix = groupOf(key.slice(0, dot)), name = key.slice(dot + 1);
    // own properties only: "__proto__.toString" or "constructor.name" must find nothing
    const group = dot > 0 && Object.hasOwn(schema, prefix) ? schema[prefix] : null;
    const rule = group && Object.hasOwn(group, name) ? group[name] : null;
    if (!rule) { refused.push(`Ignored the unknown setting ${quote(key)} in the link.`); continue; }
    let accepted = false;
    try { accepted = rule.pattern.test(value) === true; } catch { accepted = false; }
    if (!accepted) { refused.push(`Ignored ${quote(key)} from the link: ${quote(value)} is not ${rule.what}.`); continue; }
    out[prefix][name] = prefix === 'page' && name === 'only' ? groupOf(value) : value;
  }
  return { state: out, refused, section };
}

/** Whether the link's rule for `group.name` accepts `value` (own properties only; a rule that
 *  throws accepts nothing): what readHash would keep. */
export function accepts(group, name, value) {
  const rules = Object.hasOwn(schema, group) ? schema[group] : null;
  const rule = rules && Object.hasOwn(rules, name) ? rules[name] : null;
  if (!rule || typeof value !== 'string') return false;
  try { return rule.pattern.test(value) === true; } catch { return false; }
}

/** A figure's reported values, each kept only if its link rule accepts it; a refused one (a field
 *  still holding "NaN" while another setting changes) keeps its value from `previous`, the last
 *  one the page could write. */
export function keepAccepted(group, values, previous = {}) {
  const out = { ...previous };
  for (const [name, value] of Object.entries(values || {})) {
    if (accepts(group, name, value)) out[name] = value;
  }
  return out;
}

/** The hash for the given state, listing only what differs from each figure's defaults. A value
 *  the link's reader would refuse is never written: the page must be able to reopen its link. */
export function writeHash(state, defaults) {
  const params = new URLSearchParams();
  for (const [group, rules] of Object.entries(schema)) {
    for (const name of Object.keys(rules)) {
      const value = Object.hasOwn(state, group) && Object.hasOwn(state[group] || {}, name) ? state[group][name] : undefined;
      const fallback = Object.hasOwn(defaults, group) && Object.hasOwn(defaults[group] || {}, name) ? defaults[group][name] : undefined;
      if (value !== undefined && value !== fallback && accepts(group, name, value)) params.set(`${group}.${name}`, value);
    }
  }
  return params.toString().replace(/%2C/g, ',');
}
