// Markers for paths drawn on a plane (contour plots), so no path is told apart by colour alone.
// The race's racers take the page's one style per optimizer (draw/optimizer-styles.js: colour,
// dash and marker); plain gradient descent is the SGD style under its full name.
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

/** A marker of the given shape centred on (x, y), filled with `color` and ringed in white. */
export function drawMarker(ctx, shape, x, y, r, color) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  ctx.save();
  ctx.setLineDash([]);
  ctx.fillStyle = color; ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5; ctx.lineJoin = 'round';
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
      // a thick + or ×: drawn as strokes with a white casing
      const d = shape === 'plus' ? [[-r, 0, r, 0], [0, -r, 0, r]] : [[-r * 0.8, -r * 0.8, r * 0.8, r * 0.8], [-r * 0.8, r * 0.8, r * 0.8, -r * 0.8]];
      for (const [w, s] of [[4.5, '#fff'], [2.5, color]]) {
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
