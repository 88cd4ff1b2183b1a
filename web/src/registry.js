// Every figure the page can show, in lesson order of their sections. The first three are named
// here; each lesson figure after them is one file in figures/ (figures/KEY.js, and its folder
// figures/KEY/), named by its key and titled in its own files, which build-scripts/figure-docs.mjs
// (figureList) collects, so adding a figure is adding a file.
// `name` is how readers, links and embedding pages call a figure (parabola, step-table, spiral,
// race…); `key` is its short id in the page (its section's data-figure, its mount fig-KEY, its
// development page figures/KEY.html) and an alias of the name in links; `dir` is its folder in
// figures/, whose view.js is its code and settings.js its settings table; `mount` the id of its
// container (the others' is fig-KEY).
// build-scripts/bundle.mjs turns the list into the lesson's index (names and settings, loaded
// first) and one file of code per figure (loaded when the figure is about to be seen).
export const named = [
  { key: 'x2', name: 'parabola', title: 'Down a parabola', dir: 'parabola', mount: 'fig-parabola' },
  { key: 'table', name: 'step-table', title: 'The step table, by hand', dir: 'steptable', mount: 'fig-table' },
  { key: 'sp', name: 'spiral', title: 'A spiral, two optimizers', dir: 'spiral', mount: 'fig-spiral' },
];

/** What a figure's render(container, lab, options) is given besides where and with what to draw:
 *  `state`, its settings as texts from the link (those left out take their defaults), and
 *  `onState`, called with every setting's text whenever the reader changes one (main.js writes
 *  them into the link; an embedded figure ignores them).
 *  @typedef {{ state?: Record<string, string>, onState?: (state: Record<string, string>) => void }} RenderOptions */
