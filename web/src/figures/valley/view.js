// Figure: the lecture notes' sparse "IIT" column. A regression on a mostly-zero 0/1 input gives a
// loss over (w, b) shaped like a long narrow valley; the same rule on a dense input gives a round
// bowl. The view only: settings.js declares the settings, model.js runs them through the core,
// story.js chooses every word from the run; here they become fields, plots and paragraphs.
import { el, uid } from '../../ui/dom.js';
import { restoreDefaults } from '../../ui/controls.js';
import { raceForm, racersOf, boardNodes, announcement } from '../../ui/raceform.js';
import { stepper } from '../../ui/runstepper.js';
import { formula as typeset } from '../../ui/math.js';
import { contourPlot } from '../../draw/contour.js';
import { lineChart } from '../../draw/linechart.js';
import { decadeFormat } from '../../draw/decades.js';
import { niceDomain } from '../../draw/scale.js';
import { colors } from '../../draw/colors.js';
import { short } from '../../format.js';
import { segmentsToNodes } from '../../story/segments.js';
import { divergedBy, shownCount, rowAt } from '../../story/steps.js';
import { settings, BOX, IDS, SPEEDS, coreNames } from './settings.js';
import { valleyRun, GRID, EXACT } from './model.js';
import { valleyCaption, valleyParagraphs, denseNote, status, arrivals, ratesNote, NAMES } from './story.js';

export const key = 'valley';
export const title = 'Sparse features stretch the valley';
export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(lab, texts) {
  const { values: v, ok } = settings.parse(texts);
  if (!ok) return null;
  const { data, minimum, runs, denseGd } = valleyRun(lab, { ...v, lr: Object.fromEntries(IDS.map((id) => [id, v[id]])) });
  return { data, leastSquares: minimum, runs, denseGd };
}
export const schema = settings.schema;

