// A scatter of labelled dots on linear or log axes, with horizontal reference lines and an HTML
// legend: for "one dot per parameter" pictures (each word's effective rate against how many
// documents contain it). Points sharing an x are spread sideways by a few pixels (drawing only),
// points above the y range are drawn as triangles on the top edge, so none silently vanish.
import { hidpiCanvas } from './canvas.js';
import { drawAxes } from './axes.js';
import { linearScale, logScale, niceDomain, niceLogDomain } from './scale.js';
import { colors, font } from './colors.js';
import { legend as legendOf, legendKey as keyOf } from '../ui/legend.js';

const margin = { top: 14, right: 20, bottom: 40, left: 58 };

function marker(ctx, shape, x, y, r, hollow) {
  ctx.beginPath();
  if (shape === 'square') ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  else if (shape === 'triangle') { ctx.moveTo(x, y - r * 1.15); ctx.lineTo(x + r, y + r * 0.7); ctx.lineTo(x - r, y + r * 0.7); ctx.closePath(); }
  else if (shape === 'diamond') { ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.2); ctx.lineTo(x - r, y); ctx.closePath(); }
  else ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (hollow) { ctx.fillStyle = colors.surface; ctx.fill(); ctx.stroke(); } else { ctx.fill(); ctx.stroke(); }
}

export function dotPlot(container, { xLabel = '', yLabel = '', xLog = false, yLog = false, label = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'chart';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'chart-canvas', label, onResize: () => draw() });
  const legend = document.createElement('ul');
  legend.className = 'legend';
  root.append(legend);
  let data = null, shownKey = '';

  function updateLegend(items) {
    // a point series is a lone marker of its shape; a line (s.line) is drawn as a line
    const entries = items.map((s) => (s.line ? { ...s, shape: undefined } : { ...s, shape: s.shape || 'circle' }));
    const key = keyOf(entries);
    if (key === shownKey) return;
    shownKey = key;
    legend.replaceChildren(...legendOf(entries).childNodes);
  }

  function draw() {
    if (!data) return;
    const w = surface.width, h = surface.height;
    if (w < 10 || h < 10) return;
    const ctx = surface.begin();
    const x0 = margin.left, x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    const finite = (axis, positive) => data.points.map((p) => p[axis]).filter((v) => Number.isFinite(v) && (!positive || v > 0));
    const span = (values, log) => {
      const lo = Math.min(...values), hi = Math.max(...values);
      if (!values.length) return log ? [0.1, 1] : [0, 1];
      return log ? niceLogDomain(lo, hi) : niceDomain(lo, hi, 5);
    };
    const xDomain = data.xDomain || span(finite('x', xLog), xLog);
    const yDomain = data.yDomain || span(finite('y', yLog), yLog);
    const sx = (xLog ? logScale : linearScale)(xDomain, [x0 + 10, x1 - 10]);
    const sy = (yLog ? logScale : linearScale)(yDomain, [y0, y1]);

    drawAxes(ctx, { x0, x1, y0, y1, height: h, sx, sy, xTicks: data.xTicks, xLabel, yLabel });

    ctx.save();
    ctx.beginPath(); ctx.rect(x0 + 1, y1 - 8, x1 - x0, y0 - y1 + 8); ctx.clip();
    for (const line of data.lines || []) {
      const py = sy(line.y);
      if (!Number.isFinite(py)) continue;
      ctx.strokeStyle = line.color; ctx.lineWidth = line.width ?? 2; ctx.setLineDash(line.dash || []);
      ctx.beginPath(); ctx.moveTo(x0, py); ctx.lineTo(x1, py); ctx.stroke();
      ctx.setLineDash([]);
    }
    // sideways spread of points that share an x value (index within its group of equal x)
    // (the more points share an x, the wider they spread, up to a third of the gap to the next
    // whole number, so a crowded column stays readable without reaching its neighbour)
    const seen = new Map();
    const room = Math.max(4, 0.3 * Math.abs(xLog ? sx(2) - sx(1) : sx(xDomain[0] + 1) - sx(xDomain[0])));
    const placed = data.points.map((p) => {
      const k = `${p.x}`;
      const n = data.counts?.get(k) ?? 1;
      const i = seen.get(k) ?? 0;
      seen.set(k, i + 1);
      const spread = Math.min(room, 3 + 0.8 * n);
      const offset = n > 1 && data.jitter ? ((i * 0.618034) % 1 - 0.5) * 2 * spread : 0;
      const px = sx(p.x) + offset;
      const capped = p.y > yDomain[1] || !Number.isFinite(p.y);
      const py = capped ? y1 : sy(p.y);
      return { ...p, px, py, capped };
    });
    const r = w < 420 ? 3.2 : 4;
    for (const p of placed) {
      const style = data.groups[p.group] || {};
      ctx.strokeStyle = style.color; ctx.fillStyle = style.color; ctx.lineWidth = 1.3;
      ctx.globalAlpha = p.capped ? 1 : style.alpha ?? 0.75;
      marker(ctx, p.capped ? 'triangle' : style.shape, p.px, p.py, r, p.capped || style.hollow);
    }
    ctx.globalAlpha = 1;
    ctx.restore();
    // labels last, with a halo in the plot's background colour so they read over dots and grid
    ctx.font = `600 ${font}`;
    ctx.textBaseline = 'middle';
    for (const p of placed) {
      if (!p.label || !Number.isFinite(p.px) || !Number.isFinite(p.py)) continue;
      const right = p.px < x1 - 90;
      ctx.textAlign = right ? 'left' : 'right';
      const tx = p.px + (right ? 8 : -8), ty = Math.max(y1 + 6, Math.min(y0 - 6, p.py));
      ctx.strokeStyle = colors.halo; ctx.lineWidth = 4; ctx.lineJoin = 'round';
      ctx.strokeText(p.label, tx, ty);
      ctx.fillStyle = data.groups[p.group]?.labelColor || colors.ink;
      ctx.fillText(p.label, tx, ty);
      ctx.strokeStyle = colors.ink; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(p.px, p.py, r + 2.5, 0, 2 * Math.PI); ctx.stroke();
    }
  }

  /** points: [{x, y, group, label?}] (y above the range or non-finite: a triangle on the top
   *  edge); groups: {name: {label, color, shape: circle|square|triangle|diamond, hollow, alpha}};
   *  lines: [{y, label, color, dash}]; legend: extra items [{label, color, shape, hollow}];
   *  optional xDomain, yDomain, xTicks, jitter (spread equal x sideways), description. */
  return function update(next) {
    const counts = new Map();
    for (const p of next.points) counts.set(`${p.x}`, (counts.get(`${p.x}`) ?? 0) + 1);
    data = { ...next, counts };
    const items = [
      ...Object.values(next.groups).filter((g) => g.label),
      ...(next.lines || []).filter((l) => l.label).map((l) => ({ ...l, line: true })),
      ...(next.legend || []),
    ];
    updateLegend(items);
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
