// A decision-boundary picture: a grid of P(class 1) drawn as a two-colour heatmap (orange for
// class 0, the plot's background at 0.5, blue for class 1) with the data points on top and quiet
// axes. The colours are the scheme's (colors.js): in light the middle is white, in dark it is the
// dark plot background, and the class colours fade towards it so the points stand out.
import { hidpiCanvas } from './canvas.js';
import { linearScale } from './scale.js';
import { colors, font, rgbOf } from './colors.js';
import { drawPoints } from './scatter.js';
import { tick } from '../format.js';

const margin = { top: 6, right: 6, bottom: 22, left: 26 };
// how far the strongest heatmap colour is faded from its class colour towards the background
const FADE = 0.45;

// 256 colours from class 0 through the background to class 1, for the current scheme; cached
// under the three colours it is made from, so a change of scheme makes a new one.
let palette = null, paletteKey = '';
function currentPalette() {
  const key = `${colors.surface}|${colors.class0}|${colors.class1}`;
  if (key !== paletteKey) {
    const bg = rgbOf(colors.surface), c0 = rgbOf(colors.class0), c1 = rgbOf(colors.class1);
    palette = new Uint8ClampedArray(256 * 3);
    for (let i = 0; i < 256; i++) {
      const t = i / 255, c = t < 0.5 ? c0 : c1, k = Math.abs(t - 0.5) * 2;
      for (let j = 0; j < 3; j++) {
        const full = c[j] + (bg[j] - c[j]) * FADE;
        palette[i * 3 + j] = bg[j] + (full - bg[j]) * k;
      }
    }
    paletteKey = key;
  }
  return palette;
}

export function heatmap(container, { label = '' } = {}) {
  const root = document.createElement('div');
  root.className = 'heatmap';
  container.append(root);
  const surface = hidpiCanvas(root, { className: 'heatmap-canvas', label, onResize: () => draw() });
  const cells = document.createElement('canvas');  // one pixel per grid cell, scaled up
  let data = null;
  // the grid as palette indices, kept so a change of scheme repaints it in the new colours
  let levels = null, painted = null;

  function setCells(grid, nx, ny) {
    if (!levels || levels.length !== nx * ny) levels = new Uint8Array(nx * ny);
    for (let k = 0; k < nx * ny; k++) {
      const p = grid[k];
      levels[k] = Number.isFinite(p) ? Math.max(0, Math.min(255, Math.round(p * 255))) : 128;
    }
    if (cells.width !== nx || cells.height !== ny) { cells.width = nx; cells.height = ny; }
    painted = null;
  }

  function paintCells() {
    const colours = currentPalette();
    if (painted === colours) return;
    const cctx = cells.getContext('2d');
    const image = cctx.createImageData(cells.width, cells.height);
    for (let k = 0; k < levels.length; k++) {
      const i = levels[k];
      image.data[k * 4] = colours[i * 3];
      image.data[k * 4 + 1] = colours[i * 3 + 1];
      image.data[k * 4 + 2] = colours[i * 3 + 2];
      image.data[k * 4 + 3] = 255;
    }
    cctx.putImageData(image, 0, 0);
    painted = colours;
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
      paintCells();
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
    if (grid) setCells(grid, nx, ny);
    data = { box, grid: grid || data?.grid, points: points ?? data?.points };
    if (description) surface.setLabel(description);
    draw();
  };
}
