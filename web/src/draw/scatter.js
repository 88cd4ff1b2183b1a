// Labelled points: class 0 and class 1 in the page's two class colours, with a rim in the halo
// colour (white in light, the plot background in dark).
import { colors } from './colors.js';

export function drawPoints(ctx, { x, y, labels, dim = 2 }, sx, sy, radius = 3) {
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.halo;
  for (let i = 0; i < labels.length; i++) {
    const px = sx(x[i * dim]), py = sy(x[i * dim + 1]);
    ctx.fillStyle = labels[i] > 0.5 ? colors.class1 : colors.class0;
    ctx.beginPath(); ctx.arc(px, py, radius, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  }
}
