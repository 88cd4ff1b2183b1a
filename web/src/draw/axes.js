// The frame every chart shares: grid lines, tick labels, the two axes and their titles, for a
// plot area from x0 to x1 and from y0 (bottom) up to y1 (top), in canvas pixels. sx and sy are
// scales from scale.js (callable, with .ticks(n)). Drawing only.
import { colors, font } from './colors.js';
import { tick } from '../format.js';

/** The y ticks a plot from y0 (bottom) up to y1 shows: one per ~40 px, at least two. */
const yTicksOf = (sy, y0, y1) => sy.ticks(Math.max(2, Math.floor((y0 - y1) / 40)));

/** The left edge of the plot area: `least`, or further right when the widest y tick label
 *  (long ones such as 7.5e112) would otherwise run into the rotated axis title at yLabelX. */
export function plotLeft(ctx, { sy, y0, y1, yFormat = tick, least, yLabelX = 13 }) {
  ctx.font = font;
  let widest = 0;
  for (const t of yTicksOf(sy, y0, y1)) widest = Math.max(widest, ctx.measureText(yFormat(t)).width);
  // the title is centred on yLabelX, ~14 px tall once rotated; 4 px between it and the labels,
  // which end 6 px left of the axis
  return Math.max(least, Math.ceil(yLabelX + 7 + 4 + widest + 6));
}

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
  for (const t of yTicksOf(sy, y0, y1)) {
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
