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
