// Building MathML (rendered natively by the browser) from code, with text nodes only.
const NS = 'http://www.w3.org/1998/Math/MathML';

export function m(tag, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
export const mi = (t) => m('mi', t);
export const mn = (t) => m('mn', t);
export const mo = (t) => m('mo', t);
export const row = (...c) => m('mrow', ...c);
export const frac = (a, b) => m('mfrac', a, b);
export const sqrt = (...c) => m('msqrt', ...c);
export const sub = (a, b) => m('msub', a, b);
export const sup = (a, b) => m('msup', a, b);
export function math(display, ...c) {
  const node = m('math', ...c);
  if (display) node.setAttribute('display', 'block');
  return node;
}

/** A worked line too wide for a narrow panel, as pieces that wrap between them instead of
 *  cutting a number off: each group of MathML children becomes one inline formula that never
 *  breaks inside (put it in a `dd.wraps`). */
export function pieces(...groups) {
  const out = [];
  groups.forEach((g, i) => {
    if (i) out.push(document.createTextNode(' '));
    const span = document.createElement('span');
    span.className = 'formula-result';
    span.append(math(false, row(...g)));
    out.push(span);
  });
  return out;
}

/** pieces() cut before each "=" (and "←"): the usual way a worked line wraps. Takes a row's
 *  children, or one mrow whose children are used. */
export function wrapAtEquals(...children) {
  let list = children.flat(Infinity).filter((c) => c !== null && c !== undefined);
  if (list.length === 1 && list[0] instanceof Element && list[0].localName === 'mrow') list = [...list[0].childNodes];
  const groups = [[]];
  for (const c of list) {
    const cut = c instanceof Element && c.localName === 'mo' && (c.textContent === '=' || c.textContent === '←');
    if (cut && groups[groups.length - 1].length) groups.push([]);
    groups[groups.length - 1].push(c);
  }
  return pieces(...groups);
}
