// Every figure the page can show, in lesson order of their sections. The first three are named
// here; each lesson figure after them is one file in figures/ that build-web collects into the
// generated module '@figures' (so adding a figure is adding a file, and nothing else changes).
// A figure is { key, name, title, defaults, schema, render(container, lab, {state, onState}) → update }.
// `name` is how readers, links and embedding pages call it (parabola, step-table, spiral, race…);
// `key` is its short id in the page (its section's data-figure, its mount fig-KEY, its
// development page figures/KEY.html) and an alias of the name in links.
import * as parabola from './figures/parabola/view.js';
import * as steptable from './figures/steptable/view.js';
import * as spiral from './figures/spiral/view.js';
import lessonFigures from '@figures';

export const figures = [
  { key: 'x2', name: 'parabola', title: 'Down a parabola', mount: 'fig-parabola', ...parabola },
  { key: 'table', name: 'step-table', title: 'The step table, by hand', mount: 'fig-table', ...steptable },
  { key: 'sp', name: 'spiral', title: 'A spiral, two optimizers', mount: 'fig-spiral', ...spiral },
  ...lessonFigures.map((f) => ({ mount: `fig-${f.key}`, name: f.key, ...f })),
];
