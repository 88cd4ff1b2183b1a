// The figures' formulas: typeset from TeX by Temml at build time (web/src/typeset/catalogue.js,
// rendered by build-scripts/typeset into the bundled strings of @typeset), cloned here and
// filled in with the live numbers. A template's slots are its elements of class "slot-NAME".
import TYPESET from '@typeset';

const NS = 'http://www.w3.org/1998/Math/MathML';
const parsed = new Map();

function parse(source, key) {
  const holder = document.createElement('template');
  holder.innerHTML = `<math>${source}</math>`;  // build-scripts/typeset keeps only the inside
  const node = holder.content.firstElementChild;
  if (!node || node.namespaceURI !== NS || node.localName !== 'math') throw new Error(`typeset formula '${key}' is not MathML`);
  return node;
}

function templates(key) {
  let list = parsed.get(key);
  if (!list) {
    const source = TYPESET[key];
    if (source === undefined) throw new Error(`no typeset formula '${key}'`);
    list = (Array.isArray(source) ? source : [source]).map((s) => parse(s, key));
    parsed.set(key, list);
  }
  return list.map((node) => node.cloneNode(true));
}

const mo = (text) => { const o = document.createElementNS(NS, 'mo'); o.setAttribute('stretchy', 'false'); o.textContent = text; return o; };

/** A slot's value: its text, or { text, paren, data }: paren wraps it in ( ), as a negative
 *  factor needs ("− 0.4 · (−0.8)"); data sets data-* attributes on it (for the tests). */
function put(node, value, where) {
  const v = typeof value === 'object' && value !== null ? value : { text: value };
  if (v.text === undefined || v.text === null) throw new Error(`${where}: no text`);
  node.textContent = String(v.text);
  for (const [k, d] of Object.entries(v.data || {})) node.setAttribute(`data-${k}`, String(d));
  if (v.paren) {
    const group = document.createElementNS(NS, 'mrow');
    node.replaceWith(group);
    group.append(mo('('), node, mo(')'));
  }
}

// every slot of every piece gets a value; every value a slot (a typo fails loudly, in the tests)
function fill(nodes, slots, key) {
  const used = new Set();
  for (const root of nodes) {
    for (const node of [...root.querySelectorAll('[class*="slot-"]')]) {
      const name = [...node.classList].find((c) => c.startsWith('slot-')).slice(5);
      if (!Object.hasOwn(slots, name)) throw new Error(`typeset formula '${key}': slot '${name}' not filled`);
      put(node, slots[name], `typeset formula '${key}', slot '${name}'`);
      used.add(name);
    }
  }
  for (const name of Object.keys(slots)) if (!used.has(name)) throw new Error(`typeset formula '${key}' has no slot '${name}'`);
  return nodes;
}

/** A number in parentheses when negative: a slot value. */
export const signed = (text, value) => ({ text, paren: value < 0 });

/** One formula, its slots filled in; display puts it on a line of its own. */
export function formula(key, slots = {}, { display = false } = {}) {
  const nodes = fill(templates(key), slots, key);
  if (nodes.length !== 1) throw new Error(`typeset formula '${key}' is ${nodes.length} pieces: use formulaPieces`);
  if (display) nodes[0].setAttribute('display', 'block');
  return nodes[0];
}

/** A worked line typeset in pieces (cut before its "=" and "←"), each an inline formula that
 *  never breaks inside: a narrow panel wraps between them instead of cutting a number off.
 *  Put them in a `.wraps` box. */
export function formulaPieces(key, slots = {}) {
  const out = [];
  fill(templates(key), slots, key).forEach((node, i) => {
    if (i) out.push(document.createTextNode(' '));
    const span = document.createElement('span');
    span.className = 'formula-result';
    span.append(node);
    out.push(span);
  });
  return out;
}

/** A list of formulas, one display line each (no slots). */
export function formulaLines(key) {
  return fill(templates(key), {}, key).map((node) => { node.setAttribute('display', 'block'); return node; });
}
