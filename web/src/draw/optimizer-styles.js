// One look per optimizer for figures that draw several at once: a colour and a dash pattern,
// so the lines stay distinguishable without colour (print, colour-blind readers). AdaGrad keeps
// the page's violet and plain gradient descent its grey. The colours are colors.js's live ones:
// their values, light and dark, are custom properties in style.css.
import { colors } from './colors.js';

export const optimizerStyles = {
  sgd: { label: 'SGD', color: colors.other, dash: [7, 4] },
  momentum: { label: 'Momentum', color: colors.momentum, dash: [10, 3, 2, 3] },
  adagrad: { label: 'AdaGrad', color: colors.adagrad, dash: null },
  rmsprop: { label: 'RMSProp', color: colors.rmsprop, dash: [2, 3] },
  adam: { label: 'Adam', color: colors.adam, dash: [12, 4] },
};
