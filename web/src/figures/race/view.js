// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Figure: six optimizers race down the stretched bowl f(w, b) = w² + 10b² from a start the reader
// drags. The view only: settings.js declares the settings, model.js runs them through the core,
// story.js chooses every word from the run; here they become fields, plots and paragraphs.
import { el } from '../../ui/dom.js';
import { button, restoreDefaults } from '../../ui/controls.js';
import { raceForm, racersOf, boardNodes, announcement } from '../../ui/raceform.js';
import { stepper } from '../../ui/runstepper.js';
import { formula as typeset, formulaPieces, signed } from '../../ui/math.js';
import { contourPlot, latticeGrid } from '../../draw/contour.js';
import { lineChart } from '../../draw/linechart.js';
import { powerOfTen } from '../../draw/powertick.js';
import { colors } from '../../draw/colors.js';
import { short } from '../../format.js';
import { segmentsToNodes } from '../../story/segments.js';
import { divergedBy, shownCount, rowAt } from '../../story/steps.js';
import { settings, BOX, IDS, SPEEDS, coreNames } from './settings.js';
import { raceRun, SPECS, SCALES, FINISH } from './model.js';
import { raceCaption, raceParagraphs, status, leaders, formulaNote, NAMES } from './story.js';

export const key = 'race';
export const title = 'A race across a stretched bowl: w² + 10b²';
export const defaults = settings.defaults;
export const schema = settings.schema;

/** The six runs for the figure's settings (texts as in a link) as plain data, for the JSON
 *  export: each racer's optimizer, trajectory and the step it crossed f = 10⁻³. */
export function results(/** @type {AdagradLab.Lab} */ lab, texts) {
  const { values, ok } = settings.parse(texts);
  if (!ok) return null;
  const run = raceRun(lab, { w0: values.w0, b0: values.b0, steps: values.steps, lr: Object.fromEntries(IDS.map((id) => [id, values[id]])) });
  return { objective: 'f(w, b) = w² + 10b²', finish: FINISH, racers: Object.fromEntries(IDS.map((id) => [id, { optimizer: SPECS[id](values[id]), run: run.runs[id], crossedFinishAt: run.finish[id] }])) };
}

const RACERS = racersOf(IDS, NAMES);
const NX = 161, NY = 81;

