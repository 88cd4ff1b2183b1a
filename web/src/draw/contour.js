// Contour plots of a two-parameter loss: filled bands between log-spaced levels and the level
// lines over a value grid that the WASM core computed (lab.quadraticValueGrid,
// lab.linearRegressionValueGrid), traced by d3-contour; optimizer paths on top, and a start point
// the reader can drag, click to place, or move with the arrow keys. Drawing only: every value on
// the grid and every point of a path is the core's.
import { tracePolyline } from './polyline.js';
import { contours } from 'd3-contour';
import { hidpiCanvas } from './canvas.js';
import { linearScale } from './scale.js';
import { colors, font } from './colors.js';
import { ramp } from './ramp.js';
import { drawMarker } from './markers.js';
import { tick } from '../format.js';
import { el } from '../ui/dom.js';

const margin = { top: 10, right: 12, bottom: 38, left: 46 };
const BAND_CURVE = 1.6;   // the ramp's position goes as (band / bands)^BAND_CURVE

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

/** The level sets of a value grid on latticeGrid(box, nx, ny) (row 0 at y_max, as the core
 *  returns it), traced by d3-contour, in the plot's data coordinates. For each level (ascending):
 *  `rings`, the boundary of the region f ≥ level as closed rings [x0, y0, x1, y1, …] (filled
 *  together under the even-odd rule they are that region, holes included), and `lines`, the
 *  level set itself: the same rings with the stretches d3-contour adds outside the box to close
 *  a region the box cuts off taken out. */
export function contourGeometry({ values, nx, ny }, box, levels) {
  if (!(nx >= 2 && ny >= 2) || values.length !== nx * ny) throw new Error(`contourGeometry: ${values.length} values for a ${nx} × ${ny} lattice`);
  const trace = contours().size([nx, ny]);
  // d3-contour puts sample (c, r) at (c + ½, r + ½) and closes every region on the rectangle
  // [0, nx] × [0, ny], half a cell outside the outer samples. Our sample (c, r) is the node
  // (x_min + c·hx, y_max − r·hy): the samples span the box edge to edge.
  const hx = (box.x_max - box.x_min) / (nx - 1), hy = (box.y_max - box.y_min) / (ny - 1);
  const inside = (u, v) => u >= 0.5 && u <= nx - 0.5 && v >= 0.5 && v <= ny - 0.5;
  return levels.map((level) => {
    const rings = [], lines = [];
    for (const polygon of trace.contour(values, level).coordinates) {
      for (const ring of polygon) {
        const flat = new Float64Array(ring.length * 2);
        ring.forEach(([u, v], i) => { flat[2 * i] = box.x_min + (u - 0.5) * hx; flat[2 * i + 1] = box.y_max - (v - 0.5) * hy; });
        rings.push(flat);
        // the level line: a ring's first point is its last; cut it wherever it leaves the box
        const m = ring.length - 1;
        let from = 0;
        while (from < m && inside(ring[from][0], ring[from][1])) from++;
        if (from === m) { lines.push(flat); continue; }
        let run = [];
        for (let k = 1; k <= m; k++) {
          const i = (from + k) % m;
          if (inside(ring[i][0], ring[i][1])) { run.push(flat[2 * i], flat[2 * i + 1]); continue; }
          if (run.length >= 4) lines.push(Float64Array.from(run));
          run = [];
        }
      }
    }
    return { level, rings, lines };
  });
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
  let field = null;    // {levels, sets}: the level sets of the last field (contourGeometry)
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

  // The level sets are traced once per field; the layer below draws them at each size.
  function buildField(f, box) {
    const levels = f.levels || logLevels(f.values, f.floor ?? 0, f);
    return { levels, sets: contourGeometry(f, box, levels) };
  }

  function geometry() {
    const w = surface.width, h = surface.height;
    const { box } = data;
    const x0 = margin.left, x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    return { w, h, x0, x1, y0, y1, sx: linearScale([box.x_min, box.x_max], [x0, x1]), sy: linearScale([box.y_min, box.y_max], [y0, y1]) };
  }

  // Bands and level lines, drawn once per size and field, then copied every frame.
  function renderLayer(g) {
    const dpr = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(g.w * dpr)); canvas.height = Math.max(1, Math.round(g.h * dpr));
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (field) {
      const { sets } = field;
      const trace = (flat) => {
        ctx.moveTo(g.sx(flat[0]), g.sy(flat[1]));
        for (let i = 2; i < flat.length; i += 2) ctx.lineTo(g.sx(flat[i]), g.sy(flat[i + 1]));
      };
      ctx.save();
      ctx.beginPath(); ctx.rect(g.x0, g.y1, g.x1 - g.x0, g.y0 - g.y1); ctx.clip();
      // one band per gap between levels, light at the bottom of the bowl, darker up its sides:
      // the lowest band under everything, then each level's region f ≥ level over it. The
      // outer bands fill most of the view (each level encloses half the one above it), so the
      // ramp takes its larger steps there and stays light around the minimum, where paths meet.
      const bands = ramp(colors.bandLow, colors.bandHigh, sets.length + 1, BAND_CURVE);
      ctx.fillStyle = bands[0];
      ctx.fillRect(g.x0, g.y1, g.x1 - g.x0, g.y0 - g.y1);
      sets.forEach(({ rings }, k) => {
        if (!rings.length) return;
        ctx.fillStyle = bands[k + 1];
        ctx.beginPath();
        for (const ring of rings) { trace(ring); ctx.closePath(); }
        ctx.fill('evenodd');
      });
      ctx.strokeStyle = colors.level; ctx.lineWidth = 0.75; ctx.lineJoin = 'round';
      ctx.beginPath();
      for (const { lines } of sets) for (const line of lines) trace(line);
      ctx.stroke();
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
    // paths are cut a little outside the plot (so a line's cap at the edge is whole; the clip
    // above trims it): a run that flies off costs only its visible part (draw/polyline.js)
    const view = { x0: g.x0 - 8, x1: g.x1 + 8, y0: g.y1 - 8, y1: g.y0 + 8 };
    for (const p of data.paths || []) {
      const n = Math.min(p.count ?? Infinity, p.params.length / 2);
      if (n < 1) continue;
      const px = (i) => clampPx(g.sx(p.params[2 * i])), py = (i) => clampPx(g.sy(p.params[2 * i + 1]));
      // a casing in the surface's colour under each path keeps it readable over the contours and the other paths
      for (const [stroke, width, dash] of [[colors.halo, (p.width ?? 2) + 2.5, []], [p.color, p.width ?? 2, p.dash || []]]) {
        ctx.strokeStyle = stroke; ctx.lineWidth = width; ctx.setLineDash(dash); ctx.lineJoin = 'round'; ctx.lineCap = 'round';
        ctx.beginPath();
        tracePolyline(ctx, n, (i) => g.sx(p.params[2 * i]), (i) => g.sy(p.params[2 * i + 1]), view);
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
        ctx.lineWidth = 3; ctx.strokeStyle = colors.halo; ctx.strokeText(q.text, a + dx, b + 5);
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
    if (next.field) { field = buildField(next.field, next.box); layer = null; }
    if (boxChanged) layer = null;
    data = { ...next };
    if (next.description) surface.setLabel(next.description);
    draw();
  };
}
