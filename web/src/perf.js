// The page's own instrumentation: figures record how long their frames take, and
// build-scripts/bench reads window.adagradLabPerf from a headless browser. Recording is a few
// performance.now() calls; nothing is sent anywhere.
const store = (window.adagradLabPerf = window.adagradLabPerf || { frames: {}, marks: {}, notes: {} });
store.notes = store.notes || {};
const KEEP = 2000;

/** Adds one frame's timings (milliseconds by part, e.g. {train, grid, draw, total}) to `name`. */
export function recordFrame(name, parts) {
  const list = (store.frames[name] = store.frames[name] || []);
  list.push(parts);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

/** Notes when something happened, in milliseconds since the page started loading. */
export function mark(name) {
  store.marks[name] = performance.now();
}

/** Notes how long something took from `start` (a performance.now()) to now, in store.measures,
 *  and as a performance measure (seen in the browser's profiler). */
export function measure(name, start) {
  const end = performance.now();
  (store.measures = store.measures || {})[name] = end - start;
  performance.measure?.(name, { start, end });
}

/** Notes facts about a figure's run that are not times, e.g. {path: 'worker'} for where it trains. */
export function note(name, facts) {
  store.notes[name] = { ...store.notes[name], ...facts };
}
