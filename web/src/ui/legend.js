// The page's one legend: each entry is a small SVG drawn the way its chart draws the thing it
// names (the line's colour, width and real dash pattern, its marker, dots for a dotted series, a
// lone marker for points), then its label as a text node. Used by every chart, by the figures'
// shared legends, by the race's control rows and by the tables' optimizer swatches.
// Colours are set as var(--…) through the CSSOM (draw/colors.js cssColor), so a legend follows
// the colour scheme by itself and needs no inline style attribute under the page's CSP.
import { cssColor } from '../draw/colors.js';
import { markerPath, strokedMarker } from '../draw/markers.js';

const SVG = 'http://www.w3.org/2000/svg';
const PAINTS = new Set(['fill', 'stroke']);
const svg = (tag, attrs = {}) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (PAINTS.has(k) && v !== 'none') node.style.setProperty(k, cssColor(v));
    else node.setAttribute(k, String(v));
  }
  return node;
};

/** A marker (draw/markers.js's geometry) centred on (x, y) of radius r: filled and ringed in
 *  the page's background (style.css: .swatch-svg .ring), hollow, or a stroked plus or cross. */
function mark(shape, x, y, r, color, hollow) {
  const d = markerPath(shape, x, y, r);
  if (strokedMarker(shape)) return svg('path', { d, fill: 'none', stroke: color, 'stroke-width': 2.4, 'stroke-linecap': 'round' });
  return svg('path', hollow ? { d, fill: 'none', stroke: color, 'stroke-width': 1.4 } : { d, fill: color, class: 'ring', 'stroke-width': 1.2 });
}

/** A swatch for one entry:
 *  { color, dash: [on, off, …], width, marker: shape drawn mid-line, dots: two dots on the line,
 *    dotsOnly: one dot and no line, shape (+ hollow): a lone marker and no line (a point series) }. */
export function swatch(item) {
  const { color, dash, width = 2.4, marker, dots, dotsOnly, shape, hollow } = item;
  const root = svg('svg', { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true', class: 'swatch-svg', focusable: 'false' });
  const lineless = dotsOnly || (shape && !item.line);
  if (!lineless) {
    const line = svg('line', { x1: 1, y1: 7, x2: 33, y2: 7, stroke: color, 'stroke-width': width, 'stroke-linecap': 'butt' });
    if (dash && dash.length) line.setAttribute('stroke-dasharray', dash.join(' '));
    root.append(line);
  }
  if (dots) for (const cx of [9, 25]) root.append(mark('circle', cx, 7, 3.2, color, false));
  if (dotsOnly) root.append(mark('circle', 17, 7, 3.4, color, false));
  const centre = marker || (lineless && shape);
  if (centre) {
    // a stroked mark (plus, cross) gets a gap in its line so the shape reads
    if (!lineless && strokedMarker(centre)) root.append(svg('rect', { x: 11.5, y: 1.5, width: 11, height: 11, class: 'gap' }));
    root.append(mark(centre, 17, 7, 4.2, color, hollow));
  }
  return root;
}

/** items: [{ label, …swatch options }] → <ul class="legend">, named for screen readers by `label`. */
export function legend(items, { label } = {}) {
  const list = document.createElement('ul');
  list.className = 'legend';
  if (label) list.setAttribute('aria-label', label);
  for (const item of items) {
    const li = document.createElement('li');
    li.append(swatch(item), document.createTextNode(item.label));
    list.append(li);
  }
  return list;
}

/** The key by which a chart knows its legend is unchanged (and need not be rebuilt). */
export const legendKey = (items) => items.map((s) => [s.label, cssColor(s.color), (s.dash || []).join(','), s.width, s.marker, s.dots, s.dotsOnly, s.shape, s.hollow, s.line].join('|')).join(';');
