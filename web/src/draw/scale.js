// Mapping data to pixels and choosing tick marks: the geometry every chart shares.

/** Round tick positions covering [lo, hi], about `count` of them. */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const steps = [1, 2, 2.5, 5, 10];
  const step = power * steps.find((s) => s * power >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return ticks;
}

/** [lo, hi] widened to round tick values. */
export function niceDomain(lo, hi, count = 5) {
  if (!(hi > lo)) { const pad = Math.abs(lo) * 0.1 || 1; lo -= pad; hi += pad; }
  const ticks = niceTicks(lo, hi, count);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
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
    for (let e = Math.floor(l0); e <= Math.ceil(l1); e++) {
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
  let a = Math.pow(10, Math.floor(Math.log10(lo)));
  let b = Math.pow(10, Math.ceil(Math.log10(hi)));
  if (a === b) { a /= 10; b *= 10; }
  return [a, b];
}
