// The frame every chart shares: grid lines, tick labels, the two axes and their titles, for a
// plot area from x0 to x1 and from y0 (bottom) up to y1 (top), in canvas pixels. sx and sy are
// scales from scale.js (callable, with .ticks(n)). Drawing only.
import { colors, font } from './colors.js';
import { tick } from '../format.js';

export function drawAxes(ctx, {
  x0, x1, y0, y1, height, sx, sy, xTicks, yFormat = tick, xLabel = '', yLabel = '',
  minXTicks = 4, yLabelX = 13,
}) {
  ctx.font = font;
  ctx.lineWidth = 1;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  for (const t of xTicks || sx.ticks(Math.max(minXTicks, Math.floor((x1 - x0) / 60)))) {
    const px = Math.round(sx(t)) + 0.5;
    ctx.strokeStyle = colors.grid; ctx.beginPath(); ctx.moveTo(px, y0); ctx.lineTo(px, y1); ctx.stroke();
    ctx.fillText(tick(t), px, y0 + 6);
  }
  ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
  for (const t of sy.ticks(Math.max(2, Math.floor((y0 - y1) / 40)))) {
    const py = Math.round(sy(t)) + 0.5;
    ctx.strokeStyle = colors.grid; ctx.beginPath(); ctx.moveTo(x0, py); ctx.lineTo(x1, py); ctx.stroke();
    ctx.fillText(yFormat(t), x0 - 6, py);
  }
  ctx.strokeStyle = colors.axis;
  ctx.beginPath(); ctx.moveTo(x0 + 0.5, y1); ctx.lineTo(x0 + 0.5, y0 + 0.5); ctx.lineTo(x1, y0 + 0.5); ctx.stroke();
  ctx.fillStyle = colors.ink;
  ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, (x0 + x1) / 2, height - 2);
  ctx.save();
  ctx.translate(yLabelX, (y0 + y1) / 2); ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
}
