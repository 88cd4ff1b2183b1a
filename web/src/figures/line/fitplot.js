// The line figure's data plot: the (x, y) points of the data set the core made, and each
// optimizer's current line y = w·x + b across the plot. Drawing only: the line is the picture of
// the two parameters the core returned, its two ends placed at the plot's left and right edges.
import { hidpiCanvas } from '../../draw/canvas.js';
import { drawAxes } from '../../draw/axes.js';
import { linearScale, niceDomain } from '../../draw/scale.js';
import { colors } from '../../draw/colors.js';

const margin = { top: 10, right: 14, bottom: 38, left: 46 };

export function fitPlot(container, { label = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'chart';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'chart-canvas', label, onResize: () => draw() });
  let data = null, domains = null;

  function draw() {
    if (!data) return;
    const w = surface.width, h = surface.height;
    if (w < 40 || h < 40) return;
    const ctx = surface.begin();
    const x0 = margin.left, x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    const sx = linearScale(domains.x, [x0, x1]), sy = linearScale(domains.y, [y0, y1]);
    drawAxes(ctx, { x0, x1, y0, y1, height: h, sx, sy, xLabel: 'x', yLabel: 'y', minXTicks: 3, yLabelX: 12 });

    ctx.save();
    ctx.beginPath(); ctx.rect(x0, y1, x1 - x0, y0 - y1); ctx.clip();
    // the points: small and translucent, there can be a thousand of them
    ctx.fillStyle = colors.points; ctx.globalAlpha = 0.45;
    const { x, y } = data.points;
    const r = x.length > 400 ? 1.6 : 2.4;
    for (let i = 0; i < y.length; i++) { ctx.beginPath(); ctx.arc(sx(x[i]), sy(y[i]), r, 0, 2 * Math.PI); ctx.fill(); }
    ctx.globalAlpha = 1;
    for (const line of data.lines) {
      const [a, b] = domains.x;
      for (const [stroke, width, dash] of [[colors.halo, (line.width ?? 2) + 2.5, []], [line.color, line.width ?? 2, line.dash || []]]) {
        ctx.strokeStyle = stroke; ctx.lineWidth = width; ctx.setLineDash(dash);
        ctx.beginPath(); ctx.moveTo(sx(a), sy(line.w * a + line.b)); ctx.lineTo(sx(b), sy(line.w * b + line.b)); ctx.stroke();
      }
      ctx.setLineDash([]);
    }
    ctx.restore();
  }

  /** points: {x, y} (one input column); lines: [{w, b, color, dash, width}]; description. */
  return function update(next) {
    if (next.points && next.points !== data?.points) {
      let xl = Infinity, xh = -Infinity, yl = Infinity, yh = -Infinity;
      for (const v of next.points.x) { if (v < xl) xl = v; if (v > xh) xh = v; }
      for (const v of next.points.y) { if (v < yl) yl = v; if (v > yh) yh = v; }
      domains = { x: niceDomain(xl, xh), y: niceDomain(yl, yh) };
    }
    data = { points: next.points ?? data?.points, lines: next.lines ?? data?.lines ?? [] };
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
