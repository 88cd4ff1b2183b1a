// Figure: AdaGrad and plain gradient descent walking down f(x) = x², step by step. The view
// only: settings.js declares the settings, model.js runs them through the core, story.js
// chooses the words from the run; here they become fields, charts and paragraphs.
import { el } from '../../ui/dom.js';
import { numberField, selectField, messageOf, restoreDefaults } from '../../ui/controls.js';
import { stepper } from '../../ui/runstepper.js';
import { lineChart } from '../../draw/linechart.js';
import { colors } from '../../draw/colors.js';
import { niceDomain } from '../../draw/scale.js';
import { short } from '../../format.js';
import { segmentsToNodes } from '../../story/segments.js';
import { settings, coreNames } from './settings.js';
import { pageWords, coreNamesIn } from '../../ui/pagewords.js';
import { parabolaRun } from './model.js';
import { parabolaStory } from './story.js';

export const defaults = settings.defaults;
export const schema = settings.schema;

/** The run for the figure's settings (texts as in a link) as plain data, for the JSON export:
 *  AdaGrad's step table and both runs' trajectories. Null if a setting is refused. */
export function results(lab, texts) {
  const { values, ok } = settings.parse(texts);
  if (!ok) return null;
  const { rows, ada, sgd } = parabolaRun(lab, values);
  return { objective: 'f(x) = x²', adagradStepTable: rows, adagrad: ada, sgd };
}


