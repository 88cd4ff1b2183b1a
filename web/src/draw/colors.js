// The page's palette, shared by charts, heatmaps and the legend swatches in style.css.
export const colors = {
  adagrad: '#5b3cc4',   // AdaGrad everywhere
  other: '#5c636a',     // the comparison optimizer (plain gradient descent by default)
  curve: '#adb5bd',     // the objective's own curve
  ink: '#212529',
  muted: '#6c757d',
  grid: '#e9ecef',
  axis: '#adb5bd',
  class0: [232, 129, 20],   // orange
  class1: [16, 110, 190],   // blue
  danger: '#c92a2a',
  // contour plots (draw/contour.js): the bands run from bandLow at the bottom of a bowl to
  // bandHigh up its sides (interpolated in OKLab by draw/ramp.js), the level lines over them in
  // `level`. The same values are --band-low, --band-high and --level in style.css's :root.
  bandLow: '#f8f9fc',
  bandHigh: '#bcc7d9',
  level: '#8794aa',
};
export const font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
