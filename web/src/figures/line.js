// Figure: the blog article's regression race. Fit y = 2x + 1 (plus noise) with SGD, AdaGrad and
// Adam, full batch, all from the same start; loss curves over epochs and the data with each
// optimizer's current line. Data, minimum, losses and parameters come from the WASM core
// (makeRegressionDataset, linearRegressionMinimum/Value, runLinearRegression).
import { el } from '../ui/dom.js';
import { numberField, button, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { racerList } from '../ui/racers.js';
import { stepper } from '../ui/runstepper.js';
import { math, row, mi, mn, mo, m } from '../ui/math.js';
import { raceStyles } from '../draw/markers.js';
import { lineChart } from '../draw/linechart.js';
import { powerOfTen } from '../draw/powertick.js';
import { colors } from '../draw/colors.js';
import { fitPlot } from './line/fitplot.js';
import { number, whole, oneOf } from '../state.js';
import { short } from '../format.js';

export const key = 'line';
export const title = 'Fitting a line: SGD, AdaGrad and Adam';

const RACERS = [
  { id: 'sgd', style: raceStyles.gd, name: 'SGD', note: 'full batch: plain gradient descent', spec: (lr) => ({ kind: 'sgd', lr }) },
  { id: 'ada', style: raceStyles.adagrad, name: 'AdaGrad', spec: (lr) => ({ kind: 'adagrad', lr }) },
  { id: 'adam', style: raceStyles.adam, name: 'Adam', note: 'β = 0.9, 0.999', spec: (lr) => ({ kind: 'adam', lr }) },
];
const IDS = RACERS.map((r) => r.id);
const SPEEDS = [['5', '5 epochs/s'], ['10', '10 epochs/s'], ['25', '25 epochs/s'], ['100', '100 epochs/s']];
const MAX_EPOCHS = 5000, MAX_SAMPLES = 20000;
const NEAR = 0.01;  // "fitted": the loss within 1% of the least-squares loss

/** The article's learning rates, and each optimizer's best on the grid 0.001, 0.003, 0.01, 0.03,
 *  0.1, 0.3, 1 (fewest epochs to within 1% of the least-squares loss on the default data, from
 *  (0, 0); tests/browser/fig-line.test.js re-runs that sweep in the core). */
export const presets = {
  article: { sgd: '0.01', ada: '0.1', adam: '0.001' },
  tuned: { sgd: '0.3', ada: '1', adam: '0.3' },
};
export const defaults = { n: '1000', noise: '0.1', seed: '7', w0: '0', b0: '0', epochs: '100', speed: '25', ...presets.article, hide: '' };
const idList = { pattern: new RegExp(`^((${IDS.join('|')})(,(${IDS.join('|')})){0,${IDS.length - 1}})?$`), what: `a list of ${IDS.join(', ')}` };
export const schema = {
  n: whole, noise: number, seed: whole, w0: number, b0: number, epochs: whole, speed: oneOf(SPEEDS.map(([v]) => v)),
  ...Object.fromEntries(IDS.map((id) => [id, number])), hide: idList,
};

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
    n: numberField({ label: 'points n', name: 'n_samples', value: s.n, inputMode: 'numeric', width: 's', onCommit: recompute }),
    noise: numberField({ label: 'noise', name: 'noise', value: s.noise, width: 's', onCommit: recompute }),
    seed: numberField({ label: 'seed', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute }),
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute }),
    epochs: numberField({ label: 'epochs', name: 'epochs', value: s.epochs, inputMode: 'numeric', width: 's', onCommit: recompute }),
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
    return readForm((read) => ({
      n: read(fields.n, (t) => parseWhole(t, 'n_samples', { max: MAX_SAMPLES })),
      noise: read(fields.noise, (t) => parseNumber(t, 'noise')),
      seed: read(fields.seed, (t) => parseWhole(t, 'seed')),
      w0: read(fields.w0, (t) => parseNumber(t, 'start w₀')),
      b0: read(fields.b0, (t) => parseNumber(t, 'start b₀')),
      epochs: read(fields.epochs, (t) => parseWhole(t, 'epochs', { min: 1, max: MAX_EPOCHS })),
      lr: Object.fromEntries(IDS.map((id) => [id, read(fields[id], (t) => parseNumber(t, 'η'))])),
    }));
  }

  function compute(cfg) {
    const data = lab.makeRegressionDataset({ kind: 'line', n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
    const minimum = lab.linearRegressionMinimum(data);
    const floor = lab.linearRegressionValue(data, minimum);
    const runs = {};
    for (const r of RACERS) {
      try {
        runs[r.id] = lab.runLinearRegression({ ...data, x0: [cfg.w0, cfg.b0], steps: cfg.epochs, optimizer: r.spec(cfg.lr[r.id]) });
      } catch (error) {
        error.field = fieldOfMessage(messageOf(error)) === 'lr' ? r.id : null;
        throw error;
      }
    }
    const arrive = {};
    for (const id of IDS) {
      const v = runs[id].values;
      arrive[id] = null;
      for (let i = 0; i < v.length; i++) if (v[i] <= floor * (1 + NEAR)) { arrive[id] = i; break; }
    }
    return { cfg, data, minimum, floor, runs, arrive };
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid fits.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const name = error.field || { x0: /x0\[1\]/.test(msg) ? 'b0' : 'w0', steps: 'epochs', n_samples: 'n', noise: 'noise', seed: 'seed' }[fieldOfMessage(msg)];
      if (name && fields[name]) fields[name].error(msg);
      formMessage.textContent = name ? 'The core refused this setting; the figure still shows the last valid fits.' : msg;
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

  const diverged = (t, step) => t.divergedAt !== null && step >= t.divergedAt;
  const shownCount = (t, step) => Math.min(step + 1, t.stepsTaken + 1);
  const at = (t, step) => shownCount(t, step) - 1;

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
    const n = (v) => mn(short(v, 4));
    lines.replaceChildren(...current.map(({ r, w, b }) => el('p', { className: 'fit-line' },
      el('span', { className: 'racer-key', style: `--key:${r.style.color}` }, r.name), ' ',
      math(false, row(hat('y'), mo('='), n(w), mi('x'), mo(b < 0 ? '−' : '+'), n(Math.abs(b)))))),
    el('p', { className: 'fit-line' }, el('span', { className: 'racer-key', style: `--key:${colors.ink}` }, 'Least squares'), ' ',
      math(false, row(hat('y'), mo('='), n(run.minimum[0]), mi('x'), mo(run.minimum[1] < 0 ? '−' : '+'), n(Math.abs(run.minimum[1]))))));
    for (const r of RACERS) {
      const text = statusText(r.id, step);
      racers.setStatus(r.id, diverged(runs[r.id], step) ? el('span', { className: 'danger' }, text) : text);
    }
    readout.replaceChildren(el('strong', {}, `Epoch ${step} of ${cfg.epochs}`), ' · ', ...arrivals(step));
  }

  const hat = (x) => { const node = m('mover', mi(x), mo('^')); node.setAttribute('accent', 'true'); return node; };

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
    return ['within 1% of the lowest loss: ', ...done.flatMap((r, i) => [i ? ', ' : '', el('span', { className: 'racer-key', style: `--key:${r.style.color}` }, r.name), ` (epoch ${run.arrive[r.id]})`])];
  }

  function explainRun() {
    const { runs, cfg, arrive, minimum } = run;
    const end = (t) => t.stepsTaken;
    const wAt = (t, i) => short(t.params[2 * i], 3);
    const p = [];
    const isArticle = IDS.every((id) => fields[id].text.trim() === presets.article[id]);
    const isTuned = IDS.every((id) => fields[id].text.trim() === presets.tuned[id]);
    const fate = (id) => {
      const t = runs[id];
      if (t.divergedAt !== null) return el('span', { className: 'danger' }, `diverged at epoch ${t.divergedAt}`);
      return arrive[id] !== null ? `is within 1% of the lowest loss from epoch ${arrive[id]}` : `ends at MSE ${short(t.values[end(t)], 3)}, w = ${wAt(t, end(t))} (the target is ${short(minimum[0], 3)})`;
    };
    p.push(el('p', {}, 'Every epoch is one step on the whole data set, so the article’s “SGD” is plain gradient descent. ',
      el('strong', {}, 'SGD'), ` (η = ${short(cfg.lr.sgd)}) `, fate('sgd'), '; ',
      el('strong', { className: 'key-adagrad' }, 'AdaGrad'), ` (η = ${short(cfg.lr.ada)}) `, fate('ada'), '; ',
      el('strong', {}, 'Adam'), ` (η = ${short(cfg.lr.adam)}) `, fate('adam'), '.'));
    const adam = runs.adam, ada = runs.ada;
    if (adam.divergedAt === null && adam.stepsTaken >= 1) {
      const reach = cfg.lr.adam * cfg.epochs, distance = Math.abs(minimum[0] - cfg.w0);
      p.push(el('p', {}, 'Adam’s step is η·m̂/(√v̂ + ε). While the gradient keeps its sign, m̂/√v̂ stays close to ±1, so each epoch moves each parameter by about η, however large or small the gradient. ',
        `Here its w went from ${wAt(adam, 0)} to ${wAt(adam, 1)} in the first epoch and is at ${wAt(adam, end(adam))} after ${end(adam)}.`,
        reach < distance
          ? ` At η = ${short(cfg.lr.adam)}, ${cfg.epochs} epochs can carry w at most about ${short(reach, 3)} of the ${short(distance, 3)} it has to travel: that, not the method, is why it loses.`
          : ' Its momentum (β₁ = 0.9) then carries it past the best line, and it rings before it settles.'));
    }
    if (ada.divergedAt === null && ada.stepsTaken >= 1) {
      p.push(el('p', {}, `AdaGrad’s first step is exactly η in each parameter (w: ${wAt(ada, 0)} → ${wAt(ada, 1)}), because G is then g². Its later steps shrink as G grows, which here only slows it down: a straight line has no rare features for its per-parameter rates to help with.`));
    }
    p.push(el('p', {}, isTuned
      ? 'With each optimizer at its best rate all three reach the noise floor; Adam’s momentum makes it overshoot and ring on the way. Because x is centred with variance 1, the loss is a nearly round bowl in (w, b): a single well-chosen η is all plain gradient descent needs.'
      : 'Learning rates do not transfer between optimizers: SGD’s η multiplies the gradient, while AdaGrad’s and Adam’s η is roughly a step length. Press “Each at its best η” for a fair race.'));
    p.push(el('p', { className: 'note' }, `A fair start: the article’s code draws new random weights for each optimizer, so its curves also differ by where they began. Here all three start from (w, b) = (${short(cfg.w0)}, ${short(cfg.b0)}) on the same ${cfg.n} points.`));
    explain.replaceChildren(...p);
    const order = RACERS.filter((r) => arrive[r.id] !== null).sort((a, b) => arrive[a.id] - arrive[b.id]);
    const loss = (id) => short(runs[id].values[end(runs[id])], 3);
    caption.textContent = isArticle
      ? `With the article’s rates, after ${cfg.epochs} epochs SGD is at MSE ${loss('sgd')}, AdaGrad at ${loss('ada')}, and Adam at η = 0.001 ${arrive.adam !== null ? `only got there at epoch ${arrive.adam}` : `is still at ${loss('adam')} (it started at ${short(runs.adam.values[0], 3)})`}: the rates, not the methods, decide this race.`
      : order.length
        ? `Within 1% of the lowest loss: ${order.map((r) => `${r.name} at epoch ${arrive[r.id]}`).join(', ')}${order.length < RACERS.length ? `; ${RACERS.filter((r) => arrive[r.id] === null).map((r) => r.name).join(' and ')} not in ${cfg.epochs} epochs` : ''}. On this round bowl a per-parameter rate has nothing to fix.`
        : `Nobody gets within 1% of the lowest loss in ${cfg.epochs} epochs with these rates.`;
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
