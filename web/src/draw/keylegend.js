// A legend for a whole figure: each entry draws its line as the charts do (colour, dash pattern,
// optional dot marker) in a small inline SVG, so entries that share a colour family or a dash
// still read apart. Text only through text nodes; colours as var(--…) styles (colors.js), so the
// legend follows the colour scheme.
import { cssColor } from './colors.js';

const SVG = 'http://www.w3.org/2000/svg';

function sample({ color, dash, dots, dotsOnly, width = 2 }) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '34'); svg.setAttribute('height', '12'); svg.setAttribute('viewBox', '0 0 34 12');
  svg.setAttribute('aria-hidden', 'true');
  if (!dotsOnly) {
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('x1', '1'); line.setAttribute('x2', '33'); line.setAttribute('y1', '6'); line.setAttribute('y2', '6');
    line.style.stroke = cssColor(color); line.setAttribute('stroke-width', String(width));
    if (dash) line.setAttribute('stroke-dasharray', dash.join(' '));
    svg.append(line);
  }
  if (dots || dotsOnly) {
    for (const cx of dotsOnly ? [17] : [9, 25]) {
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', String(cx)); c.setAttribute('cy', '6'); c.setAttribute('r', '3.2'); c.style.fill = cssColor(color);
      svg.append(c);
    }
  }
  return svg;
}

/** items: [{label, color, dash, dots, dotsOnly}] → a <ul class="key-legend">. */
export function keyLegend(items, { label = 'Legend' } = {}) {
  const list = document.createElement('ul');
  list.className = 'key-legend';
  list.setAttribute('aria-label', label);
  for (const item of items) {
    const li = document.createElement('li');
    li.append(sample(item), document.createTextNode(item.label));
    list.append(li);
  }
  return list;
}
