// The spiral's network limits, in one place: the layer editor and the link's rule both use them.
export const MAX_LAYERS = 6;
export const MAX_WIDTH = 256;

/** The rule for sp.hidden: up to MAX_LAYERS comma-separated widths from 1 to MAX_WIDTH ('' for none). */
export const hiddenRule = {
  pattern: {
    test: (text) => text === '' || (/^\d{1,4}(,\d{1,4})*$/.test(text) && text.split(',').length <= MAX_LAYERS
      && text.split(',').every((w) => Number(w) >= 1 && Number(w) <= MAX_WIDTH)),
  },
  what: `up to ${MAX_LAYERS} layer sizes from 1 to ${MAX_WIDTH}, like 24,24`,
};
