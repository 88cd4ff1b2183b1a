// The page's palette for everything drawn from code: charts, heatmaps, markers and the legend
// swatches. Its one source is style.css: each entry below names a CSS custom property, whose
// light value is in :root and whose dark value is in the prefers-color-scheme: dark block.
//
// An entry of `colors` is a live colour, not a string: wherever a string is needed (a canvas's
// fillStyle and strokeStyle, a template literal, String()) it reads as the current scheme's value,
// so a chart that keeps its series and redraws them later (on a resize, or when the scheme
// changes) draws them in the colours of the scheme it is drawn in. DOM that shows a colour (a CSS
// swatch, an SVG legend, a coloured name) takes cssColor(c), `var(--property)`, and follows the
// scheme by itself. Values are read with getComputedStyle once per scheme and cached; the cache
// is dropped when the scheme changes, then every onSchemeChange listener runs (canvas.js redraws
// every canvas).

class SchemeColor {
  constructor(property) { this.property = property; }
  /** The colour in the current scheme, as style.css writes it (e.g. "#5b3cc4"). */
  get value() { return read(this.property); }
  /** The colour for CSS and SVG styles: follows the scheme without being set again. */
  get css() { return `var(${this.property})`; }
  toString() { return this.value; }
  [Symbol.toPrimitive]() { return this.value; }
  toJSON() { return this.value; }
}

/** A live colour for any CSS custom property: schemeColor('--band-low'). */
export const schemeColor = (property) => new SchemeColor(property);

/** `c` for a CSS or SVG style: var(--property) for a live colour, else the colour itself. */
export const cssColor = (c) => (c instanceof SchemeColor ? c.css : String(c));

// name → custom property. A value that is not a custom property ('#123456') is kept as a fixed
// colour, the same in both schemes.
const PROPERTIES = {
  // one per optimizer (draw/optimizer-styles.js, draw/markers.js)
  adagrad: '--adagrad',
  other: '--other',         // the comparison optimizer (plain gradient descent by default)
  momentum: '--momentum',
  nesterov: '--nesterov',
  rmsprop: '--rmsprop',
  adam: '--adam',
  // second and third colours of figures that compare two things that are not optimizers
  orange: '--orange',       // e.g. the frequent parameter, ε inside the root
  blue: '--blue',           // e.g. the rare parameter
  bug: '--bug',             // the pitfall's forgetful run
  // the plot itself
  surface: '--surface',     // a plot's background
  halo: '--halo',           // the rim around markers and the casing under paths and labels
  ink: '--ink',
  muted: '--plot-muted',    // tick labels, reference lines
  curve: '--curve',         // the objective's own curve
  grid: '--grid',
  axis: '--axis',
  points: '--points',       // a data set's points under fitted lines
  danger: '--danger',
  // the spiral's two classes: points in full colour, the heatmap fades them to the surface
  class0: '--class0',
  class1: '--class1',
  // contour plots (draw/contour.js): filled bands run from bandLow at the bottom of a bowl to
  // bandHigh up its sides (interpolated in OKLab by draw/ramp.js); level lines over them in `level`
  bandLow: '--band-low',
  bandHigh: '--band-high',
  level: '--level',
};

export const colors = Object.fromEntries(Object.entries(PROPERTIES)
  .map(([name, p]) => [name, p.startsWith('--') ? schemeColor(p) : p]));

let cache = new Map();
const warned = new Set();

// Where the custom properties are read: the page's root, or (a figure embedded as an element,
// web/src/embed/) an element inside its shadow root, whose :host defines them.
let root = () => (typeof document === 'undefined' ? null : document.documentElement);
/** Reads the colours from the element `fn()` returns from now on (re-read at once). */
export function colorRoot(fn) { root = fn; cache = new Map(); }

function read(property) {
  let v = cache.get(property);
  if (v === undefined) {
    const node = root();
    v = node ? getComputedStyle(node).getPropertyValue(property).trim() : '';
    if (!v && !warned.has(property)) {
      warned.add(property);
      console.warn(`colors.js: the stylesheet defines no ${property}`);
    }
    cache.set(property, v);
  }
  return v;
}

let probe = null;
const rgbCache = new Map();
/** [r, g, b] (0–255) of any colour the canvas understands, live colours included. */
export function rgbOf(color) {
  const text = String(color);
  let rgb = rgbCache.get(text);
  if (!rgb) {
    probe ||= document.createElement('canvas').getContext('2d');
    probe.fillStyle = '#000';
    probe.fillStyle = text;
    const norm = probe.fillStyle;  // "#rrggbb", or "rgba(r, g, b, a)" when translucent
    rgb = norm.startsWith('#') ? [1, 3, 5].map((i) => parseInt(norm.slice(i, i + 2), 16)) : norm.match(/[\d.]+/g).slice(0, 3).map(Number);
    rgbCache.set(text, rgb);
  }
  return rgb;
}

const listeners = new Set();
/** Runs fn() after every change of colour scheme, once the colours read the new values. */
export function onSchemeChange(fn) { listeners.add(fn); }

if (typeof window !== 'undefined' && window.matchMedia) {
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    cache = new Map();
    for (const fn of listeners) fn();
  });
}

export const font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
