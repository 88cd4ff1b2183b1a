// One look per optimizer, everywhere it is drawn: a colour, a dash pattern and a marker shape, so
// the lines stay distinguishable without colour (print, colour-blind readers). AdaGrad keeps the
// page's violet and plain gradient descent its grey. The colours are colors.js's live ones,
// whose light and dark values are custom properties in style.css. Charts, contour paths, legends,
// tables' swatches and summary cards all take their style from here.
import { colors } from './colors.js';

export const optimizerStyles = {
  sgd: { label: 'SGD', color: colors.other, dash: [7, 4], marker: 'square' },
  momentum: { label: 'Momentum', color: colors.momentum, dash: [10, 3, 2, 3], marker: 'triangle' },
  nesterov: { label: 'Nesterov', color: colors.nesterov, dash: [6, 2, 2, 2, 2, 2], marker: 'diamond' },
  adagrad: { label: 'AdaGrad', color: colors.adagrad, dash: [], marker: 'circle', width: 2.75 },
  rmsprop: { label: 'RMSProp', color: colors.rmsprop, dash: [2, 3], marker: 'plus' },
  adam: { label: 'Adam', color: colors.adam, dash: [12, 4], marker: 'cross' },
  // AdaGrad with the bug of §12 (G forgotten every step): raspberry, never solid; a second
  // coordinate of it is drawn dash-dot (forgetful2)
  forgetful: { label: 'forgetful', color: colors.bug, dash: [2, 3], marker: 'circle' },
  forgetful2: { label: 'forgetful', color: colors.bug, dash: [7, 3, 2, 3], marker: 'circle' },
};
