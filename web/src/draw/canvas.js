// A canvas that stays crisp on high-DPI screens: its backing store follows the CSS box times
// devicePixelRatio, and `onResize` is called so the owner can redraw at the new size.

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

  return {
    canvas,
    get width() { return width; },
    get height() { return height; },
    /** Clears the canvas and returns its context in CSS pixels. */
    begin() {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      return ctx;
    },
    setLabel(text) { canvas.setAttribute('aria-label', text); },
  };
}
