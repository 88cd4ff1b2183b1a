// Tick text for log axes that span many powers of ten: powers written 10⁻⁸, and only every
// k-th decade labelled so the labels never crowd (the grid line of each decade stays).
import { tick } from '../format.js';

const SUPER = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** 1e-8 → "10⁻⁸", 100 → "100"; other values as the page's usual tick text. */
export function powerText(v) {
  const e = Math.round(Math.log10(v));
  if (Math.abs(v / Math.pow(10, e) - 1) > 1e-9) return tick(v);
  if (e >= 0 && e <= 3) return String(Math.pow(10, e));
  if (e === -1) return '0.1';
  return `10${String(e).split('').map((c) => SUPER[c]).join('')}`;
}

/** A yFormat for lineChart over the log domain [lo, hi]: at most about `most` labels. */
export function decadeFormat([lo, hi], most = 6) {
  const decades = Math.log10(hi) - Math.log10(lo);
  if (decades < 1.5) return powerText;
  const every = Math.max(1, Math.ceil(decades / most));
  return (v) => {
    const e = Math.round(Math.log10(v));
    return e % every === 0 ? powerText(v) : '';
  };
}

/** A log domain widened to whole powers of ten, with its floor raised to `floor` at most.
 *  @param {Iterable<ArrayLike<number> & Iterable<number>>} values lists of values (≤ 0 and non-finite ones are left out)
 *  @param {{ floor?: number, pad?: number }} [options]
 *  @returns {[number, number]} [lo, hi] */
export function logDomain(values, { floor = 1e-300, pad = 0 } = {}) {
  let lo = Infinity, hi = -Infinity;
  for (const list of values) for (const v of list) if (v > 0 && Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(lo <= hi)) return [0.1, 1];
  lo = Math.max(lo, floor);
  if (hi < lo) hi = lo;
  let a = Math.pow(10, Math.floor(Math.log10(lo)) - pad), b = Math.pow(10, Math.ceil(Math.log10(hi)) + pad);
  if (a === b) { a /= 10; b *= 10; }
  return [a, Math.min(b, 1e308)];  // 10^309 is ∞: keep the domain finite
}
