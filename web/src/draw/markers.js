// Markers for paths drawn on a plane (contour plots), and legend swatches that show a line's
// colour, dash and marker together, so no path is told apart by colour alone. The race styles
// use the page's colours per optimizer (as draw/optimizer-styles.js: AdaGrad violet, plain GD
// grey, Momentum teal, RMSProp orange, Adam green) plus Nesterov, and add a marker shape each.
import { colors, cssColor } from './colors.js';

export const raceStyles = {
  gd: { name: 'Gradient descent', color: colors.other, dash: [7, 4], marker: 'square' },
  momentum: { name: 'Momentum', color: colors.momentum, dash: [10, 3, 2, 3], marker: 'triangle' },
  nesterov: { name: 'Nesterov', color: colors.nesterov, dash: [6, 2, 2, 2, 2, 2], marker: 'diamond' },
  adagrad: { name: 'AdaGrad', color: colors.adagrad, dash: [], marker: 'circle', width: 2.75 },
  rmsprop: { name: 'RMSProp', color: colors.rmsprop, dash: [2, 3], marker: 'plus' },
  adam: { name: 'Adam', color: colors.adam, dash: [12, 4], marker: 'cross' },
};

/** A marker of the given shape centred on (x, y), filled with `color` and ringed in the plot's
 *  halo colour (white in light, the plot's dark background in dark). */
export function drawMarker(ctx, shape, x, y, r, color) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.save();
  ctx.setLineDash([]);
  ctx.fillStyle = color; ctx.strokeStyle = colors.halo; ctx.lineWidth = 1.5; ctx.lineJoin = 'round';
  ctx.beginPath();
  switch (shape) {
    case 'square': ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); break;
    case 'triangle': ctx.moveTo(x, y - r * 1.1); ctx.lineTo(x + r, y + r * 0.8); ctx.lineTo(x - r, y + r * 0.8); ctx.closePath(); break;
    case 'diamond': ctx.moveTo(x, y - r * 1.15); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.15); ctx.lineTo(x - r, y); ctx.closePath(); break;
    case 'star': {
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? r * 0.45 : r * 1.1;
        if (i) ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); else ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
      break;
    }
    case 'plus': case 'cross': {
      // a thick + or ×: drawn as strokes with a casing in the halo colour
      const d = shape === 'plus' ? [[-r, 0, r, 0], [0, -r, 0, r]] : [[-r * 0.8, -r * 0.8, r * 0.8, r * 0.8], [-r * 0.8, r * 0.8, r * 0.8, -r * 0.8]];
      for (const [w, s] of [[4.5, colors.halo], [2.5, color]]) {
        ctx.lineWidth = w; ctx.strokeStyle = s; ctx.lineCap = 'round';
        ctx.beginPath();
        for (const [a, b, c, e] of d) { ctx.moveTo(x + a, y + b); ctx.lineTo(x + c, y + e); }
        ctx.stroke();
      }
      ctx.restore();
      return;
    }
    default: ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill(); ctx.stroke();
  ctx.restore();
}

const SVG = 'http://www.w3.org/2000/svg';
// paints go through the CSSOM as var(--…), so a swatch follows the colour scheme by itself
const PAINTS = new Set(['fill', 'stroke']);
const svg = (tag, attrs) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (PAINTS.has(k)) node.style.setProperty(k, cssColor(v));
    else node.setAttribute(k, String(v));
  }
  return node;
};

/** A small legend swatch: the optimizer's line with its dash and its marker in the middle. */
export function swatch(style) {
  const root = svg('svg', { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true', class: 'opt-swatch' });
  root.append(svg('line', {
    x1: 1, y1: 7, x2: 33, y2: 7, stroke: style.color, 'stroke-width': 2.5,
    'stroke-dasharray': (style.dash || []).join(' ') || 'none', 'stroke-linecap': 'butt',
  }));
  const c = style.color, x = 17, y = 7, r = 4.2;
  const shapes = {
    circle: () => svg('circle', { cx: x, cy: y, r, fill: c, stroke: colors.halo, 'stroke-width': 1.2 }),
    square: () => svg('rect', { x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, fill: c, stroke: colors.halo, 'stroke-width': 1.2 }),
    triangle: () => svg('polygon', { points: `${x},${y - r * 1.1} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}`, fill: c, stroke: colors.halo, 'stroke-width': 1.2 }),
    diamond: () => svg('polygon', { points: `${x},${y - r * 1.15} ${x + r},${y} ${x},${y + r * 1.15} ${x - r},${y}`, fill: c, stroke: colors.halo, 'stroke-width': 1.2 }),
    plus: () => svg('path', { d: `M${x - r} ${y}H${x + r}M${x} ${y - r}V${y + r}`, stroke: c, 'stroke-width': 2.4, 'stroke-linecap': 'round' }),
    cross: () => svg('path', { d: `M${x - r * 0.8} ${y - r * 0.8}L${x + r * 0.8} ${y + r * 0.8}M${x - r * 0.8} ${y + r * 0.8}L${x + r * 0.8} ${y - r * 0.8}`, stroke: c, 'stroke-width': 2.4, 'stroke-linecap': 'round' }),
  };
  const mark = (shapes[style.marker] || shapes.circle)();
  if (style.marker === 'plus' || style.marker === 'cross') {
    root.append(svg('rect', { x: x - 5.5, y: 1.5, width: 11, height: 11, fill: colors.halo }));
  }
  root.append(mark);
  return root;
}
