// Labelled points: class 0 and class 1 in the page's two class colours, with a white rim.
import { colors } from './colors.js';

const rgb = ([r, g, b]) => `rgb(${r},${g},${b})`;

export function drawPoints(ctx, { x, y, labels, dim = 2 }, sx, sy, radius = 3) {
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  for (let i = 0; i < labels.length; i++) {
    const px = sx(x[i * dim]), py = sy(x[i * dim + 1]);
    ctx.fillStyle = rgb(labels[i] > 0.5 ? colors.class1 : colors.class0);
    ctx.beginPath(); ctx.arc(px, py, radius, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  }
}
