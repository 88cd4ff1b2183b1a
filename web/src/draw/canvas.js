// A canvas that stays crisp on high-DPI screens: its backing store follows the CSS box times
// devicePixelRatio, and `onResize` is called so the owner can redraw at the new size. It is
// also called when the colour scheme changes, so every chart redraws in the new scheme's colours
// (draw/colors.js), and each begin() paints the scheme's plot background: the canvas is a picture
// complete in itself, legible when copied out of the page.
import { colors, onSchemeChange } from './colors.js';

// Every canvas made here, to redraw on a change of scheme: weakly held, so a chart removed from
// the page is forgotten with it.
const made = new Set();
const redrawOf = new WeakMap();
onSchemeChange(() => {
  for (const ref of made) {
    const canvas = ref.deref();
    if (!canvas) { made.delete(ref); continue; }
    if (canvas.isConnected) redrawOf.get(canvas)();
  }
});

export function hidpiCanvas(parent, { className = '', label = '', onResize = () => {} } = {}) {
  const canvas = document.createElement('canvas');
  if (className) canvas.className = className;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  parent.append(canvas);
  const ctx = canvas.getContext('2d');
  let width = 0, height = 0, dpr = 0;

  function measure() {
    const box = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (box.width === width && box.height === height && ratio === dpr) return false;
    width = box.width; height = box.height; dpr = ratio;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    return true;
  }
  new ResizeObserver(() => { if (measure()) onResize(); }).observe(canvas);
  measure();
  made.add(new WeakRef(canvas));
  redrawOf.set(canvas, onResize);

  return {
    canvas,
    get width() { return width; },
    get height() { return height; },
    /** Paints the canvas in the plot background and returns its context in CSS pixels. */
    begin() {
      // the whole backing store, in device pixels: filled in CSS pixels, a box 394.6 px wide
      // covered the last column only in part, and the last frames showed through it
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = colors.surface;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      return ctx;
    },
    setLabel(text) { canvas.setAttribute('aria-label', text); },
  };
}
