// A core refusal in the page's own words. The core names its options as its API does (lr, eps,
// x0[1], layers[2]: the names a programmer passes); a figure labels the same settings η, ε,
// start b₀, layer 2. Each figure keeps a map from the core's names to its fields' names (the
// `name` its settings table gives them, which its own messages already use), and every core
// message it shows passes through pageWords first. The core stays in its API's words.

const own = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);

// A core name: an identifier, optionally indexed (x0[1], layers[2]), not inside a longer word or
// a call, and not a formula's letter next to a symbol (√G, ε stay as they are: they are not ASCII).
const NAME = /(?<![\w.])([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?(?![\w(])/g;

/** The page's name for one core name (`key`, with `index` when it was written key[index]), or
 *  undefined: `names[key[index]]` first, then `names[key]` (a function of the index, or text). */
export function pageName(names, key, index) {
  if (index !== undefined && own(names, `${key}[${index}]`)) return names[`${key}[${index}]`];
  if (!own(names, key)) return undefined;
  const n = names[key];
  if (typeof n === 'function') return n(index === undefined ? undefined : Number(index));
  return index === undefined ? n : undefined;
}

/** `message` with every core name that `names` knows replaced by the page's name for it.
 *  names: { lr: 'η', eps: 'ε', 'x0[1]': 'start b₀', layers: (i) => `layer ${i}` }. Names the map
 *  does not know are left alone (a figure's test checks that the ones it can meet are known). */
export function pageWords(message, names) {
  return String(message ?? '').replace(NAME, (whole, key, index) => pageName(names, key, index) ?? whole);
}

/** The names from `coreNames` that a message contains, in order, once each (x0[1] counts as x0):
 *  the fields a refusal is about (a step-table refusal names lr, eps and x0 together), and what
 *  a test checks is empty once pageWords has run. */
export function coreNamesIn(message, coreNames) {
  const found = [];
  for (const m of String(message).matchAll(NAME)) if (coreNames.includes(m[1]) && !found.includes(m[1])) found.push(m[1]);
  return found;
}
