// How numbers read on the page: a few significant digits on screen, every digit on hover and
// in copies. Formatting only; every value shown comes from the WASM core.

/** `digits` significant figures without trailing zeros; exponent form for very large/small. */
export function short(value, digits = 5) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  let text;
  // toPrecision switches to exponent form when the integer part has more digits than asked
  // for (1911 at 2 digits is "1.9e+3"): keep the whole integer part instead, never truncate.
  if (magnitude >= 1e-4 && magnitude < 1e6) {
    text = value.toPrecision(digits);
    if (text.includes('e')) text = String(Math.round(value));
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  } else {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    let m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    text = `${m}e${exponent.replace('+', '')}`;
  }
  return text.replace(/^-/, '−');
}

/** Every digit, as JavaScript reads the double back (for titles, CSV and Markdown). */
export function full(value) {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A share as a percentage with one decimal. */
export function percent(share) {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** Tick labels: short and plain. */
export function tick(value) {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return short(value, 4);
  return short(value, 2);
}
