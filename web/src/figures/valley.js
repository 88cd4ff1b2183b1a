// Figure: the lecture notes' sparse "IIT" column. A regression on a mostly-zero 0/1 input gives a
// loss over (w, b) shaped like a long narrow valley; the same rule on a dense input gives a round
// bowl. Gradient descent, Momentum, Nesterov and AdaGrad race down the valley. Data, contours,
// minimum, paths and AdaGrad's rates all come from the WASM core (makeRegressionDataset,
// linearRegressionValueGrid, linearRegressionMinimum/Value, runLinearRegression).
import { el, uid } from '../ui/dom.js';
import { numberField, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { racerList } from '../ui/racers.js';
import { stepper } from '../ui/runstepper.js';
import { math, row, mi, mn, mo, frac, sqrt, sub } from '../ui/math.js';
import { contourPlot, latticeGrid } from '../draw/contour.js';
import { raceStyles } from '../draw/markers.js';
import { lineChart } from '../draw/linechart.js';
import { decadeFormat } from '../draw/decades.js';
import { niceDomain } from '../draw/scale.js';
import { colors } from '../draw/colors.js';
import { number, whole, oneOf } from '../state.js';
import { short } from '../format.js';
import { curvature } from '../story/curvature.js';
import { divergedBy, shownCount, rowAt } from '../story/steps.js';

export const key = 'valley';
export const title = 'Sparse features stretch the valley';

const BOX = { x_min: -2, x_max: 6, y_min: -1.5, y_max: 3.5 };
const NX = 161, NY = 101;
const DENSITY = { min: 0.01, max: 0.5, step: 0.01 };
const MAX_STEPS = 2000, MAX_SAMPLES = 5000;
const RACERS = [
  { id: 'gd', style: raceStyles.gd, name: 'Batch gradient descent', spec: (lr) => ({ kind: 'sgd', lr }) },
  { id: 'mom', style: raceStyles.momentum, name: 'Momentum', note: 'β = 0.9', spec: (lr) => ({ kind: 'sgd', lr, momentum: 0.9 }) },
  { id: 'nag', style: raceStyles.nesterov, name: 'Nesterov (NAG)', note: 'β = 0.9', spec: (lr) => ({ kind: 'sgd', lr, momentum: 0.9, nesterov: true }) },
  { id: 'ada', style: raceStyles.adagrad, name: 'AdaGrad', spec: (lr) => ({ kind: 'adagrad', lr }) },
];
const IDS = RACERS.map((r) => r.id);
const SPEEDS = [['2', '2 steps/s'], ['5', '5 steps/s'], ['10', '10 steps/s'], ['25', '25 steps/s'], ['100', '100 steps/s']];
const NEAR = 0.01;  // "at the minimum": the loss within 1% of the least-squares loss
// With noise 0 the points lie on the line and the least-squares loss is 0 up to rounding (1e-32),
// of which 1% is no target: there a run is at the minimum once its loss is below this share of
// where it started, and the loss chart's axis stops there (below it is rounding, not progress).
const EXACT = 1e-12;

// 5 rows in 100 have x = 1. From (−1, 3) gradient descent's first step is almost all b; η = 0.5 is
// about half the largest rate the steep b direction tolerates. The momentum methods get the usual
// β = 0.9 and η = 0.1, AdaGrad η = 1 (a first step of 1 in each of w and b).
export const defaults = {
  density: '0.05', n: '100', noise: '0.1', seed: '7', w0: '-1', b0: '3', steps: '100', speed: '10',
  gd: '0.5', mom: '0.1', nag: '0.1', ada: '1', hide: '',
};
const idList = { pattern: new RegExp(`^((${IDS.join('|')})(,(${IDS.join('|')})){0,${IDS.length - 1}})?$`), what: `a list of ${IDS.join(', ')}` };
export const schema = {
  density: number, n: whole, noise: number, seed: whole, w0: number, b0: number, steps: whole,
  speed: oneOf(SPEEDS.map(([v]) => v)), ...Object.fromEntries(IDS.map((id) => [id, number])), hide: idList,
};

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;          // the last good computation
  let denseCache = null;   // the dense column's data and surface, kept while n, noise, seed stay

  // ----- controls
  const densityId = uid('density');
  const slider = el('input', {
    id: densityId, type: 'range', min: String(DENSITY.min), max: String(DENSITY.max), step: String(DENSITY.step),
    value: s.density, dataset: { field: 'density' }, 'aria-describedby': `${densityId}-out ${densityId}-msg`,
  });
  const densityOut = el('output', { id: `${densityId}-out`, for: densityId, className: 'density-out' });
  const densityMsg = el('span', { id: `${densityId}-msg`, className: 'field-msg', 'aria-live': 'polite' });
  const densityField = el('div', { className: 'field density-field' },
    el('label', { for: densityId }, 'share of rows where x = 1 (density)'), el('div', { className: 'density-row' }, slider, densityOut), densityMsg);
  let densityText = s.density;   // what the slider stands for (a link may ask for a value it cannot show)
  // live while the slider moves; announced once it is let go
  slider.addEventListener('input', () => { densityText = slider.value; quiet = true; recompute(); quiet = false; });
  slider.addEventListener('change', () => announce());
  let quiet = false;

  const racers = racerList({
    racers: RACERS.map((r) => ({ ...r, lr: s[r.id] })), label: 'The optimizers: click a name to hide or show it; η is its learning rate',
    onToggle: () => { report(); show(); }, onCommit: recompute,
  });
  for (const id of s.hide.split(',').filter(Boolean)) racers.setShown(id, false);
  const fields = {
    n: numberField({ label: 'rows n', name: 'n_samples', value: s.n, inputMode: 'numeric', width: 's', onCommit: recompute }),
    noise: numberField({ label: 'noise', name: 'noise', value: s.noise, width: 's', onCommit: recompute }),
    seed: numberField({ label: 'seed', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute }),
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute }),
    ...racers.fields,
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Animation of the descent', speeds: SPEEDS, speed: s.speed,
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
  const densePanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Dense column, x ~ N(0, 1): a round bowl'));
  pair.append(sparsePanel, densePanel);
  const sparsePlot = contourPlot(sparsePanel, {
    xLabel: 'w', yLabel: 'b', draggable: true, handleName: 'Start point', step: 0.1,
    label: 'Loss contours over (w, b) for the sparse column, with the optimizers’ paths', onStart: moveStart,
  });
  const denseNote = el('p', { className: 'note' });
  const densePlot = contourPlot(densePanel, { xLabel: 'w', yLabel: 'b', label: 'Loss contours over (w, b) for a dense column' });
  densePanel.append(denseNote);
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
  function readFields() {
    const inBox = (name, lo, hi) => (t) => {
      const r = parseNumber(t, name);
      if (!r.error && Number.isFinite(r.value) && (r.value < lo || r.value > hi)) return { error: `${name} must be between ${lo} and ${hi} on this page (the plot’s edges), got ${r.value}` };
      return r;
    };
    return readForm((read, refuse) => {
      let density = Number(densityText);
      const d = parseNumber(densityText, 'density');
      if (d.error || !(d.value >= DENSITY.min && d.value <= DENSITY.max)) {
        densityMsg.textContent = d.error || `density must be between ${DENSITY.min} and ${DENSITY.max} on this page, got ${densityText}`;
        refuse(); density = NaN;
      } else densityMsg.textContent = '';
      return {
        density,
        n: read(fields.n, (t) => parseWhole(t, 'n_samples', { max: MAX_SAMPLES })),
        noise: read(fields.noise, (t) => parseNumber(t, 'noise')),
        seed: read(fields.seed, (t) => parseWhole(t, 'seed')),
        w0: read(fields.w0, inBox('start w₀', BOX.x_min, BOX.x_max)),
        b0: read(fields.b0, inBox('start b₀', BOX.y_min, BOX.y_max)),
        steps: read(fields.steps, (t) => parseWhole(t, 'steps', { min: 1, max: MAX_STEPS })),
        lr: Object.fromEntries(IDS.map((id) => [id, read(fields[id], (t) => parseNumber(t, 'η'))])),
      };
    });
  }

  function compute(cfg) {
    const x0 = [cfg.w0, cfg.b0];
    const data = lab.makeRegressionDataset({ kind: 'sparse_column', density: cfg.density, n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
    const minimum = lab.linearRegressionMinimum(data);
    const floor = lab.linearRegressionValue(data, minimum);
    const values = lab.linearRegressionValueGrid(data, latticeGrid(BOX, NX, NY));
    const denseKey = `${cfg.n}|${cfg.noise}|${cfg.seed}`;
    let dense = denseCache && denseCache.key === denseKey ? denseCache : null;
    if (!dense) {
      const d = lab.makeRegressionDataset({ kind: 'line', n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
      const m = lab.linearRegressionMinimum(d);
      dense = { key: denseKey, data: d, minimum: m, floor: lab.linearRegressionValue(d, m), values: lab.linearRegressionValueGrid(d, latticeGrid(BOX, NX, NY)), fresh: true };
    }
    const runs = {};
    for (const r of RACERS) {
      try {
        runs[r.id] = lab.runLinearRegression({ ...data, x0, steps: cfg.steps, optimizer: r.spec(cfg.lr[r.id]) });
      } catch (error) {
        error.field = fieldOfMessage(messageOf(error)) === 'lr' ? r.id : null;
        throw error;
      }
    }
    const denseGd = lab.runLinearRegression({ ...dense.data, x0, steps: cfg.steps, optimizer: RACERS[0].spec(cfg.lr.gd) });
    // rows where the sparse input is 1 (reading the data set the core made)
    let ones = 0;
    for (const v of data.x) if (v === 1) ones++;
    // the first step at which each run's loss is within 1% of the least-squares loss
    const near = (values, lowest) => {
      const level = Math.max(lowest * (1 + NEAR), EXACT * values[0]);
      for (let i = 0; i < values.length; i++) if (values[i] <= level) return i;
      return null;
    };
    const arrive = Object.fromEntries(IDS.map((id) => [id, near(runs[id].values, floor)]));
    const denseArrive = near(denseGd.values, dense.floor);
    return { cfg, data, minimum, floor, values, dense, runs, denseGd, ones, arrive, denseArrive };
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked setting; the figure still shows the last valid run.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const name = error.field || { x0: /x0\[1\]/.test(msg) ? 'b0' : 'w0', steps: 'steps', n_samples: 'n', noise: 'noise', seed: 'seed' }[fieldOfMessage(msg)];
      if (fieldOfMessage(msg) === 'density') densityMsg.textContent = msg;
      else if (name && fields[name]) fields[name].error(msg);
      formMessage.textContent = name || fieldOfMessage(msg) === 'density'
        ? 'The core refused this setting; the figure still shows the last valid run.' : msg;
      return false;
    }
    formMessage.textContent = '';
    const fieldChanged = !run || run.values !== next.values;
    const denseChanged = next.dense.fresh;
    next.dense.fresh = false;
    denseCache = next.dense;
    run = { ...next, fieldChanged, denseChanged };
    densityOut.value = `${Math.round(cfg.density * 100)}% · ${next.ones} of ${cfg.n} rows`;
    densityOut.textContent = densityOut.value;
    slider.value = String(cfg.density);
    transport.load(cfg.steps);
    report();
    explainRun();
    announce();
    return true;
  }

  function moveStart({ x, y }, final) {
    fields.w0.set(String(x)); fields.b0.set(String(y));
    quiet = !final;
    recompute();
    quiet = false;
  }

  function report() {
    onState({
      density: densityText, n: fields.n.text.trim(), noise: fields.noise.text.trim(), seed: fields.seed.text.trim(),
      w0: fields.w0.text.trim(), b0: fields.b0.text.trim(), steps: fields.steps.text.trim(), speed: transport.speed,
      ...Object.fromEntries(IDS.map((id) => [id, fields[id].text.trim()])), hide: racers.hidden().join(','),
    });
  }

  const diverged = divergedBy, at = rowAt;

  function show() {
    if (!run) return;
    const step = transport.step;
    const { runs, cfg, minimum, dense, denseGd } = run;
    const visible = RACERS.filter((r) => racers.shown(r.id));
    const describe = visible.map((r) => {
      const t = runs[r.id], i = at(t, step);
      return diverged(t, step) ? `${r.name} diverged at step ${t.divergedAt}` : `${r.name} at w = ${short(t.params[2 * i], 3)}, b = ${short(t.params[2 * i + 1], 3)}`;
    });
    sparseTitle.textContent = `Sparse column: x = 1 in ${run.ones} of ${cfg.n} rows`;
    sparsePlot({
      box: BOX,
      field: run.fieldChanged ? { values: run.values, nx: NX, ny: NY, floor: run.floor, ratio: 2, count: 14 } : undefined,
      paths: visible.map((r) => ({ params: runs[r.id].params, count: shownCount(runs[r.id], step), color: r.style.color, dash: r.style.dash, width: r.style.width, marker: r.style.marker })),
      points: [{ x: minimum[0], y: minimum[1], shape: 'star', color: colors.ink }],
      start: { x: cfg.w0, y: cfg.b0 },
      description: `Loss contours over w (across, −2 to 6) and b (up, −1.5 to 3.5) for the sparse column: a long valley along w. Minimum (star) at w = ${short(minimum[0], 4)}, b = ${short(minimum[1], 4)}. Start at w = ${short(cfg.w0)}, b = ${short(cfg.b0)}. After ${step} steps: ${describe.join('; ') || 'every optimizer is hidden'}.`,
    });
    run.fieldChanged = false;
    const gdStyle = RACERS[0].style;
    densePlot({
      box: BOX,
      field: run.denseChanged ? { values: dense.values, nx: NX, ny: NY, floor: dense.floor, ratio: 2, count: 14 } : undefined,
      paths: racers.shown('gd') ? [{ params: denseGd.params, count: shownCount(denseGd, step), color: gdStyle.color, dash: gdStyle.dash, marker: gdStyle.marker }] : [],
      points: [{ x: dense.minimum[0], y: dense.minimum[1], shape: 'star', color: colors.ink }],
      description: `Loss contours for a dense column x ~ N(0, 1) with the same rule y = 2x + 1: nearly round circles around the minimum at w = ${short(dense.minimum[0], 4)}, b = ${short(dense.minimum[1], 4)}. Gradient descent from the same start, same η, is at w = ${short(denseGd.params[2 * at(denseGd, step)], 3)}, b = ${short(denseGd.params[2 * at(denseGd, step) + 1], 3)} after ${step} steps.`,
    });
    run.denseChanged = false;
    denseNote.textContent = denseGd.divergedAt !== null
      ? `The same gradient descent (η = ${short(cfg.lr.gd)}) diverged here at step ${denseGd.divergedAt}.`
      : `The same gradient descent, same η = ${short(cfg.lr.gd)}, same start. In a round bowl the gradient points at the minimum: ${run.denseArrive !== null ? `within 1% of the lowest loss at step ${run.denseArrive}` : `not within 1% of the lowest loss in ${denseGd.stepsTaken} steps`}${run.arrive.gd !== null ? `, against step ${run.arrive.gd} in the valley.` : '.'}`;

    let top = 0.1;
    for (const id of IDS) if (Number.isFinite(runs[id].values[0])) top = Math.max(top, runs[id].values[0]);
    const markers = visible.filter((r) => diverged(runs[r.id], step))
      .map((r) => ({ x: runs[r.id].divergedAt, text: `${r.name} diverged at step ${runs[r.id].divergedAt}`, color: colors.danger }));
    const yDomain = [Math.pow(10, Math.floor(Math.log10(Math.max(run.floor, EXACT * top)))), Math.pow(10, Math.ceil(Math.log10(top)))];
    lossChart({
      xDomain: [0, cfg.steps], yDomain,
      yFormat: decadeFormat(yDomain, 7), markers,  // a label every few decades when there are many
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.steps], y: [run.floor, run.floor] },
        ...visible.map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, y: runs[r.id].values, count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      description: `Loss against step, log scale; the least-squares loss is ${short(run.floor, 4)}. ${visible.map((r) => `${r.name}: ${statusText(r.id, step)}`).join('; ')}.`,
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
        ...visible.map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, x: null, y: everyOther(runs[r.id].params, 0), count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      description: `w against step; at the minimum w = ${short(minimum[0], 4)}. ${describe.join('; ')}.`,
    });

    for (const r of RACERS) {
      const text = statusText(r.id, step);
      racers.setStatus(r.id, diverged(runs[r.id], step) ? el('span', { className: 'danger' }, text) : text);
    }
    readout.replaceChildren(el('strong', {}, `Step ${step} of ${cfg.steps}`), ' · ', ...arrivals(step));
    formula.replaceChildren(...formulaFor(step));
  }

  // the w column of a trajectory's rows (params are [w, b] per row), for the w-against-step chart
  const everyOther = (params, k) => { const out = new Float64Array(params.length / 2); for (let i = 0; i < out.length; i++) out[i] = params[2 * i + k]; return out; };

  function statusText(id, step) {
    const t = run.runs[id];
    if (diverged(t, step)) return `diverged at step ${t.divergedAt}`;
    const i = at(t, step);
    const where = `w = ${short(t.params[2 * i], 3)}, b = ${short(t.params[2 * i + 1], 3)}`;
    const a = run.arrive[id];
    return a !== null && a <= step ? `at the minimum from step ${a} · ${where}` : `L = ${short(t.values[i], 3)} · ${where}`;
  }

  function arrivals(step) {
    const done = RACERS.filter((r) => racers.shown(r.id) && run.arrive[r.id] !== null && run.arrive[r.id] <= step)
      .sort((a, b) => run.arrive[a.id] - run.arrive[b.id]);
    if (!done.length) return ['nobody is within 1% of the lowest loss yet'];
    return ['within 1% of the lowest loss: ', ...done.flatMap((r, i) => [i ? ', ' : '', el('span', { className: 'racer-key', style: `--key:${r.style.color}` }, r.name), ` (step ${run.arrive[r.id]})`])];
  }

  // The notes' argument with this data set's numbers: which rows feed which gradient, and the
  // effective rates AdaGrad has given w and b at the shown step.
  function formulaFor(step) {
    const { cfg, runs, ones } = run;
    const ada = runs.ada;
    const resid = () => row(mo('('), mi('w'), sub(mi('x'), mi('k')), mo('+'), mi('b'), mo('−'), sub(mi('y'), mi('k')), mo(')'));
    const sum = (...body) => row(frac(mn('2'), mi('n')), m('Σ'), ...body);
    const lines = [
      el('dt', {}, 'for w'), el('dd', {}, math(false, row(frac(row(mo('∂'), mi('L')), row(mo('∂'), mi('w'))), mo('='), sum(sub(mi('x'), mi('k')), resid())))),
      el('dt', {}, ''), el('dd', { className: 'formula-note' }, `only the ${ones} rows with x = 1 add anything; the other ${cfg.n - ones} are multiplied by 0`),
      el('dt', {}, 'for b'), el('dd', {}, math(false, row(frac(row(mo('∂'), mi('L')), row(mo('∂'), mi('b'))), mo('='), sum(resid())))),
      el('dt', {}, ''), el('dd', { className: 'formula-note' }, `all ${cfg.n} rows add to it: b’s input is always 1`),
    ];
    const t = Math.min(step, ada.stepsTaken);
    const out = [el('dl', { className: 'formula-lines' }, lines)];
    if (t >= 1) {
      const rw = ada.rates[2 * t - 2], rb = ada.rates[2 * t - 1];
      out.push(el('p', { className: 'formula-step' }, `AdaGrad at step ${t}`),
        el('dl', { className: 'formula-lines' },
          el('dt', {}, 'rate of w'), el('dd', {}, math(false, row(frac(mi('η'), row(sqrt2('w'))), mo('='), mn(short(rw, 4))))),
          el('dt', {}, 'rate of b'), el('dd', {}, math(false, row(frac(mi('η'), row(sqrt2('b'))), mo('='), mn(short(rb, 4)))))),
        el('p', { className: 'formula-note' }, rw > rb
          ? `w’s small gradients leave G of w small, so w’s rate is ${short(rw / rb, 3)}× b’s: the rare feature gets the large steps.`
          : `With x = 1 in this many rows w’s gradients are not small any more: w’s rate is only ${short(rw / rb, 3)}× b’s.`));
    } else {
      out.push(el('p', { className: 'formula-note' }, 'Step forward to see the effective rates AdaGrad gives w and b.'));
    }
    return out;
  }
  const m = (t) => mo(t);
  const sqrt2 = (name) => row(sqrt(sub(mi('G'), mi(name))), mo('+'), mi('ε'));

  function explainRun() {
    const { runs, cfg, arrive, ones, minimum } = run;
    const gd = runs.gd, ada = runs.ada, mom = runs.mom, nag = runs.nag;
    const pt = (t, i) => `(${coord(t.params[2 * i])}, ${coord(t.params[2 * i + 1])})`;
    // what the paths did, read off the core's rows
    const bFirst = gd.divergedAt === null && gd.stepsTaken >= 1
      && Math.abs(gd.params[3] - gd.params[1]) > 3 * Math.abs(gd.params[2] - gd.params[0]);
    const peakOf = (t) => { let top = -Infinity; for (let i = 0; i <= t.stepsTaken; i++) top = Math.max(top, t.params[2 * i]); return top; };
    const beyond = (t) => t.divergedAt === null && cfg.w0 < minimum[0] && peakOf(t) > minimum[0] + 0.01;
    // is the sparse story visible in this run: AdaGrad's last rate for w well above b's?
    const last = ada.stepsTaken;
    const rare = last >= 1 && ada.rates[2 * last - 2] > 1.5 * ada.rates[2 * last - 1];
    const p = [];
    if (run.floor < EXACT * gd.values[0]) {
      p.push(el('p', {}, 'With noise 0 every point lies on y = 2x + 1, so the lowest loss is 0: here “within 1% of the lowest loss” means a loss below 10⁻¹² of where it started, and the loss chart stops there.'));
    }
    p.push(el('p', {}, rare
      ? `With x = 1 in ${ones} of ${cfg.n} rows, w only hears from those ${ones} rows, so its gradient is small, while b’s input is 1 in every row. The loss changes slowly along w and quickly along b: the contours stretch into a valley along w. Move the density slider and watch the valley stretch as x = 1 gets rarer (it never becomes round: a 0/1 column is not centred on 0, so w and b stay tied together).`
      : `With x = 1 in ${ones} of ${cfg.n} rows the column is no longer sparse: w hears from many rows and its gradient is not small. The valley is still stretched, but along a diagonal, because a 0/1 column is never centred on 0 and w and b pull together. Slide the density down to see the valley turn to lie along w.`));
    if (gd.divergedAt !== null) {
      p.push(el('p', {}, el('strong', {}, 'Batch gradient descent '), el('span', { className: 'danger' }, `diverged at step ${gd.divergedAt}`), ` with η = ${short(cfg.lr.gd)}: the steep b direction caps how large one shared η can be.`));
    } else if (gd.stepsTaken >= 2) {
      p.push(el('p', {}, el('strong', {}, 'Batch gradient descent'), ` (η = ${short(cfg.lr.gd)}) `,
        bFirst ? `first moves almost only in b: ${pt(gd, 0)} → ${pt(gd, 1)} → ${pt(gd, 2)}. Then it crawls along the valley floor, `
          : `goes ${pt(gd, 0)} → ${pt(gd, 1)} → ${pt(gd, 2)} and then along the valley floor, `,
        arrive.gd !== null ? `coming within 1% of the lowest loss only at step ${arrive.gd}.` : `and after ${gd.stepsTaken} steps w is still ${short(gd.params[2 * gd.stepsTaken], 3)} of ${short(minimum[0], 3)}.`));
    }
    if (beyond(mom)) {
      p.push(el('p', {}, el('strong', {}, 'Momentum'), ` gathers speed down the valley and overshoots: w reaches ${short(peakOf(mom), 3)}, past the minimum’s ${short(minimum[0], 3)}, before it swings back.`,
        nag.divergedAt === null && peakOf(nag) < peakOf(mom) ? ` Nesterov looks ahead before each step and overshoots less (w up to ${short(peakOf(nag), 3)}).` : ''));
    }
    if (ada.stepsTaken >= 1) {
      p.push(el('p', {}, el('strong', { className: 'key-adagrad' }, 'AdaGrad'),
        ` (η = ${short(cfg.lr.ada)}) starts ${pt(ada, 0)} → ${pt(ada, 1)}: η in each coordinate. `,
        rare ? 'w’s sum of squared gradients stays small, so w keeps a large rate and AdaGrad heads across the valley towards the minimum, '
          : 'Here w’s gradients are not small, so its rates for w and b end up alike and it has less to even out; it reaches the minimum ',
        arrive.ada !== null ? `within 1% of the lowest loss at step ${arrive.ada}.` : `though not within 1% of the lowest loss in ${ada.stepsTaken} steps.`));
    }
    // AdaGrad is diagonal: how much of this valley's stretch per-coordinate rates can undo
    const k = curvature(run.data.x);
    p.push(el('p', {}, el('strong', {}, 'What a per-coordinate rate can fix. '),
      `Here the loss curves ${short(k.stretch, 3)}× more steeply across the valley than along it. Rescaling w and b each by its own curvature, the best any per-coordinate method such as AdaGrad can do, leaves ${short(k.diagonal, 3)}×. `,
      k.diagonal < 2
        ? 'Almost all of the stretch lies along the axes, and that is what AdaGrad’s separate rates for w and b undo.'
        : `The rest runs diagonally: with x = 1 in ${ones} of ${cfg.n} rows, w and b are tied together (correlation ${short(k.tie, 2)}), the valley is tilted, and no rate per coordinate can straighten a tilted valley: that would take a full matrix, as in the original paper’s full-matrix AdaGrad.`));
    explain.replaceChildren(...p);
    const gdA = arrive.gd, adaA = arrive.ada;
    const gdPart = bFirst ? 'gradient descent moves almost only in b, then crawls along w' : 'gradient descent crawls along w';
    const momPart = beyond(mom) ? '; Momentum overshoots' : '';
    caption.textContent = adaA !== null && (gdA === null || adaA < gdA)
      ? `In the ${rare ? 'sparse ' : ''}valley ${gdPart}${gdA !== null ? ` (step ${gdA})` : ''}${momPart}; AdaGrad ${rare ? 'gives rare w the larger rate and ' : ''}reaches the minimum at step ${adaA}.`
      : `In the ${rare ? 'sparse ' : ''}valley ${gdPart}${momPart}; with these settings AdaGrad ${adaA !== null ? `arrives at step ${adaA}` : 'does not arrive'}${gdA !== null ? `, gradient descent at step ${gdA}` : ''}${rare ? ': watch how its rate for w stays larger than for b.' : '.'}`;
  }

  // positions to three decimals: a w of −1e−9 after AdaGrad's first step reads as 0.000
  const coord = (v) => short(v, 4);  // every digit that matters: −1e−9 reads −1e-9, not 0.000

  function announce() {
    if (!run || quiet) return;
    const step = transport.step;
    live.textContent = `Step ${step} of ${run.cfg.steps}. ${RACERS.filter((r) => racers.shown(r.id)).map((r) => `${r.name}: ${statusText(r.id, step)}`).join('. ')}.`;
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
    for (const k of ['n', 'noise', 'seed', 'w0', 'b0', 'steps', ...IDS]) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.density !== undefined) densityText = next.density;
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    if (next.hide !== undefined) { const hidden = next.hide.split(','); for (const id of IDS) racers.setShown(id, !hidden.includes(id)); }
    recompute();
  };
}
