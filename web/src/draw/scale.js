// Mapping data to pixels and choosing tick marks: the geometry every chart shares.

/** The most ticks any axis draws: every tick loop below is bounded by it, so no range, however
 *  degenerate (a few ULP wide, ±1e308 apart, subnormal), can keep a loop running. */
export const MAX_TICKS = 50;

/** Round tick positions covering [lo, hi], about `count` of them: start + k·step over whole k. */
export function niceTicks(lo, hi, count = 5) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [lo, hi].filter(Number.isFinite).slice(0, 1);
  if (!(hi > lo)) return [lo];
  let raw = (hi - lo) / count;
  if (!Number.isFinite(raw)) raw = hi / count - lo / count;  // hi − lo overflowed: ±1e308
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = power * ([1, 2, 2.5, 5, 10].find((s) => s * power >= raw) ?? 10);
  if (!(step > 0) || !Number.isFinite(step)) return [lo, hi];
  const first = Math.ceil(lo / step - 1e-9);
  if (!Number.isFinite(first)) return [lo, hi];
  const ticks = [];
  for (let k = 0; k <= MAX_TICKS; k++) {
    const v = (first + k) * step;
    if (!Number.isFinite(v) || v > hi + step * 1e-9) break;
    const t = Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12));  // 3 × 0.2 is 0.6, not 0.6000000000000001
    if (ticks.length && !(t > ticks[ticks.length - 1])) continue;  // a range a few ULP wide: no progress
    ticks.push(t);
  }
  return ticks.length ? ticks : [lo];
}

/** [lo, hi] widened to round tick values (finite, and lo < hi, whatever it is given). */
export function niceDomain(lo, hi, count = 5) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    const v = [lo, hi].find(Number.isFinite);
    return v === undefined ? [-1, 1] : niceDomain(v, v, count);
  }
  if (!(hi > lo)) {  // a single value (or a reversed pair): a window around lo
    const c = lo, pad = Math.abs(c) * 0.1 || 1;
    lo = Math.max(c - pad, -Number.MAX_VALUE); hi = Math.min(c + pad, Number.MAX_VALUE);
  }
  const ticks = niceTicks(lo, hi, count);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 0;
  if (!(step > 0)) return [lo, hi];
  const a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step;
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? [a, b] : [lo, hi];
}

export function linearScale([d0, d1], [r0, r1]) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const f = (v) => r0 + (v - d0) * k;
  f.ticks = (count = 5) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  f.domain = [d0, d1];
  return f;
}

export function logScale([d0, d1], [r0, r1]) {
  const l0 = Math.log10(d0), l1 = Math.log10(d1);
  const k = (r1 - r0) / (l1 - l0 || 1);
  const f = (v) => (v > 0 ? r0 + (Math.log10(v) - l0) * k : NaN);
  f.ticks = () => {
    const out = [];
    if (!Number.isFinite(l0) || !Number.isFinite(l1)) return out;  // a bound ≤ 0 or ∞: no decades to mark
    const e0 = Math.floor(l0), e1 = Math.min(Math.ceil(l1), e0 + 700);  // 1e-324 … 1e308 is 632 decades
    for (let e = e0; e <= e1; e++) {
      for (const m of l1 - l0 < 1.5 ? [1, 2, 5] : [1]) {
        const v = m * Math.pow(10, e);
        if (v >= d0 * (1 - 1e-9) && v <= d1 * (1 + 1e-9)) out.push(v);
      }
    }
    return out;
  };
  f.domain = [d0, d1];
  return f;
}

/** A log domain [lo, hi] widened to powers of ten (or to halves of them when narrow). */
export function niceLogDomain(lo, hi) {
  if (!(hi > 0) || !Number.isFinite(hi)) hi = 1;
  if (!(lo > 0) || !(lo <= hi)) lo = hi / 10;
  let a = Math.pow(10, Math.floor(Math.log10(lo)));
  let b = Math.pow(10, Math.ceil(Math.log10(hi)));
  if (a === b) { a /= 10; b *= 10; }
  return [a > 0 ? a : Number.MIN_VALUE, Math.min(b, 1e308)];  // 10^-324 is 0 and 10^309 is ∞
}
