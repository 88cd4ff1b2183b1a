// Every figure the page can show, in lesson order of their sections. The first three are named
// here; each lesson figure after them is one file in figures/ that build-web collects into the
// generated module '@figures' (so adding a figure is adding a file, and nothing else changes).
// A figure is { key, title, defaults, schema, render(container, lab, {state, onState}) → update }.
import * as parabola from './figures/parabola/view.js';
import * as steptable from './figures/steptable/view.js';
import * as spiral from './figures/spiral/view.js';
import lessonFigures from '@figures';

export const figures = [
  { key: 'x2', title: 'Down a parabola', mount: 'fig-parabola', ...parabola },
  { key: 'table', title: 'The step table, by hand', mount: 'fig-table', ...steptable },
  { key: 'sp', title: 'A spiral, two optimizers', mount: 'fig-spiral', ...spiral },
  ...lessonFigures.map((f) => ({ mount: `fig-${f.key}`, ...f })),
];
