// Figure: the blog article's regression race. Fit y = 2x + 1 (plus noise) with SGD, AdaGrad and
// Adam, full batch, all from the same start; loss curves over epochs and the data with each
// optimizer's current line. Data, minimum, losses and parameters come from the WASM core
// (makeRegressionDataset, linearRegressionMinimum/Value, runLinearRegression).
import { el } from '../ui/dom.js';
import { numberField, button, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { readFields as readSettings } from '../settings.js';
import { segmentsToNodes } from '../story/segments.js';
import { settings, presets, SPEEDS, coreNames } from './line/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { lineRun } from './line/model.js';
import { lineStory } from './line/story.js';
import { racerList } from '../ui/racers.js';
import { stepper } from '../ui/runstepper.js';
import { formula } from '../ui/math.js';
import { raceStyles } from '../draw/markers.js';
import { lineChart } from '../draw/linechart.js';
import { powerOfTen } from '../draw/powertick.js';
import { colors, cssColor } from '../draw/colors.js';
import { fitPlot } from './line/fitplot.js';
import { short } from '../format.js';
import { divergedBy, shownCount, rowAt } from '../story/steps.js';

export const key = 'line';
export const title = 'Fitting a line: SGD, AdaGrad and Adam';

const RACERS = [
  { id: 'sgd', style: raceStyles.gd, name: 'SGD', note: 'full batch: plain gradient descent', spec: (lr) => ({ kind: 'sgd', lr }) },
  { id: 'ada', style: raceStyles.adagrad, name: 'AdaGrad', spec: (lr) => ({ kind: 'adagrad', lr }) },
  { id: 'adam', style: raceStyles.adam, name: 'Adam', note: 'β = 0.9, 0.999', spec: (lr) => ({ kind: 'adam', lr }) },
];
const IDS = RACERS.map((r) => r.id);

export { presets };
export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(lab, texts) {
  const { values: v, ok } = settings.parse(texts);
  if (!ok) return null;
  return lineRun(lab, { ...v, lr: Object.fromEntries(IDS.map((id) => [id, v[id]])) }, RACERS).runs;
}
export const schema = settings.schema;

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;

  // ----- presets and controls
  const presetRow = el('div', { className: 'presets', role: 'group', 'aria-label': 'Learning-rate presets' },
    el('div', { className: 'preset' },
      button('The article’s η’s', () => applyPreset('article'), { name: 'preset-article' }),
      el('p', {}, 'SGD 0.01, AdaGrad 0.1, Adam 0.001, 100 epochs, as in the article. The ranking this gives is about the rates, not the optimizers: Adam at 0.001 moves each parameter by about 0.001 per epoch.')),
    el('div', { className: 'preset' },
      button('Each at its best η', () => applyPreset('tuned'), { name: 'preset-tuned' }),
      el('p', {}, 'SGD 0.3, AdaGrad 1, Adam 0.3: for each, the fastest rate on the grid 0.001, 0.003, 0.01, …, 1 (epochs to within 1% of the lowest loss, on the default data). A fair race.')));
  const racers = racerList({
    racers: RACERS.map((r) => ({ ...r, lr: s[r.id] })), label: 'The optimizers: click a name to hide or show it; η is its learning rate',
    onToggle: () => { report(); show(); }, onCommit: recompute,
  });
  for (const id of s.hide.split(',').filter(Boolean)) racers.setShown(id, false);
  const fields = {
    n: numberField({ label: 'points n', name: 'n_samples', value: s.n, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('n')?.slide }),
    noise: numberField({ label: 'noise', name: 'noise', value: s.noise, width: 's', onCommit: recompute, slide: settings.get('noise')?.slide }),
    seed: numberField({ label: 'seed', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('seed')?.slide }),
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute, slide: settings.get('w0')?.slide }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute, slide: settings.get('b0')?.slide }),
    epochs: numberField({ label: 'epochs', name: 'epochs', value: s.epochs, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('epochs')?.slide }),
    ...racers.fields,
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Animation of the fits', unit: 'epoch', speeds: SPEEDS, speed: s.speed,
    show: () => show(), onSpeed: () => report(), onStop: () => announce(),
  });
  const fieldset = (legend, ...children) => el('fieldset', {}, el('legend', {}, legend), el('div', { className: 'controls' }, ...children));
  container.append(presetRow, racers.root,
    el('div', { className: 'line-settings' },
      fieldset('Data: y = 2x + 1 + noise, x ~ N(0, 1)', fields.n.root, fields.noise.root, fields.seed.root),
      fieldset('One start for all three, and the length', fields.w0.root, fields.b0.root, fields.epochs.root)),
    formMessage, transport.root);

  // ----- the plots
  const caption = el('p', { className: 'race-caption' });
  const grid = el('div', { className: 'figure-grid two' });
  const lossPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Mean squared error against epoch (log scale)'));
  const fitPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'The data and each optimizer’s current line'));
  grid.append(lossPanel, fitPanel);
  const lossChart = lineChart(lossPanel, { xLabel: 'epoch', yLabel: 'MSE', yLog: true, label: 'loss against epoch' });
  lossPanel.append(el('p', { className: 'note' }, 'Dotted line: the least-squares loss, the noise no line can fit.'));
  const fit = fitPlot(fitPanel, { label: 'the data and the fitted lines' });
  const lines = el('div', { className: 'fit-lines', 'aria-live': 'off' });
  fitPanel.append(lines);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(caption, grid, readout, live, explain);

  function applyPreset(name) {
    for (const id of IDS) { fields[id].set(presets[name][id]); fields[id].ok(); }
    recompute();
  }

  // ----- reading, computing, showing
  function readFields() {
    const v = readSettings(settings, Object.fromEntries(['n', 'noise', 'seed', 'w0', 'b0', 'epochs', ...IDS].map((k) => [k, fields[k]])));
    return v && { n: v.n, noise: v.noise, seed: v.seed, w0: v.w0, b0: v.b0, epochs: v.epochs, lr: Object.fromEntries(IDS.map((id) => [id, v[id]])) };
  }

  const compute = (cfg) => lineRun(lab, cfg, RACERS);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid fits.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const name = (fieldOfMessage(msg) === 'lr' && error.racer) || { x0: /x0\[1\]/.test(msg) ? 'b0' : 'w0', steps: 'epochs', n_samples: 'n', noise: 'noise', seed: 'seed' }[fieldOfMessage(msg)];
      const said = pageWords(msg, coreNames);
      if (name && fields[name]) fields[name].error(said);
      formMessage.textContent = name ? 'The core refused this setting; the figure still shows the last valid fits.' : said;
      return false;
    }
    formMessage.textContent = '';
    const dataChanged = !run || run.data !== next.data;
    run = { ...next, dataChanged };
    transport.load(cfg.epochs);
    report();
    explainRun();
    announce();
    return true;
  }

  function report() {
    onState({
      n: fields.n.text.trim(), noise: fields.noise.text.trim(), seed: fields.seed.text.trim(),
      w0: fields.w0.text.trim(), b0: fields.b0.text.trim(), epochs: fields.epochs.text.trim(), speed: transport.speed,
      ...Object.fromEntries(IDS.map((id) => [id, fields[id].text.trim()])), hide: racers.hidden().join(','),
    });
  }

  const diverged = divergedBy, at = rowAt;

  function show() {
    if (!run) return;
    const step = transport.step;
    const { runs, cfg, floor } = run;
    const visible = RACERS.filter((r) => racers.shown(r.id));
    let top = 1;
    for (const id of IDS) if (Number.isFinite(runs[id].values[0])) top = Math.max(top, runs[id].values[0]);
    const markers = visible.filter((r) => diverged(runs[r.id], step))
      .map((r) => ({ x: runs[r.id].divergedAt, text: `${r.name} diverged at epoch ${runs[r.id].divergedAt}`, color: colors.danger }));
    lossChart({
      xDomain: [0, cfg.epochs],
      yDomain: [floor > 0 ? Math.pow(10, Math.floor(Math.log10(floor))) : 1e-8, Math.pow(10, Math.ceil(Math.log10(top)))],
      yFormat: powerOfTen, markers,
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.epochs], y: [floor, floor] },
        ...[...visible.filter((r) => r.id !== 'ada'), ...visible.filter((r) => r.id === 'ada')].map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, y: runs[r.id].values, count: shownCount(runs[r.id], step), last: true, lastRadius: 3.5 })),
      ],
      description: `Mean squared error against epoch, log scale; the least-squares loss is ${short(floor, 4)}. ${visible.map((r) => `${r.name}: ${statusText(r.id, step)}`).join('; ')}.`,
    });
    const current = visible.filter((r) => !diverged(runs[r.id], step)).map((r) => {
      const t = runs[r.id], i = at(t, step);
      return { r, w: t.params[2 * i], b: t.params[2 * i + 1] };
    });
    fit({
      points: run.dataChanged ? { x: run.data.x, y: run.data.y } : undefined,
      lines: current.map(({ r, w, b }) => ({ w, b, color: r.style.color, dash: r.style.dash, width: r.style.width })),
      description: `${cfg.n} points around y = 2x + 1. At epoch ${step}: ${current.map(({ r, w, b }) => `${r.name} y = ${short(w, 3)}x + ${short(b, 3)}`).join('; ') || 'every optimizer is hidden'}.`,
    });
    run.dataChanged = false;
    // each current line as a formula, numbers filled in
    const n = (v) => short(v, 4);
    const fitted = (w, b) => formula(b < 0 ? 'line.minus' : 'line.plus', { w: n(w), b: n(Math.abs(b)) });
    lines.replaceChildren(...current.map(({ r, w, b }) => el('p', { className: 'fit-line' },
      el('span', { className: 'racer-key', style: `--key:${cssColor(r.style.color)}` }, r.name), ' ',
      fitted(w, b))),
    el('p', { className: 'fit-line' }, el('span', { className: 'racer-key', style: `--key:${cssColor(colors.ink)}` }, 'Least squares'), ' ',
      fitted(run.minimum[0], run.minimum[1])));
    for (const r of RACERS) {
      const text = statusText(r.id, step);
      racers.setStatus(r.id, diverged(runs[r.id], step) ? el('span', { className: 'danger' }, text) : text);
    }
    readout.replaceChildren(el('strong', {}, `Epoch ${step} of ${cfg.epochs}`), ' · ', ...arrivals(step));
  }


  function statusText(id, step) {
    const t = run.runs[id];
    if (diverged(t, step)) return `diverged at epoch ${t.divergedAt}`;
    const a = run.arrive[id];
    const loss = `MSE = ${short(t.values[at(t, step)], 4)}`;
    return a !== null && a <= step ? `fitted from epoch ${a} · ${loss}` : loss;
  }

  function arrivals(step) {
    const done = RACERS.filter((r) => racers.shown(r.id) && run.arrive[r.id] !== null && run.arrive[r.id] <= step)
      .sort((a, b) => run.arrive[a.id] - run.arrive[b.id]);
    if (!done.length) return ['nobody is within 1% of the lowest loss yet'];
    return ['within 1% of the lowest loss: ', ...done.flatMap((r, i) => [i ? ', ' : '', el('span', { className: 'racer-key', style: `--key:${cssColor(r.style.color)}` }, r.name), ` (epoch ${run.arrive[r.id]})`])];
  }

  function explainRun() {
    const preset = ['article', 'tuned'].find((name) => IDS.every((id) => fields[id].text.trim() === presets[name][id])) ?? null;
    const story = lineStory(run, preset);
    explain.replaceChildren(...story.paragraphs.map((p, i) => el('p', { className: i === story.paragraphs.length - 1 ? 'note' : undefined }, ...segmentsToNodes(p))));
    caption.textContent = story.caption;
  }

  function announce() {
    if (!run) return;
    const step = transport.step;
    live.textContent = `Epoch ${step} of ${run.cfg.epochs}. ${RACERS.filter((r) => racers.shown(r.id)).map((r) => `${r.name}: ${statusText(r.id, step)}`).join('. ')}.`;
  }

  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'fits');

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the DOM. */
  return function update(next = {}) {
    for (const k of ['n', 'noise', 'seed', 'w0', 'b0', 'epochs', ...IDS]) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    if (next.hide !== undefined) { const hidden = next.hide.split(','); for (const id of IDS) racers.setShown(id, !hidden.includes(id)); }
    recompute();
  };
}
