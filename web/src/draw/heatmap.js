// A decision-boundary picture: a grid of P(class 1) drawn as a two-colour heatmap (orange for
// class 0, white at 0.5, blue for class 1) with the data points on top and light axes.
import { hidpiCanvas } from './canvas.js';
import { linearScale } from './scale.js';
import { colors, font } from './colors.js';
import { drawPoints } from './scatter.js';
import { tick } from '../format.js';

const margin = { top: 6, right: 6, bottom: 22, left: 26 };

// 256 colours from class 0 through white to class 1, lightened so the points stand out.
const palette = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  const light = 0.45;
  for (let i = 0; i < 256; i++) {
    const t = i / 255, c = t < 0.5 ? colors.class0 : colors.class1, k = Math.abs(t - 0.5) * 2;
    for (let j = 0; j < 3; j++) {
      const full = c[j] + (255 - c[j]) * light;
      lut[i * 3 + j] = 255 + (full - 255) * k;
    }
  }
  return lut;
})();

export function heatmap(container, { label = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'heatmap';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'heatmap-canvas', label, onResize: () => draw() });
  const cells = document.createElement('canvas');  // one pixel per grid cell, scaled up
  let data = null;

  function paintCells(grid, nx, ny) {
    if (cells.width !== nx || cells.height !== ny) { cells.width = nx; cells.height = ny; }
    const cctx = cells.getContext('2d');
    const image = cctx.createImageData(nx, ny);
    for (let k = 0; k < nx * ny; k++) {
      const p = grid[k];
      const i = Number.isFinite(p) ? Math.max(0, Math.min(255, Math.round(p * 255))) : 128;
      image.data[k * 4] = palette[i * 3];
      image.data[k * 4 + 1] = palette[i * 3 + 1];
      image.data[k * 4 + 2] = palette[i * 3 + 2];
      image.data[k * 4 + 3] = 255;
    }
    cctx.putImageData(image, 0, 0);
  }

  function draw() {
    if (!data) return;
    const w = surface.width, h = surface.height;
    if (w < 10 || h < 10) return;
    const ctx = surface.begin();
    const { box } = data;
    const x0 = margin.left, x1 = w - margin.right, y0 = h - margin.bottom, y1 = margin.top;
    const sx = linearScale([box.x_min, box.x_max], [x0, x1]);
    const sy = linearScale([box.y_min, box.y_max], [y0, y1]);
    if (data.grid) {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(cells, x0, y1, x1 - x0, y0 - y1);
    }
    ctx.strokeStyle = colors.axis; ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, y1 + 0.5, x1 - x0 - 1, y0 - y1 - 1);
    ctx.font = font; ctx.fillStyle = colors.muted;
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (const t of sx.ticks(4)) ctx.fillText(tick(t), sx(t), y0 + 5);
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (const t of sy.ticks(4)) ctx.fillText(tick(t), x0 - 5, sy(t));
    if (data.points) {
      ctx.save(); ctx.beginPath(); ctx.rect(x0, y1, x1 - x0, y0 - y1); ctx.clip();
      drawPoints(ctx, data.points, sx, sy, w < 260 ? 2.2 : 3);
      ctx.restore();
    }
  }

  /** box: {x_min, x_max, y_min, y_max}; grid: Float64Array ny·nx of P(class 1), row 0 at the
   *  top (or null to keep the previous one); points: {x, labels}; description: screen-reader text. */
  return function update({ box, grid, nx, ny, points, description }) {
    if (grid) paintCells(grid, nx, ny);
    data = { box, grid: grid || data?.grid, points: points ?? data?.points };
    if (description) surface.setLabel(description);
    draw();
  };
}
