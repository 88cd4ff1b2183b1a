// A legend whose swatches are short SVG lines drawn with each series' own dash pattern, for
// charts whose lines differ by dash as well as colour (the shared legend draws every dashed
// line with the same CSS dashes). items: [{label, color, dash, width}].
import { cssColor } from '../draw/colors.js';

const SVG = 'http://www.w3.org/2000/svg';

export function dashLegend(items) {
  const list = document.createElement('ul');
  list.className = 'legend dash-legend';
  for (const item of items) {
    const li = document.createElement('li');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '30'); svg.setAttribute('height', '10'); svg.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(SVG, 'line');
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5, 'stroke-width': item.width ?? 2.4 })) line.setAttribute(k, String(v));
    line.style.stroke = cssColor(item.color);  // var(--…): follows the colour scheme
    if (item.dash && item.dash.length) line.setAttribute('stroke-dasharray', item.dash.join(' '));
    svg.append(line);
    li.append(svg, document.createTextNode(item.label));
    list.append(li);
  }
  return list;
}
