// A word-sized line chart for recap cards: a few lines (colour and dash), a dot on each line's
// end, the top and bottom of the y range written at the left and the x range underneath,
// optionally a dotted reference line (a target, or η). Crisp on high-DPI screens; the numbers
// it draws are given to it, and its screen-reader text is the caller's description.
import { hidpiCanvas } from './canvas.js';
import { linearScale, logScale } from './scale.js';
import { colors } from './colors.js';
import { tick } from '../format.js';

const small = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const pad = { top: 6, right: 8, bottom: 16, left: 48 };
// the y range's ends: small values in exponent form (7.7e-4), so they fit the narrow margin
const endLabel = (v) => (v !== 0 && Math.abs(v) < 0.01
  ? v.toExponential(1).replace('.0e', 'e').replace(/^-/, '−')
  : tick(v));

export function sparkline(container, { label = '', yLog = false, xLabel = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'sparkline';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'sparkline-canvas', label, onResize: () => draw() });
  let data = null;

  function draw() {
    if (!data) return;
    const w = surface.width, h = surface.height;
    if (w < 10 || h < 10) return;
    const ctx = surface.begin();
    const x0 = pad.left, x1 = w - pad.right, y0 = h - pad.bottom, y1 = pad.top;
    let lo = Infinity, hi = -Infinity, n = 1;
    for (const s of data.series) {
      n = Math.max(n, s.y.length - 1);
      for (const v of s.y) if (Number.isFinite(v) && (!yLog || v > 0)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
    for (const r of data.refs || []) if (Number.isFinite(r.y)) { lo = Math.min(lo, r.y); hi = Math.max(hi, r.y); }
    let [d0, d1] = data.yDomain || [lo, hi];
    if (!(d1 > d0)) { d0 = yLog ? d0 / 2 : d0 - 1; d1 = yLog ? d1 * 2 : d1 + 1; }
    const xDomain = data.xDomain || [0, n];
    const sx = linearScale(xDomain, [x0, x1]);
    const sy = (yLog ? logScale : linearScale)([d0, d1], [y0, y1]);

    ctx.font = small; ctx.fillStyle = colors.muted; ctx.textAlign = 'right';
    ctx.textBaseline = 'top'; ctx.fillText(endLabel(d1), x0 - 5, y1 - 2);
    ctx.textBaseline = 'bottom'; ctx.fillText(endLabel(d0), x0 - 5, y0 + 2);
    ctx.textBaseline = 'top'; ctx.textAlign = 'left'; ctx.fillText(tick(xDomain[0]), x0, y0 + 3);
    ctx.textAlign = 'right'; ctx.fillText(`${tick(xDomain[1])}${xLabel ? ` ${xLabel}` : ''}`, x1, y0 + 3);
    ctx.strokeStyle = colors.axis; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(x0 + 0.5, y1); ctx.lineTo(x0 + 0.5, y0 + 0.5); ctx.lineTo(x1, y0 + 0.5); ctx.stroke();

    ctx.save();
    ctx.beginPath(); ctx.rect(x0 + 1, y1 - 3, x1 - x0 + 3, y0 - y1 + 4); ctx.clip();
    for (const r of data.refs || []) {
      const py = Math.round(sy(r.y)) + 0.5;
      ctx.strokeStyle = r.color || colors.curve; ctx.setLineDash([2, 3]); ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(x0, py); ctx.lineTo(x1, py); ctx.stroke();
    }
    for (const s of data.series) {
      ctx.strokeStyle = s.color; ctx.fillStyle = s.color; ctx.lineWidth = s.width ?? 1.8;
      ctx.setLineDash(s.dash || []); ctx.lineJoin = 'round';
      ctx.beginPath();
      let pen = false, last = null;
      for (let i = 0; i < s.y.length; i++) {
        const px = sx(s.x ? s.x[i] : i), v = s.y[i];
        const py = Number.isFinite(v) && (!yLog || v > 0) ? Math.max(-1e4, Math.min(1e4, sy(v))) : NaN;
        if (!Number.isFinite(py)) { pen = false; continue; }
        if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        pen = true; last = [px, py];
      }
      ctx.stroke();
      ctx.setLineDash([]);
      if (last) { ctx.beginPath(); ctx.arc(last[0], last[1], 2.6, 0, 2 * Math.PI); ctx.fill(); }
    }
    ctx.restore();
  }

  /** series: [{y, x?, color, dash, width}]; refs: [{y, color}]; optional yDomain, xDomain;
   *  description: the screen-reader text (the figure's key numbers). */
  return function update(next) {
    data = next;
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
