// A sequential colour ramp between two CSS colours, evenly spaced in OKLab (Björn Ottosson's
// perceptual space), so equal steps along the ramp look like equal steps of lightness: the contour
// bands of draw/contour.js, whose ends are colors.bandLow and colors.bandHigh.

/** [r, g, b] in 0…255 from '#rgb', '#rrggbb' or 'rgb(r, g, b)' / 'rgb(r g b)' (what CSS custom
 *  properties and getComputedStyle give); null for anything else. */
export function parseColor(css) {
  const s = String(css).trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(s);
  if (m) return [m[1], m[2], m[3]].map((v) => Math.max(0, Math.min(255, Number(v))));
  return null;
}

const toLinear = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
const toSrgb = (c) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** sRGB (0…255) to OKLab [L, a, b]. */
export function oklab([r, g, b]) {
  const [R, G, B] = [r, g, b].map(toLinear);
  const l = Math.cbrt(0.4122214708 * R + 0.5363325363 * G + 0.0514459929 * B);
  const m = Math.cbrt(0.2119034982 * R + 0.6806995451 * G + 0.1073969566 * B);
  const s = Math.cbrt(0.0883024619 * R + 0.2817188376 * G + 0.6299787005 * B);
  return [
    0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
  ];
}

function fromOklab([L, a, b]) {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s,
  ].map((c) => Math.round(Math.max(0, Math.min(255, toSrgb(c)))));
}

/** `n` colours from `low` to `high` (CSS colour strings), both ends included, as 'rgb(r, g, b)':
 *  colour i at (i / (n − 1))^curve of the way (curve 1: even steps; above 1: small steps near
 *  `low`, larger ones near `high`). A colour it cannot read falls back to the other end, so the
 *  ramp is flat rather than wrong. */
export function ramp(low, high, n, curve = 1) {
  const a = parseColor(low) ?? parseColor(high) ?? [255, 255, 255];
  const b = parseColor(high) ?? a;
  const A = oklab(a), B = oklab(b);
  return Array.from({ length: n }, (_, i) => {
    const t = n > 1 ? (i / (n - 1)) ** curve : 0;
    const [r, g, bl] = fromOklab(A.map((v, k) => v + (B[k] - v) * t));
    return `rgb(${r}, ${g}, ${bl})`;
  });
}