export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;  // the last good run

  // ----- controls, one per declared setting
  const d = settings.declarations;
  const numeric = (key, o = {}) => numberField({ label: d[key].label, name: key, value: s[key], onCommit: recompute, slide: d[key].slide, ...o });
  const fields = {
    x0: numeric('x0'), lr: numeric('lr'), eps: numeric('eps'),
    steps: numeric('steps', { inputMode: 'numeric', width: 's' }),
  };
  const place = selectField({ label: d.place.label, name: 'eps_placement', value: s.place, options: d.place.options, onChange: recompute });
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Animation of the x² run', speed: s.speed, speeds: d.speed.options,
    show: () => show(), onStop: () => announce(), onSpeed: () => report(),
  });
  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the x² run' },
      fields.x0.root, fields.lr.root, fields.eps.root, place.root, fields.steps.root),
    formMessage, transport.root);

  // ----- charts
  const grid = el('div', { className: 'figure-grid three' });
  container.append(grid);
  const figure = (title) => {
    const f = el('figure', { className: 'panel' }, el('figcaption', {}, title));
    grid.append(f);
    return f;
  };
  const walkChart = lineChart(figure('The walk on f(x) = x²'), { xLabel: 'x', yLabel: 'f(x)', label: 'f(x) = x² with both optimizers' });
  const xChart = lineChart(figure('x against step'), { xLabel: 'step', yLabel: 'x', label: 'x against step' });
  const rateChart = lineChart(figure('Effective learning rate (log scale)'), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective learning rate against step' });
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(readout, live, explain);

  const texts = () => ({ x0: fields.x0.text, lr: fields.lr.text, eps: fields.eps.text, steps: fields.steps.text, place: place.value, speed: transport.speed });

  function recompute() {
    const { values, errors } = settings.parse(texts());
    for (const [key, field] of Object.entries(fields)) if (errors[key]) field.error(errors[key]); else field.ok();
    if (errors.place) place.error(errors.place); else place.ok();
    if (Object.keys(errors).length) { formMessage.textContent = 'Fix the marked field; the figures still show the last valid run.'; return false; }
    let next;
    try {
      next = parabolaRun(lab, values);
    } catch (error) {
      const msg = messageOf(error);
      // every field the refusal names is marked (η, ε and x₀ together when G = 0 makes η / ε
      // overflow), so a refused link keeps all of their texts beside the message
      const keys = coreNamesIn(msg, ['x0', 'lr', 'eps', 'steps']);
      const said = pageWords(msg, coreNames);
      for (const key of keys) fields[key].error(said);
      if (!keys.length) place.error(said);
      formMessage.textContent = 'The core refused this setting; the figures still show the last valid run.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    transport.load(run.steps);
    report();
    explain.replaceChildren(...parabolaStory(run).paragraphs.map((p) => el('p', {}, ...segmentsToNodes(p))));
    announce();
    return true;
  }

  function report() {
    const t = texts();
    onState(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(v).trim()])));
  }

  const pathLength = (r) => r.values.length;  // steps taken + 1
  const sgdStopped = () => run.sgd.divergedAt !== null && run.sgd.divergedAt !== undefined;

  function show() {
    if (!run) return;
    const step = transport.step;
    const { ada, sgd, rows } = run;
    const shownAda = Math.min(step + 1, pathLength(ada));
    const shownSgd = Math.min(step + 1, pathLength(sgd));

    walkChart({
      xDomain: [-run.reach, run.reach], yDomain: [0, run.top * 1.05],
      series: [
        { label: 'f(x) = x²', color: colors.curve, x: run.curveX, y: run.curveY, width: 2 },
        { label: 'plain GD', color: colors.other, x: sgd.params, y: sgd.values, count: shownSgd, dots: true, dotsOnly: true, last: true, offPlot: (i) => `GD at x = ${short(sgd.params[i])}` },
        { label: 'AdaGrad', color: colors.adagrad, x: ada.params, y: ada.values, count: shownAda, dots: true, dotsOnly: true, last: true, offPlot: (i) => `AdaGrad at x = ${short(ada.params[i])}` },
      ],
      description: `Parabola f(x) = x². After ${step} steps AdaGrad is at x = ${short(ada.params[shownAda - 1])}, plain gradient descent at x = ${short(sgd.params[shownSgd - 1])}.`,
    });

    // x against step: the axis covers both full paths (so it does not jump while playing),
    // but never more than twice the start, so a runaway GD cannot flatten AdaGrad's line.
    const limit = 2 * Math.abs(run.x0) || 1;
    let lo = 0, hi = 0;
    for (const path of [ada.params, sgd.params]) for (const v of path) {
      if (Number.isFinite(v)) { lo = Math.min(lo, Math.max(v, -limit)); hi = Math.max(hi, Math.min(v, limit)); }
    }
    const markers = sgdStopped() && step >= run.sgd.divergedAt
      ? [{ x: run.sgd.divergedAt, text: `GD diverged at step ${run.sgd.divergedAt}`, color: colors.danger }] : [];
    xChart({
      xDomain: [0, Math.max(1, run.steps)], yDomain: lo === hi ? [lo - 1, hi + 1] : niceDomain(lo, hi),
      series: [
        { label: 'plain GD', color: colors.other, dash: [6, 4], y: sgd.params, count: shownSgd, last: true, lastRadius: 3.5, offPlot: (i) => `GD: x = ${short(sgd.params[i])}` },
        { label: 'AdaGrad', color: colors.adagrad, y: ada.params, count: shownAda, last: true, lastRadius: 3.5, offPlot: (i) => `AdaGrad: x = ${short(ada.params[i])}` },
      ],
      markers,
      description: `x against step, ${step} of ${run.steps} steps shown.`,
    });

    const steps = rows.map((r) => r.t), rates = rows.map((r) => r.effective_rate);
    const ratesEnd = Math.max(1, run.steps);
    rateChart({
      xDomain: [0, ratesEnd],
      series: [
        { label: 'plain GD: η, fixed', color: colors.other, dash: [6, 4], x: [0, ratesEnd], y: [run.lr, run.lr] },
        { label: run.place === 'inside' ? 'AdaGrad: η / √(G + ε)' : 'AdaGrad: η / (√G + ε)', color: colors.adagrad, x: steps, y: rates, count: step, last: true, lastRadius: 3.5 },
      ],
      description: step > 0 ? `AdaGrad's effective learning rate at step ${step}: ${short(rates[step - 1])}; plain gradient descent keeps ${short(run.lr)}.` : 'No step taken yet.',
    });

    readout.replaceChildren(...readoutParts(step));
  }

  function readoutParts(step) {
    const { ada, sgd, rows } = run;
    const parts = [el('strong', {}, `Step ${step} of ${run.steps}`), ' · '];
    const a = Math.min(step, pathLength(ada) - 1);
    parts.push(el('span', { className: 'key-adagrad' }, 'AdaGrad'), ` x = ${short(ada.params[a])}`);
    if (step > 0) parts.push(`, G = ${short(rows[step - 1].sum)}, rate = ${short(rows[step - 1].effective_rate)}`);
    parts.push(' · ', el('span', { className: 'key-other' }, 'plain GD'));
    if (sgdStopped() && step >= run.sgd.divergedAt) {
      parts.push(' ', el('span', { className: 'danger' }, `diverged at step ${run.sgd.divergedAt}`));
    } else {
      parts.push(` x = ${short(sgd.params[Math.min(step, pathLength(sgd) - 1)])}`);
    }
    return parts;
  }

  function announce() {
    if (run) live.textContent = readout.textContent;
  }

  // A link whose settings are refused: the defaults' run, with each refused text and its message
  // left in its field.
  if (!recompute()) restoreDefaults(fields, defaults, () => { place.set(defaults.place); return recompute(); }, formMessage, 'run');

  /** update({x0, lr, …}): set fields from a new state (e.g. a pasted link) and recompute. */
  return function update(next = {}) {
    for (const key of ['x0', 'lr', 'eps', 'steps']) if (next[key] !== undefined) fields[key].set(next[key]);
    if (next.place !== undefined) place.set(next.place);
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    recompute();
  };
}
