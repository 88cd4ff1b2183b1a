// A line chart on canvas with axes, ticks, labels and an HTML legend. It draws what it is
// given: series of (x, y) values, optionally only the first `count` of them.
import { tracePolyline } from './polyline.js';
import { hidpiCanvas } from './canvas.js';
import { drawAxes, plotLeft } from './axes.js';
import { linearScale, logScale, niceDomain, niceLogDomain } from './scale.js';
import { decadeFormat } from './decades.js';
import { legend as legendOf, legendKey as keyOf } from '../ui/legend.js';
import { colors, font } from './colors.js';

const margin = { top: 12, right: 24, bottom: 40, left: 58 };

export function lineChart(container, { xLabel = '', yLabel = '', yLog = false, label = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'chart';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'chart-canvas', label, onResize: () => draw() });
  const legend = document.createElement('ul');
  legend.className = 'legend';
  root.append(legend);
  let data = null, shownKey = '';

  function extent(series, axis, positiveOnly) {
    let lo = Infinity, hi = -Infinity;
    for (const s of series) {
      const values = axis === 'x' ? s.x : s.y;
      const n = s.count ?? s.y.length;
      for (let i = 0; i < n; i++) {
        const v = values ? values[i] : i;
        if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    return lo <= hi ? [lo, hi] : null;
  }

  function updateLegend(series) {
    const shown = series.filter((s) => s.label);
    const key = keyOf(shown);
    if (key === shownKey) return;
    shownKey = key;
    legend.replaceChildren(...legendOf(shown).childNodes);
  }

  function draw() {
    if (!data) return;
    const w = surface.width, h = surface.height;
    if (w < 10 || h < 10) return;
    const ctx = surface.begin();
    const { series } = data;
    const x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    const xDomain = data.xDomain || niceDomain(...(extent(series, 'x') || [0, 1]), 6);
    let yDomain = data.yDomain;
    if (!yDomain) {
      const e = extent(series, 'y', yLog) || (yLog ? [0.1, 1] : [0, 1]);
      yDomain = yLog ? niceLogDomain(e[0], e[1]) : niceDomain(e[0], e[1], 5);
    }
    const sy = (yLog ? logScale : linearScale)(yDomain, [y0, y1]);
    // a log axis over many powers of ten labels only every few decades (one label per ~22 px),
    // unless the figure gives its own tick text
    const yFormat = data.yFormat ?? (yLog ? decadeFormat(yDomain, Math.max(3, Math.floor((y0 - y1) / 22))) : undefined);
    const x0 = plotLeft(ctx, { sy, y0, y1, yFormat, least: margin.left });
    const sx = linearScale(xDomain, [x0, x1]);

    drawAxes(ctx, { x0, x1, y0, y1, height: h, sx, sy, yFormat, xLabel, yLabel: data.yLabel ?? yLabel });

    // series, clipped to the plot area
    ctx.save();
    ctx.beginPath(); ctx.rect(x0, y1 - 4, x1 - x0 + 4, y0 - y1 + 8); ctx.clip();
    for (const s of series) {
      const n = s.count ?? s.y.length;
      const px = (i) => sx(s.x ? s.x[i] : i);
      const py = (i) => sy(s.y[i]);
      ctx.strokeStyle = s.color; ctx.fillStyle = s.color;
      ctx.lineWidth = s.width ?? 2; ctx.setLineDash(s.dash || []);
      ctx.lineJoin = 'round';
      if (!s.dotsOnly) {
        ctx.beginPath();
        // cut to the plot (draw/polyline.js): canvas misbehaves with huge coordinates, and
        // strokes and dashes a far-off segment over its whole length
        tracePolyline(ctx, n, px, py, { x0: x0 - 8, x1: x1 + 8, y0: y1 - 8, y1: y0 + 8 });
        ctx.stroke();
      }
      ctx.setLineDash([]);
      if (s.dots) {
        for (let i = 0; i < n; i++) {
          const a = px(i), b = py(i);
          if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
          ctx.globalAlpha = s.dotsOnly ? 0.35 : 0.6;
          ctx.beginPath(); ctx.arc(a, b, 2.5, 0, 2 * Math.PI); ctx.fill();
        }
        ctx.globalAlpha = 1;
      }
      if (s.last && n > 0) {
        const a = px(n - 1), b = py(n - 1);
        if (Number.isFinite(a) && Number.isFinite(b)) {
          ctx.beginPath(); ctx.arc(a, b, s.lastRadius ?? 5, 0, 2 * Math.PI); ctx.fill();
          ctx.strokeStyle = colors.halo; ctx.lineWidth = 1.5; ctx.stroke();
        }
      }
    }
    ctx.restore();
    // a series whose current point lies past the axes: an arrow at the edge, pointing its way,
    // with the series' own words for where it is (offPlot(i)), so a runaway run is not just gone
    for (const s of series) {
      const n = s.count ?? s.y.length;
      if (!s.last || !s.offPlot || n === 0) continue;
      const xv = s.x ? s.x[n - 1] : n - 1, yv = s.y[n - 1];
      if (Number.isNaN(xv) || Number.isNaN(yv)) continue;
      const a = sx(xv), b = sy(yv);
      const dx = a < x0 ? -1 : a > x1 ? 1 : 0, dy = b < y1 ? -1 : b > y0 ? 1 : 0;  // canvas y grows down
      if (dx === 0 && dy === 0) continue;
      const ax = dx < 0 ? x0 + 8 : dx > 0 ? x1 - 8 : a, ay = dy < 0 ? y1 + 8 : dy > 0 ? y0 - 8 : b;
      const len = Math.hypot(dx, dy), ux = dx / len, uy = dy / len;
      ctx.fillStyle = s.color; ctx.strokeStyle = colors.halo; ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(ax + 7 * ux, ay + 7 * uy);
      ctx.lineTo(ax - 5 * ux - 5 * uy, ay - 5 * uy + 5 * ux);
      ctx.lineTo(ax - 5 * ux + 5 * uy, ay - 5 * uy - 5 * ux);
      ctx.closePath(); ctx.stroke(); ctx.fill();
      ctx.font = font; ctx.textBaseline = dy > 0 ? 'bottom' : dy < 0 ? 'top' : 'middle';
      ctx.textAlign = dx > 0 ? 'right' : dx < 0 ? 'left' : ax > (x0 + x1) / 2 ? 'right' : 'left';
      const tx = ax + (ctx.textAlign === 'right' ? -10 : 10), ty = ay + (dy > 0 ? -6 : dy < 0 ? 6 : 0);
      // on a halo, legible over the other series' lines
      ctx.strokeStyle = colors.halo; ctx.lineWidth = 4; ctx.lineJoin = 'round';
      ctx.strokeText(s.offPlot(n - 1), tx, ty);
      ctx.fillText(s.offPlot(n - 1), tx, ty);
    }
    const placed = [];  // the markers' labels drawn so far: {x0, x1, y0, y1}
    for (const m of data.markers || []) {  // labelled vertical markers (e.g. "diverged")
      const px = Math.round(sx(m.x)) + 0.5;
      if (!(px >= x0 && px <= x1)) continue;
      // (its own width: the previous marker's label left the halo's)
      ctx.strokeStyle = m.color; ctx.lineWidth = 1; ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(px, y0); ctx.lineTo(px, y1); ctx.stroke(); ctx.setLineDash([]);
      ctx.fillStyle = m.color; ctx.textBaseline = 'top'; ctx.textAlign = 'left';
      // beside the line on whichever side it fits, else in two lines, else kept inside the plot
      // (a label 'Momentum diverged at step 47' at step 47 of 100 ran off a phone's chart)
      const fits = (lines) => {
        const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
        if (px + 4 + w <= x1 + 4) return px + 4;
        if (px - 4 - w >= x0) return px - 4 - w;
        return null;
      };
      const words = m.text.split(' ');
      const half = Math.ceil(words.length / 2);
      const two = words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : [m.text];
      let lines = [m.text], at = fits(lines);
      if (at === null) { lines = two; at = fits(lines); }
      if (at === null) at = Math.max(x0, Math.min(px + 4, x1 + 4 - Math.max(...lines.map((l) => ctx.measureText(l).width))));
      // below the labels already placed that it would overlap (two runs diverging at one step)
      const w = Math.max(...lines.map((l) => ctx.measureText(l).width)), h = 14 * lines.length;
      let top = y1 + 2;
      for (let moved = true; moved;) {
        moved = false;
        for (const r of placed) if (at < r.x1 && at + w > r.x0 && top < r.y1 && top + h > r.y0) { top = r.y1; moved = true; }
      }
      placed.push({ x0: at, x1: at + w, y0: top, y1: top + h });
      lines.forEach((line, k) => {
        ctx.strokeStyle = colors.halo; ctx.lineWidth = 3; ctx.lineJoin = 'round';
        ctx.strokeText(line, at, top + 14 * k);
        ctx.fillText(line, at, top + 14 * k);
      });
    }
  }

  /** series: [{label, color, dash, width, x, y, count, dots, dotsOnly, last, offPlot}] (offPlot(i):
   *  the words beside the edge arrow when the last point shown, i, is past the axes); optional
   *  xDomain, yDomain, yLabel, yFormat (tick text), markers: [{x, text, color}], description (screen-reader text). */
  return function update(next) {
    data = next;
    updateLegend(next.series);
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
