// Tick text for a log axis: whole powers of ten written 10⁻³ rather than 0.001 or 1e-3, so the
// labels stay short enough for a narrow chart's margin. Formatting only.
import { short } from '../format.js';

const SUPER = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

export function powerOfTen(v) {
  if (!(v > 0)) return short(v, 2);
  const e = Math.round(Math.log10(v));
  if (Math.abs(v - Math.pow(10, e)) > 1e-9 * v) return short(v, 2);
  if (e >= 0 && e <= 2) return String(Math.pow(10, e));
  return `10${String(e).split('').map((c) => SUPER[c]).join('')}`;
}
