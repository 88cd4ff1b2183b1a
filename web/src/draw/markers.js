// Markers for paths drawn on a plane (contour plots), so no path is told apart by colour alone.
// The race's racers take the page's one style per optimizer (draw/optimizer-styles.js: colour,
// dash and marker); plain gradient descent is the SGD style under its full name.
import { colors } from './colors.js';
import { optimizerStyles } from './optimizer-styles.js';

const racer = (id, name) => ({ ...optimizerStyles[id], name });
export const raceStyles = {
  gd: racer('sgd', 'Gradient descent'),
  momentum: racer('momentum', 'Momentum'),
  nesterov: racer('nesterov', 'Nesterov'),
  adagrad: racer('adagrad', 'AdaGrad'),
  rmsprop: racer('rmsprop', 'RMSProp'),
  adam: racer('adam', 'Adam'),
};

/** A marker's outline as SVG path data, centred on (x, y) with radius r: the one geometry of
 *  each shape, for the canvas (through Path2D) and for the legend's SVG swatches. A plus and a
 *  cross are strokes (strokedMarker); the other shapes are filled. */
export function markerPath(shape, x, y, r) {
  const poly = (points) => `M${points.map(([a, b]) => `${x + a} ${y + b}`).join('L')}Z`;
  switch (shape) {
    case 'square': { const k = r * 0.85; return poly([[-k, -k], [k, -k], [k, k], [-k, k]]); }
    case 'triangle': return poly([[0, -r * 1.1], [r, r * 0.8], [-r, r * 0.8]]);
    case 'diamond': return poly([[0, -r * 1.15], [r, 0], [0, r * 1.15], [-r, 0]]);
    case 'star': return poly(Array.from({ length: 10 }, (_, i) => {
      const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 ? r * 0.45 : r * 1.1;
      return [rr * Math.cos(a), rr * Math.sin(a)];
    }));
    case 'plus': return `M${x - r} ${y}H${x + r}M${x} ${y - r}V${y + r}`;
    case 'cross': { const k = r * 0.8; return `M${x - k} ${y - k}L${x + k} ${y + k}M${x - k} ${y + k}L${x + k} ${y - k}`; }
    default: return `M${x - r} ${y}A${r} ${r} 0 1 0 ${x + r} ${y}A${r} ${r} 0 1 0 ${x - r} ${y}Z`;
  }
}
export const strokedMarker = (shape) => shape === 'plus' || shape === 'cross';

/** A marker of the given shape centred on (x, y), filled with `color` and ringed in the plot's halo colour. */
export function drawMarker(ctx, shape, x, y, r, color) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  const path = new Path2D(markerPath(shape, x, y, r));
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineJoin = 'round';
  if (strokedMarker(shape)) {
    // a thick + or ×: drawn as strokes with a casing in the halo colour
    ctx.lineCap = 'round';
    for (const [w, s] of [[4.5, colors.halo], [2.5, color]]) { ctx.lineWidth = w; ctx.strokeStyle = s; ctx.stroke(path); }
  } else {
    ctx.fillStyle = color; ctx.strokeStyle = colors.halo; ctx.lineWidth = 1.5;
    ctx.fill(path); ctx.stroke(path);
  }
  ctx.restore();
}