const RACERS = racersOf(IDS, NAMES);
const STYLE = Object.fromEntries(RACERS.map((r) => [r.id, r.style]));
const DENSITY = settings.get('density');

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;          // the last good run (valley/model.js)
  let quiet = false;

  // ----- controls: the density slider, then the shared race form
  const densityId = uid('density');
  const slider = el('input', {
    id: densityId, type: 'range', min: String(DENSITY.min), max: String(DENSITY.max), step: '0.01',
    value: s.density, dataset: { field: 'density' }, 'aria-describedby': `${densityId}-out ${densityId}-msg`,
  });
  const densityOut = el('output', { id: `${densityId}-out`, for: densityId, className: 'density-out' });
  const densityMsg = el('span', { id: `${densityId}-msg`, className: 'field-msg', 'aria-live': 'polite' });
  const densityField = el('div', { className: 'field density-field' },
    el('label', { for: densityId }, DENSITY.label), el('div', { className: 'density-row' }, slider, densityOut), densityMsg);
  let densityText = s.density;   // what the slider stands for (a link may ask for a value it cannot show)
  // live while the slider moves; announced once it is let go
  slider.addEventListener('input', () => { densityText = slider.value; quiet = true; recompute(); quiet = false; });
  slider.addEventListener('change', () => announce());

  const form = raceForm({
    settings, s, racers: RACERS, keys: ['n', 'noise', 'seed', 'w0', 'b0', 'steps'], fieldNames: { n: 'n_samples' }, coreNames,
    label: 'The optimizers: click a name to hide or show it; η is its learning rate',
    onToggle: () => { report(); show(); }, onCommit: recompute,
  });
  const { racers, fields } = form;
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Animation of the descent', speeds: SPEEDS.map((v) => [v, `${v} steps/s`]), speed: s.speed,
    show: () => show(), onSpeed: () => report(), onStop: () => announce(),
  });
  const fieldset = (legend, ...children) => el('fieldset', {}, el('legend', {}, legend), el('div', { className: 'controls' }, ...children));
  container.append(
    el('div', { className: 'valley-settings' },
      fieldset('Data: y ≈ 2x + 1, x a 0/1 column', densityField, fields.n.root, fields.noise.root, fields.seed.root),
      fieldset('Start and length', fields.w0.root, fields.b0.root, fields.steps.root)),
    racers.root, formMessage, transport.root);

  // ----- the plots
  const caption = el('p', { className: 'race-caption' });
  const pair = el('div', { className: 'valley-pair' });
  const sparseTitle = el('span');
  const sparsePanel = el('figure', { className: 'panel' }, el('figcaption', {}, sparseTitle, el('span', { className: 'hint' }, ' · drag ◯ or click to move the start')));
  const densePanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Dense column, x ~ N(0, 1), same rule'));
  pair.append(sparsePanel, densePanel);
  const sparsePlot = contourPlot(sparsePanel, {
    xLabel: 'w', yLabel: 'b', draggable: true, handleName: 'Start point', step: 0.1,
    label: 'Loss contours over (w, b) for the sparse column, with the optimizers’ paths', onStart: moveStart,
  });
  const denseText = el('p', { className: 'note' });
  const densePlot = contourPlot(densePanel, { xLabel: 'w', yLabel: 'b', label: 'Loss contours over (w, b) for a dense column' });
  densePanel.append(denseText);
  const charts = el('div', { className: 'figure-grid two' });
  const lossPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Loss L(w, b) on the sparse data (log scale)'));
  const wPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'The weight w against step'));
  charts.append(lossPanel, wPanel);
  const lossChart = lineChart(lossPanel, { xLabel: 'step', yLabel: 'L', yLog: true, label: 'loss against step' });
  lossPanel.append(el('p', { className: 'note' }, 'Dotted line: the least-squares loss, the lowest L can go.'));
  const wChart = lineChart(wPanel, { xLabel: 'step', yLabel: 'w', label: 'w against step' });
  wPanel.append(el('p', { className: 'note' }, 'Dotted line: w at the minimum.'));
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const formulaPanel = el('figure', { className: 'panel formula-panel' }, el('figcaption', {}, 'Why the valley: the two gradients'));
  const formula = el('div', { className: 'formula' });
  formulaPanel.append(formula);
  const explain = el('div', { className: 'explain' });
  container.append(caption, pair, charts, readout, live, el('div', { className: 'race-lower' }, formulaPanel, explain));

  // ----- reading, computing, showing
  function readDensity() {
    const r = DENSITY.parse(densityText);
    densityMsg.textContent = r.error || '';
    return r;
  }

  function recompute() {
    const d = readDensity();
    const cfg = form.read();
    if (!cfg || d.error) { formMessage.textContent = 'Fix the marked setting; the figure still shows the last valid run.'; return false; }
    cfg.density = d.value;
    let next;
    try {
      next = valleyRun(lab, cfg, run);
    } catch (error) {
      const { found, said } = form.blame(error, error.racer, { n_samples: 'n' });
      formMessage.textContent = found ? 'The core refused this setting; the figure still shows the last valid run.' : said;
      return false;
    }
    formMessage.textContent = '';
    const fieldChanged = !run || run.values !== next.values;
    const denseChanged = !run || run.dense !== next.dense;
    run = { ...next, fieldChanged, denseChanged };
    densityOut.value = `${Math.round(cfg.density * 100)}% · ${next.ones} of ${cfg.n} rows`;
    densityOut.textContent = densityOut.value;
    slider.value = String(cfg.density);
    transport.load(cfg.steps);
    report();
    caption.textContent = valleyCaption(run);
    explain.replaceChildren(...valleyParagraphs(run).map((p) => el('p', {}, ...segmentsToNodes(p))));
    denseText.textContent = denseNote(run);
    announce();
    return true;
  }

  function moveStart({ x, y }, final) {
    fields.w0.set(String(x)); fields.b0.set(String(y));
    quiet = !final;
    recompute();
    quiet = false;
  }

  const report = () => onState({ density: densityText, ...form.state(transport.speed) });
  const statusOf = (id, step) => status(run, id, step);

  function show() {
    if (!run) return;
    const step = transport.step;
    const { runs, cfg, minimum, dense, denseGd } = run;
    const visible = RACERS.filter((r) => racers.shown(r.id));
    const describe = visible.map((r) => {
      const t = runs[r.id], i = rowAt(t, step);
      return divergedBy(t, step) ? `${r.name} diverged at step ${t.divergedAt}` : `${r.name} at w = ${short(t.params[2 * i], 3)}, b = ${short(t.params[2 * i + 1], 3)}`;
    });
    sparseTitle.textContent = `Sparse column: x = 1 in ${run.ones} of ${cfg.n} rows`;
    sparsePlot({
      box: BOX,
      field: run.fieldChanged ? { values: run.values, nx: GRID.nx, ny: GRID.ny, floor: run.floor, ratio: 2, count: 14 } : undefined,
      paths: visible.map((r) => ({ params: runs[r.id].params, count: shownCount(runs[r.id], step), color: r.style.color, dash: r.style.dash, width: r.style.width, marker: r.style.marker })),
      points: [{ x: minimum[0], y: minimum[1], shape: 'star', color: colors.ink }],
      start: { x: cfg.w0, y: cfg.b0 },
      description: `Loss contours over w (across, −2 to 6) and b (up, −1.5 to 3.5) for the sparse column: a valley ${short(run.shape.stretch, 3)} times as steep across as along. Minimum (star) at w = ${short(minimum[0], 4)}, b = ${short(minimum[1], 4)}. Start at w = ${short(cfg.w0)}, b = ${short(cfg.b0)}. After ${step} steps: ${describe.join('; ') || 'every optimizer is hidden'}.`,
    });
    run.fieldChanged = false;
    const gdStyle = STYLE.gd;
    const dAt = rowAt(denseGd, step);
    densePlot({
      box: BOX,
      field: run.denseChanged ? { values: dense.values, nx: GRID.nx, ny: GRID.ny, floor: dense.floor, ratio: 2, count: 14 } : undefined,
      paths: racers.shown('gd') ? [{ params: denseGd.params, count: shownCount(denseGd, step), color: gdStyle.color, dash: gdStyle.dash, marker: gdStyle.marker }] : [],
      points: [{ x: dense.minimum[0], y: dense.minimum[1], shape: 'star', color: colors.ink }],
      description: `Loss contours for a dense column x ~ N(0, 1) with the same rule y = 2x + 1, ${short(dense.shape.stretch, 3)} times as steep one way as the other, around the minimum at w = ${short(dense.minimum[0], 4)}, b = ${short(dense.minimum[1], 4)}. Gradient descent from the same start, same η, ${divergedBy(denseGd, step) ? `diverged at step ${denseGd.divergedAt}` : `is at w = ${short(denseGd.params[2 * dAt], 3)}, b = ${short(denseGd.params[2 * dAt + 1], 3)} after ${step} steps`}.`,
    });
    run.denseChanged = false;

    let top = 0.1;
    for (const id of IDS) if (Number.isFinite(runs[id].values[0])) top = Math.max(top, runs[id].values[0]);
    const markers = visible.filter((r) => divergedBy(runs[r.id], step))
      .map((r) => ({ x: runs[r.id].divergedAt, text: `${r.name} diverged at step ${runs[r.id].divergedAt}`, color: colors.danger }));
    const yDomain = [Math.pow(10, Math.floor(Math.log10(Math.max(run.floor, EXACT * top)))), Math.pow(10, Math.ceil(Math.log10(top)))];
    lossChart({
      xDomain: [0, cfg.steps], yDomain,
      yFormat: decadeFormat(yDomain, 7), markers,  // a label every few decades when there are many
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.steps], y: [run.floor, run.floor] },
        ...visible.map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, y: runs[r.id].values, count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      description: `Loss against step, log scale; the least-squares loss is ${short(run.floor, 4)}. ${visible.map((r) => `${r.name}: ${statusOf(r.id, step).text}`).join('; ')}.`,
    });
    // w's axis covers every full path (it does not jump while playing), kept near the plot's box
    let lo = Math.min(cfg.w0, minimum[0]), hi = Math.max(cfg.w0, minimum[0]);
    for (const r of visible) for (let i = 0; i <= runs[r.id].stepsTaken; i++) {
      const w = runs[r.id].params[2 * i];
      if (Number.isFinite(w)) { lo = Math.max(BOX.x_min - 2, Math.min(lo, w)); hi = Math.min(BOX.x_max + 2, Math.max(hi, w)); }
    }
    wChart({
      xDomain: [0, cfg.steps], yDomain: niceDomain(lo, hi), markers,
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.steps], y: [minimum[0], minimum[0]] },
        ...visible.map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, x: null, y: column(runs[r.id].params, 0), count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      description: `w against step; at the minimum w = ${short(minimum[0], 4)}. ${describe.join('; ')}.`,
    });

    for (const r of RACERS) {
      const st = statusOf(r.id, step);
      racers.setStatus(r.id, st.danger ? el('span', { className: 'danger' }, st.text) : st.text);
    }
    readout.replaceChildren(el('strong', {}, `Step ${step} of ${cfg.steps}`), ' · ',
      ...boardNodes(arrivals(run, step, racers.shown), { label: 'at the minimum (within 1% of the lowest loss for good): ', none: 'nobody is at the minimum yet', names: NAMES }));
    formula.replaceChildren(...formulaFor(step));
  }

  // the w column of a trajectory's rows (params are [w, b] per row), for the w-against-step chart
  const column = (params, k) => { const out = new Float64Array(params.length / 2); for (let i = 0; i < out.length; i++) out[i] = params[2 * i + k]; return out; };

  // The notes' argument with this data set's numbers: which rows feed which gradient, and the
  // effective rates AdaGrad has given w and b at the shown step.
  function formulaFor(step) {
    const { cfg, runs, ones } = run;
    const ada = runs.ada;
    const lines = [
      el('dt', {}, 'for w'), el('dd', {}, typeset('valley.gradW')),
      el('dt', {}, ''), el('dd', { className: 'formula-note' }, `only the ${ones} rows with x = 1 add anything; the other ${cfg.n - ones} are multiplied by 0`),
      el('dt', {}, 'for b'), el('dd', {}, typeset('valley.gradB')),
      el('dt', {}, ''), el('dd', { className: 'formula-note' }, `all ${cfg.n} rows add to it: b’s input is always 1`),
    ];
    const t = Math.min(step, ada.stepsTaken);
    const out = [el('dl', { className: 'formula-lines' }, lines)];
    if (t < 1) return [...out, el('p', { className: 'formula-note' }, 'Step forward to see the effective rates AdaGrad gives w and b.')];
    const rw = ada.rates[2 * t - 2], rb = ada.rates[2 * t - 1];
    return [...out, el('p', { className: 'formula-step' }, `AdaGrad at step ${t}`),
      el('dl', { className: 'formula-lines' },
        el('dt', {}, 'rate of w'), el('dd', {}, typeset('valley.rate.w', { rate: short(rw, 4) })),
        el('dt', {}, 'rate of b'), el('dd', {}, typeset('valley.rate.b', { rate: short(rb, 4) }))),
      el('p', { className: 'formula-note' }, ratesNote(run, t))];
  }

  function announce() {
    if (!run || quiet) return;
    const step = transport.step;
    live.textContent = announcement(step, run.cfg.steps, RACERS, racers.shown, statusOf);
  }

  if (!recompute()) {
    const bad = densityMsg.textContent;
    densityText = defaults.density;
    densityMsg.textContent = '';
    restoreDefaults(fields, defaults, recompute, formMessage, 'run');
    if (bad) densityMsg.textContent = bad;
  }

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the DOM. */
  return function update(next = {}) {
    form.apply(next, transport);
    if (next.density !== undefined) densityText = next.density;
    recompute();
  };
}
