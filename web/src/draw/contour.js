// Contour plots of a two-parameter loss: isolines by marching squares over a value grid that the
// WASM core computed (lab.quadraticValueGrid, lab.linearRegressionValueGrid), log-spaced levels,
// optimizer paths on top, and a start point the reader can drag, click to place, or move with
// the arrow keys. Drawing only: every value on the grid and every point of a path is the core's.
import { hidpiCanvas } from './canvas.js';
import { linearScale } from './scale.js';
import { colors, font } from './colors.js';
import { drawMarker } from './markers.js';
import { tick } from '../format.js';
import { el } from '../ui/dom.js';

const margin = { top: 10, right: 12, bottom: 38, left: 46 };

/** The grid to ask the core for so that its cell centres fall exactly on an nx × ny lattice of
 *  nodes spanning `box` edge to edge (the core samples cell centres; contours want nodes). */
export function latticeGrid(box, nx, ny) {
  const hx = (box.x_max - box.x_min) / (nx - 1), hy = (box.y_max - box.y_min) / (ny - 1);
  return { x_min: box.x_min - hx / 2, x_max: box.x_max + hx / 2, y_min: box.y_min - hy / 2, y_max: box.y_max + hy / 2, nx, ny };
}

/** Levels above `floor` (the surface's known minimum value), each `ratio` times further from it
 *  than the one below: on a quadratic bowl that spaces the ellipses evenly in log radius. */
export function logLevels(values, floor, { ratio = 2, count = 14 } = {}) {
  let top = -Infinity;
  for (const v of values) if (Number.isFinite(v) && v > top) top = v;
  const span = top - floor;
  if (!(span > 0)) return [];
  const levels = [];
  for (let d = span / ratio, k = 0; k < count; k++, d /= ratio) levels.push(floor + d);
  return levels.reverse();
}

/** Marching squares: the segments where the node values cross `level`, as a flat array
 *  [c0, r0, c1, r1, …] in fractional node coordinates (c across, r down from the top row). */
export function isolines(values, nx, ny, level) {
  const out = [];
  const at = (c, r) => values[r * nx + c];
  const lerp = (a, b) => (level - a) / (b - a);
  for (let r = 0; r < ny - 1; r++) {
    for (let c = 0; c < nx - 1; c++) {
      const tl = at(c, r), tr = at(c + 1, r), br = at(c + 1, r + 1), bl = at(c, r + 1);
      if (!(Number.isFinite(tl) && Number.isFinite(tr) && Number.isFinite(br) && Number.isFinite(bl))) continue;
      const index = (tl > level ? 8 : 0) | (tr > level ? 4 : 0) | (br > level ? 2 : 0) | (bl > level ? 1 : 0);
      if (index === 0 || index === 15) continue;
      // crossing points on the four edges
      const top = () => [c + lerp(tl, tr), r];
      const right = () => [c + 1, r + lerp(tr, br)];
      const bottom = () => [c + lerp(bl, br), r + 1];
      const left = () => [c, r + lerp(tl, bl)];
      const seg = (a, b) => { out.push(a[0], a[1], b[0], b[1]); };
      switch (index) {
        case 1: case 14: seg(left(), bottom()); break;
        case 2: case 13: seg(bottom(), right()); break;
        case 3: case 12: seg(left(), right()); break;
        case 4: case 11: seg(top(), right()); break;
        case 6: case 9: seg(top(), bottom()); break;
        case 7: case 8: seg(left(), top()); break;
        case 5: case 10: {  // a saddle: the cell's mean decides which corners connect
          const centreHigh = (tl + tr + br + bl) / 4 > level;
          if ((index === 5) === centreHigh) { seg(left(), top()); seg(bottom(), right()); }
          else { seg(top(), right()); seg(left(), bottom()); }
          break;
        }
        default: break;
      }
    }
  }
  return out;
}

/**
 * A contour chart. Options: xLabel, yLabel, label (screen-reader text until the first update),
 * equal (true: one unit is as long across as up, so a stretched bowl looks stretched),
 * draggable (show a start handle), handleName (what the handle is, for its aria-label),
 * step (arrow-key step; Shift moves ten times as far), onStart({x, y}, final) when the reader
 * moves the start (final: the drag or key press is over).
 * Returns update({box, field, paths, points, start, description}).
 */