export function render(/** @type {HTMLElement} */ container, /** @type {AdagradLab.Lab} */ lab,
  /** @type {import('../../registry.js').RenderOptions} */ { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;   // the last good race (race/model.js)

  // ----- controls
  const form = raceForm({
    settings, s, racers: RACERS, keys: ['w0', 'b0', 'steps'], coreNames,
    label: 'The racers: click a name to hide or show it; η is its learning rate',
    onToggle: () => { report(); show(); }, onCommit: recompute,
  });
  const { racers, fields } = form;
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const resetRates = button('Default η’s', () => {
    for (const id of IDS) { fields[id].set(defaults[id]); fields[id].ok(); }
    recompute();
  }, { name: 'default-rates' });
  const transport = stepper({
    label: 'Animation of the race', speeds: SPEEDS.map((v) => [v, `${v} steps/s`]), speed: s.speed,
    show: () => show(), onSpeed: () => report(), onStop: () => announce(),
  });
  container.append(
    racers.root,
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Start and length of the race' },
      fields.w0.root, fields.b0.root, fields.steps.root, el('div', { className: 'field field-button' }, resetRates)),
    formMessage, transport.root);

  // ----- the plots
  const caption = el('p', { className: 'race-caption' });
  const grid = el('div', { className: 'race-grid' });
  const bowlPanel = el('figure', { className: 'panel' }, el('figcaption', {},
    'Paths on the contours of ', typeset('race.bowl'),
    el('span', { className: 'hint' }, ' · drag ◯ or click to move the start')));
  const lossPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Loss f against step (log scale)'));
  grid.append(bowlPanel, lossPanel);
  const bowl = contourPlot(bowlPanel, {
    xLabel: 'w', yLabel: 'b', draggable: true, handleName: 'Start point of the race', step: 0.1,
    label: 'Contour plot of w² + 10b² with the optimizers’ paths', onStart: moveStart,
  });
  const lossChart = lineChart(lossPanel, { xLabel: 'step', yLabel: 'f(w, b)', yLog: true, label: 'loss against step' });
  lossPanel.append(el('p', { className: 'note' }, 'Dotted line: the finish, f = 10⁻³.'));
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const formulaPanel = el('figure', { className: 'panel formula-panel' }, el('figcaption', {}, 'AdaGrad’s step, worked out'));
  const formula = el('div', { className: 'formula' });
  formulaPanel.append(formula);
  const explain = el('div', { className: 'explain' });
  container.append(caption, grid, readout, live, el('div', { className: 'race-lower' }, formulaPanel, explain));

  // the contours never change: computed once, sent to the plot once
  const surface = {
    values: lab.quadraticValueGrid(SCALES, latticeGrid(BOX, NX, NY)), nx: NX, ny: NY,
    floor: lab.quadraticValue(SCALES, [0, 0]), ratio: 2, count: 13,
  };
  let fieldSent = false;
  let quiet = false;

  // ----- reading, computing, showing
  function recompute() {
    const cfg = form.read();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid race.'; return false; }
    let next;
    try {
      next = raceRun(lab, cfg);
    } catch (error) {
      const { found, said } = form.blame(error, error.racer);
      formMessage.textContent = found ? 'The core refused this setting; the figure still shows the last valid race.' : said;
      return false;
    }
    formMessage.textContent = '';
    run = next;
    transport.load(cfg.steps);
    report();
    caption.textContent = raceCaption(run);
    explain.replaceChildren(...raceParagraphs(run).map((p) => el('p', {}, ...segmentsToNodes(p))));
    announce();
    return true;
  }

  /** A new start from the handle (dragged, clicked or moved with the keys). */
  function moveStart({ x, y }, final) {
    fields.w0.set(String(x)); fields.b0.set(String(y));
    quiet = !final;  // no announcement for every pixel of a drag, one when it ends
    recompute();
    quiet = false;
  }

  const report = () => onState(form.state(transport.speed));
  const statusOf = (id, step) => status(run, id, step);
  // AdaGrad drawn last, so the figure's subject is never hidden under a path that follows it
  const onTop = (list) => [...list.filter((r) => r.id !== 'ada'), ...list.filter((r) => r.id === 'ada')];

  function show() {
    if (!run) return;
    const step = transport.step;
    const { runs, cfg } = run;
    const visible = RACERS.filter((r) => racers.shown(r.id));
    const describe = visible.map((r) => {
      const t = runs[r.id], i = rowAt(t, step);
      return divergedBy(t, step) ? `${r.name} diverged at step ${t.divergedAt}`
        : `${r.name} at w = ${short(t.params[2 * i], 3)}, b = ${short(t.params[2 * i + 1], 3)}, f = ${short(t.values[i], 3)}`;
    });
    bowl({
      box: BOX,
      field: fieldSent ? undefined : surface,
      paths: onTop(visible).map((r) => ({ params: runs[r.id].params, count: shownCount(runs[r.id], step), color: r.style.color, dash: r.style.dash, width: r.style.width, marker: r.style.marker })),
      points: [{ x: 0, y: 0, shape: 'star', color: colors.ink }],
      start: { x: cfg.w0, y: cfg.b0 },
      description: `Contour plot of f = w² + 10b², w from −5 to 5 across, b from −2.5 to 2.5 up; the ellipses are √10 ≈ 3.2 times wider than tall. Start at w = ${short(cfg.w0)}, b = ${short(cfg.b0)}. After ${step} steps: ${describe.join('; ') || 'every optimizer is hidden'}.`,
    });
    fieldSent = true;

    let top = 1;
    for (const id of IDS) if (Number.isFinite(runs[id].values[0])) top = Math.max(top, runs[id].values[0]);
    const markers = visible.filter((r) => divergedBy(runs[r.id], step))
      .map((r) => ({ x: runs[r.id].divergedAt, text: `${r.name} diverged at step ${runs[r.id].divergedAt}`, color: colors.danger }));
    lossChart({
      xDomain: [0, cfg.steps], yDomain: [1e-8, Math.pow(10, Math.ceil(Math.log10(top)))],
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.steps], y: [FINISH, FINISH] },
        ...onTop(visible).map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, y: runs[r.id].values, count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      markers, yFormat: powerOfTen,
      description: `Loss against step on a log scale, ${step} of ${cfg.steps} steps shown. ${visible.map((r) => `${r.name}: ${statusOf(r.id, step).text}`).join('; ')}.`,
    });

    for (const r of RACERS) {
      const st = statusOf(r.id, step);
      racers.setStatus(r.id, st.danger ? el('span', { className: 'danger' }, st.text) : st.text);
    }
    readout.replaceChildren(el('strong', {}, `Step ${step} of ${cfg.steps}`), ' · ',
      ...boardNodes(leaders(run, step, racers.shown), { label: 'under f = 10⁻³: ', none: 'nobody is under f = 10⁻³ yet', names: NAMES }));
    formula.replaceChildren(...formulaFor(step));
  }

  // AdaGrad's update at the shown step, every number from the core
  function formulaFor(step) {
    const { runs, sums, grads, cfg } = run;
    const ada = runs.ada;
    const t = Math.min(step, ada.stepsTaken);
    const symbolic = el('dl', { className: 'formula-lines' },
      el('dt', {}, 'running sums'), el('dd', {}, typeset('race.sums')),
      el('dt', {}, 'each step'), el('dd', {}, typeset('race.rule')));
    if (t < 1) return [symbolic, el('p', { className: 'formula-note' }, 'Press Step to fill these in with AdaGrad’s numbers.')];
    const n = (v) => short(v, 4);
    const G = [sums[2 * t - 2], sums[2 * t - 1]], g = [grads[2 * t - 2], grads[2 * t - 1]], rate = [ada.rates[2 * t - 2], ada.rates[2 * t - 1]];
    const before = [ada.params[2 * t - 2], ada.params[2 * t - 1]], after = [ada.params[2 * t], ada.params[2 * t + 1]];
    const lines = [];
    ['w', 'b'].forEach((name, k) => {
      lines.push(
        el('dt', {}, `gradient of ${name}`),
        el('dd', {}, typeset(`race.gradient.${name}`, { g: n(g[k]) })),
        el('dt', {}, `G of ${name}`),
        el('dd', {}, typeset(`race.total.${name}`, { G: n(G[k]) })),
        el('dt', {}, `rate of ${name}`),
        // each term is its own inline piece, so a narrow panel wraps between them instead of
        // cutting a number off (at step 60 "= −3.093e-7" used to read "= −3")
        el('dd', { className: 'wraps' }, ...formulaPieces('race.rate', { lr: n(cfg.lr.ada), G: n(G[k]), rate: n(rate[k]) })),
        el('dt', {}, `new ${name}`),
        el('dd', { className: 'wraps' }, ...formulaPieces('race.next', { x: n(before[k]), rate: n(rate[k]), g: signed(n(g[k]), g[k]), next: n(after[k]) })));
    });
    return [el('p', { className: 'formula-step' }, `Step ${t}`), el('dl', { className: 'formula-lines' }, lines), el('p', { className: 'formula-note' }, formulaNote(run, t))];
  }

  function announce() {
    if (!run || quiet) return;
    const step = transport.step;
    live.textContent = announcement(step, run.cfg.steps, RACERS, racers.shown, statusOf);
  }

  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'race');

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the DOM. */
  return function update(next = {}) {
    form.apply(next, transport);
    recompute();
  };
}