export function contourPlot(container, {
  xLabel = '', yLabel = '', label = '', equal = true, draggable = false,
  handleName = 'start point', step = 0.1, onStart = () => {},
} = {}) {
  const root = el('div', { className: 'contour' });
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'contour-canvas', label, onResize: () => { layer = null; draw(); } });
  const handle = draggable ? el('button', { type: 'button', className: 'contour-handle', dataset: { role: 'start' } }) : null;
  if (handle) root.append(handle);

  let data = null;     // the last update
  let field = null;    // {values, nx, ny, floor, levels, segments: [Float64Array…], shade}
  let layer = null;    // the contours pre-rendered at the current size
  let scales = null;   // {sx, sy, x0, x1, y0, y1} of the last draw

  // With `equal`, the canvas height follows its width so that both axes have one scale.
  function fitHeight() {
    if (!equal || !data) return;
    const { box } = data;
    const width = root.clientWidth;
    if (!width) return;
    const plotW = width - margin.left - margin.right;
    const h = Math.round(plotW * (box.y_max - box.y_min) / (box.x_max - box.x_min) + margin.top + margin.bottom);
    const px = `${Math.max(120, h)}px`;
    if (surface.canvas.style.height !== px) surface.canvas.style.height = px;
  }
  new ResizeObserver(() => fitHeight()).observe(root);

  function buildField(f) {
    const levels = f.levels || logLevels(f.values, f.floor ?? 0, f);
    const segments = levels.map((level) => isolines(f.values, f.nx, f.ny, level));
    // shading: a light ramp in log(f − floor), darkest near the minimum
    const image = document.createElement('canvas');
    image.width = f.nx; image.height = f.ny;
    const ictx = image.getContext('2d');
    const pixels = ictx.createImageData(f.nx, f.ny);
    const floor = f.floor ?? 0;
    const lo = Math.log(levels[0] - floor || 1e-12), hi = Math.log((levels[levels.length - 1] ?? floor + 1) - floor || 1);
    const light = [255, 255, 255], deep = [214, 222, 240];
    for (let k = 0; k < f.nx * f.ny; k++) {
      const v = f.values[k] - floor;
      let t = Number.isFinite(v) && v > 0 ? (Math.log(v) - lo) / (hi - lo || 1) : 0;
      t = Math.max(0, Math.min(1, t));
      for (let j = 0; j < 3; j++) pixels.data[k * 4 + j] = deep[j] + (light[j] - deep[j]) * t;
      pixels.data[k * 4 + 3] = 255;
    }
    ictx.putImageData(pixels, 0, 0);
    return { ...f, levels, segments, image };
  }

  function geometry() {
    const w = surface.width, h = surface.height;
    const { box } = data;
    const x0 = margin.left, x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    return { w, h, x0, x1, y0, y1, sx: linearScale([box.x_min, box.x_max], [x0, x1]), sy: linearScale([box.y_min, box.y_max], [y0, y1]) };
  }

  // Shading and isolines, drawn once per size and surface, then copied every frame.
  function renderLayer(g) {
    const dpr = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(g.w * dpr)); canvas.height = Math.max(1, Math.round(g.h * dpr));
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (field) {
      const { nx, ny } = field;
      const { box } = data;
      // node (c, r) sits at x_min + c·hx, y_max − r·hy
      const hx = (box.x_max - box.x_min) / (nx - 1), hy = (box.y_max - box.y_min) / (ny - 1);
      const pxOf = (c) => g.sx(box.x_min + c * hx), pyOf = (r) => g.sy(box.y_max - r * hy);
      // the shading image's pixels are the nodes: stretch it half a node past the box, then clip
      ctx.save();
      ctx.beginPath(); ctx.rect(g.x0, g.y1, g.x1 - g.x0, g.y0 - g.y1); ctx.clip();
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(field.image, pxOf(-0.5), pyOf(-0.5), pxOf(nx - 0.5) - pxOf(-0.5), pyOf(ny - 0.5) - pyOf(-0.5));
      ctx.lineWidth = 1;
      field.segments.forEach((seg, i) => {
        // the innermost levels a little darker, so the bottom of the bowl reads at a glance
        const k = i / Math.max(1, field.segments.length - 1);
        ctx.strokeStyle = `rgba(73, 80, 87, ${0.55 - 0.25 * k})`;
        ctx.beginPath();
        for (let j = 0; j < seg.length; j += 4) {
          ctx.moveTo(pxOf(seg[j]), pyOf(seg[j + 1]));
          ctx.lineTo(pxOf(seg[j + 2]), pyOf(seg[j + 3]));
        }
        ctx.stroke();
      });
      ctx.restore();
    }
    // frame, ticks and labels
    ctx.strokeStyle = colors.axis; ctx.lineWidth = 1;
    ctx.strokeRect(g.x0 + 0.5, g.y1 + 0.5, g.x1 - g.x0 - 1, g.y0 - g.y1 - 1);
    ctx.font = font; ctx.fillStyle = colors.muted;
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (const t of g.sx.ticks(Math.max(3, Math.floor((g.x1 - g.x0) / 70)))) {
      const px = Math.round(g.sx(t)) + 0.5;
      ctx.strokeStyle = colors.axis; ctx.beginPath(); ctx.moveTo(px, g.y0); ctx.lineTo(px, g.y0 + 4); ctx.stroke();
      ctx.fillText(tick(t), px, g.y0 + 6);
    }
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (const t of g.sy.ticks(Math.max(2, Math.floor((g.y0 - g.y1) / 45)))) {
      const py = Math.round(g.sy(t)) + 0.5;
      ctx.strokeStyle = colors.axis; ctx.beginPath(); ctx.moveTo(g.x0 - 4, py); ctx.lineTo(g.x0, py); ctx.stroke();
      ctx.fillText(tick(t), g.x0 - 6, py);
    }
    ctx.fillStyle = colors.ink;
    ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
    ctx.fillText(xLabel, (g.x0 + g.x1) / 2, g.h - 2);
    ctx.save();
    ctx.translate(12, (g.y0 + g.y1) / 2); ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
    return { canvas, w: g.w, h: g.h, dpr };
  }

  function draw() {
    if (!data) return;
    fitHeight();
    const g = geometry();
    if (g.w < 40 || g.h < 40) return;
    scales = g;
    const dpr = window.devicePixelRatio || 1;
    if (!layer || layer.w !== g.w || layer.h !== g.h || layer.dpr !== dpr) layer = renderLayer(g);
    const ctx = surface.begin();
    ctx.drawImage(layer.canvas, 0, 0, g.w, g.h);

    ctx.save();
    ctx.beginPath(); ctx.rect(g.x0, g.y1, g.x1 - g.x0, g.y0 - g.y1); ctx.clip();
    const clampPx = (v) => Math.max(-1e4, Math.min(1e4, v));
    for (const p of data.paths || []) {
      const n = Math.min(p.count ?? Infinity, p.params.length / 2);
      if (n < 1) continue;
      const px = (i) => clampPx(g.sx(p.params[2 * i])), py = (i) => clampPx(g.sy(p.params[2 * i + 1]));
      // a white casing under each path keeps it readable over the contours and the other paths
      for (const [stroke, width, dash] of [['rgba(255,255,255,0.85)', (p.width ?? 2) + 2.5, []], [p.color, p.width ?? 2, p.dash || []]]) {
        ctx.strokeStyle = stroke; ctx.lineWidth = width; ctx.setLineDash(dash); ctx.lineJoin = 'round'; ctx.lineCap = 'round';
        ctx.beginPath();
        for (let i = 0; i < n; i++) { if (i) ctx.lineTo(px(i), py(i)); else ctx.moveTo(px(i), py(i)); }
        ctx.stroke();
      }
      ctx.setLineDash([]);
      // one small dot per step: the spacing shows the step sizes
      ctx.fillStyle = p.color;
      for (let i = 1; i < n - 1; i++) { ctx.beginPath(); ctx.arc(px(i), py(i), 1.8, 0, 2 * Math.PI); ctx.fill(); }
      drawMarker(ctx, p.marker || 'circle', px(n - 1), py(n - 1), p.markerSize ?? 5.5, p.color);
    }
    for (const q of data.points || []) {
      const a = g.sx(q.x), b = g.sy(q.y);
      drawMarker(ctx, q.shape || 'star', a, b, q.size ?? 7, q.color || colors.ink);
      if (q.text) {
        ctx.font = font; ctx.fillStyle = colors.ink; ctx.textBaseline = 'top';
        ctx.textAlign = a > (g.x0 + g.x1) / 2 ? 'right' : 'left';
        const dx = ctx.textAlign === 'left' ? 9 : -9;
        ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(255,255,255,0.9)'; ctx.strokeText(q.text, a + dx, b + 5);
        ctx.fillText(q.text, a + dx, b + 5);
      }
    }
    ctx.restore();
    placeHandle();
  }

  // ----- the start point: a real button over the canvas, so it can take focus and keys
  function placeHandle() {
    if (!handle || !scales || !data?.start) { if (handle) handle.hidden = true; return; }
    const { x, y } = data.start;
    handle.hidden = false;
    handle.style.left = `${scales.sx(x)}px`;
    handle.style.top = `${scales.sy(y)}px`;
    handle.setAttribute('aria-label', `${handleName}: ${xLabel} = ${tick(x)}, ${yLabel} = ${tick(y)}. Arrow keys move it, Shift+arrow moves it further.`);
    handle.title = `${handleName}: drag it, or click anywhere on the plot`;
  }
  const round = (v, unit) => Math.round(v / unit) * unit;
  const tidy = (v) => Number(v.toFixed(6));
  function clampToBox(x, y) {
    const { box } = data;
    return { x: tidy(Math.max(box.x_min, Math.min(box.x_max, x))), y: tidy(Math.max(box.y_min, Math.min(box.y_max, y))) };
  }
  function fromPointer(event) {
    const rect = surface.canvas.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    const { box } = data;
    // inverse of the drawing scales, snapped to a hundredth of the view's width
    const x = box.x_min + (px - scales.x0) / (scales.x1 - scales.x0) * (box.x_max - box.x_min);
    const y = box.y_min + (scales.y0 - py) / (scales.y0 - scales.y1) * (box.y_max - box.y_min);
    const unit = Math.pow(10, Math.floor(Math.log10((box.x_max - box.x_min) / 100)));
    return clampToBox(round(x, unit), round(y, unit));
  }
  function inside(event) {
    const rect = surface.canvas.getBoundingClientRect();
    const px = event.clientX - rect.left, py = event.clientY - rect.top;
    return scales && px >= scales.x0 && px <= scales.x1 && py >= scales.y1 && py <= scales.y0;
  }
  if (handle) {
    let dragging = false, pending = null, frame = 0;
    const flush = () => { frame = 0; if (pending) { onStart(pending, false); pending = null; } };
    handle.addEventListener('pointerdown', (event) => {
      if (!data?.start) return;
      dragging = true;
      handle.setPointerCapture(event.pointerId);
      handle.classList.add('dragging');
      event.preventDefault();
      handle.focus();
    });
    handle.addEventListener('pointermove', (event) => {
      if (!dragging) return;
      pending = fromPointer(event);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    const end = (event) => {
      if (!dragging) return;
      dragging = false;
      handle.classList.remove('dragging');
      if (frame) { cancelAnimationFrame(frame); frame = 0; }
      onStart(event.type === 'pointercancel' ? data.start : fromPointer(event), true);
      pending = null;
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    // a click (a tap without a drag) anywhere on the plot puts the start there
    surface.canvas.addEventListener('click', (event) => {
      if (!data?.start || !inside(event)) return;
      onStart(fromPointer(event), true);
    });
    handle.addEventListener('keydown', (event) => {
      const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
      const move = moves[event.key];
      if (!move || !data?.start) return;
      event.preventDefault();
      const k = event.shiftKey ? 10 : 1;
      const next = clampToBox(round(data.start.x + move[0] * step * k, step), round(data.start.y + move[1] * step * k, step));
      onStart(next, true);
    });
  }

  /** box: the view {x_min, x_max, y_min, y_max}; field: {values, nx, ny, floor, levels?,
   *  ratio?, count?} on latticeGrid(box, nx, ny) (omit it to keep the last one); paths: [{params
   *  (w, b interleaved), count, color, dash, width, marker}]; points: [{x, y, shape, color,
   *  text}]; start: {x, y} for the handle; description: the screen-reader text. */
  return function update(next) {
    const boxChanged = !data || ['x_min', 'x_max', 'y_min', 'y_max'].some((k) => data.box[k] !== next.box[k]);
    if (next.field) { field = buildField(next.field); layer = null; }
    if (boxChanged) layer = null;
    data = { ...next };
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
