// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Part B of the update figure: PyTorch's three extra Adagrad options, each switchable, on the
// notes' own PyTorch example (a line through (1, 2), (2, 4), (3, 6), (4, 8), fitted from w = b = 0).
// Both runs (plain AdaGrad and AdaGrad with the switched-on options) come from
// lab.runLinearRegression; the least-squares answer from lab.linearRegressionMinimum.
import { el } from '../../ui/dom.js';
import { numberField, fieldOfMessage, messageOf } from '../../ui/controls.js';
import { readFields as readSettings } from '../../settings.js';
import { settings, OPTION_SPEEDS, optionsCoreNames } from './settings.js';
import { pageWords } from '../../ui/pagewords.js';
import { checkboxField } from '../../ui/checkbox.js';
import { stepper } from '../../ui/runstepper.js';
import { formulaPieces, signed } from '../../ui/math.js';
import { lineChart } from '../../draw/linechart.js';
import { decadeFormat, logDomain } from '../../draw/decades.js';
import { colors } from '../../draw/colors.js';
import { niceDomain } from '../../draw/scale.js';
import { short } from '../../format.js';

// The notes' toy data set, y = 2x on four points (source 001, "AdaGrad in PyTorch").
const DATA = { x: new Float64Array([1, 2, 3, 4]), y: new Float64Array([2, 4, 6, 8]), dim: 1 };
const EPS = 1e-10;  // PyTorch's default, outside the root
const PLAIN = { color: colors.adagrad, dash: null, label: 'plain AdaGrad' };
const WITH = { color: colors.orange, dash: [6, 3], label: 'with the options switched on' };
const BEST = { color: colors.muted, dash: [2, 3], label: 'least-squares answer' };

export function optionsPart(/** @type {AdagradLab.Lab} */ lab, s, report) {
  let run = null;
  const commit = () => recompute();
  const fields = {
    blr: numberField({ label: 'learning rate η', name: 'blr', value: s.blr, onCommit: commit, slide: settings.get('blr')?.slide }),
    bsteps: numberField({ label: 'steps', name: 'bsteps', value: s.bsteps, inputMode: 'numeric', width: 's', onCommit: commit, slide: settings.get('bsteps')?.slide }),
    decayv: numberField({ label: 'lr_decay', name: 'lr_decay', value: s.decayv, width: 's', onCommit: commit, slide: settings.get('decayv')?.slide }),
    wdv: numberField({ label: 'weight_decay λ', name: 'weight_decay', value: s.wdv, width: 's', onCommit: commit, slide: settings.get('wdv')?.slide }),
    accv: numberField({ label: 'initial_accumulator_value G₀', name: 'initial_accumulator_value', value: s.accv, width: 's', onCommit: commit, slide: settings.get('accv')?.slide }),
  };
  const toggles = {
    decay: checkboxField({ label: 'learning-rate decay', name: 'use_lr_decay', checked: s.decay === 'on', onChange: commit }),
    wd: checkboxField({ label: 'weight decay', name: 'use_weight_decay', checked: s.wd === 'on', onChange: commit }),
    acc: checkboxField({ label: 'starting G₀', name: 'use_initial_accumulator', checked: s.acc === 'on', onChange: commit }),
  };
  const option = (toggle, field, note) => el('div', { className: 'update-option' }, toggle.root, field.root, el('p', { className: 'note' }, note));
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  // the placement part above has its own η and steps: these say they are the line fit's
  for (const k of ['blr', 'bsteps']) fields[k].root.querySelector('label').append(el('span', { className: 'visually-hidden' }, ' of the line fit'));
  const transport = stepper({
    label: 'Replay of the runs with and without the options', speed: s.bspeed, speeds: OPTION_SPEEDS.map((v) => [v, `${v} steps/s`]),
    show: () => draw(), onStop: () => announce(), onSpeed: () => report(),
  });
  const grid = el('div', { className: 'figure-grid three' });
  const panel = (heading) => { const f = el('figure', { className: 'panel' }, el('figcaption', {}, heading)); grid.append(f); return f; };
  const wChart = lineChart(panel('Weight w against step'), { xLabel: 'step', yLabel: 'w', label: 'w against step' });
  const bChart = lineChart(panel('Bias b against step'), { xLabel: 'step', yLabel: 'b', label: 'b against step' });
  const lossChart = lineChart(panel('Loss (mean squared error, log scale)'), { xLabel: 'step', yLabel: 'loss', yLog: true, label: 'loss against step' });
  const rwChart = lineChart(panel('Effective rate of w'), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rate of w' });
  const rbChart = lineChart(panel('Effective rate of b'), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rate of b' });
  const summary = el('div', { className: 'update-summary' });
  panel('Where the two runs are now').append(summary);
  const formula = el('div', { className: 'formula update-formula' });
  const worked = el('figure', { className: 'panel formula-panel update-worked' }, el('figcaption', {}, 'The rule PyTorch applies at the current step, with the options switched on'), formula);
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const root = el('div', { className: 'update-part' },
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the line fit' },
      fields.blr.root, fields.bsteps.root,
      el('p', { className: 'note update-eps' }, 'ε = 10⁻¹⁰ outside the root, PyTorch’s defaults.')),
    el('div', { className: 'update-options', role: 'group', 'aria-label': 'PyTorch’s extra options' },
      option(toggles.decay, fields.decayv, 'η shrinks on a fixed schedule, on top of AdaGrad’s own shrinking.'),
      option(toggles.wd, fields.wdv, 'adds λθ to each gradient: an L2 pull towards 0.'),
      option(toggles.acc, fields.accv, 'G starts here instead of 0 (Keras and Optax: 0.1).')),
    formMessage, transport.root, grid, worked, live);

  const on = () => ({ decay: toggles.decay.checked, wd: toggles.wd.checked, acc: toggles.acc.checked });

  function readFields() {
    const o = on();
    const skip = { decayv: !o.decay, wdv: !o.wd, accv: !o.acc };
    const v = readSettings(settings, fields, { skip: (k) => skip[k] });
    if (!v) return null;
    return { lr: v.blr, steps: v.bsteps, lr_decay: v.decayv, weight_decay: v.wdv, initial_accumulator_value: v.accv, on: o };
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid runs.'; return false; }
    let next;
    try {
      const base = { kind: 'adagrad', lr: cfg.lr, eps: EPS };
      const extra = {
        lr_decay: cfg.on.decay ? cfg.lr_decay : undefined,
        weight_decay: cfg.on.wd ? cfg.weight_decay : undefined,
        initial_accumulator_value: cfg.on.acc ? cfg.initial_accumulator_value : undefined,
      };
      const withOpts = lab.runLinearRegression({ ...DATA, steps: cfg.steps, optimizer: { ...base, ...extra } });
      const plain = lab.runLinearRegression({ ...DATA, steps: cfg.steps, optimizer: base });
      next = { cfg, plain, withOpts, best: lab.linearRegressionMinimum(DATA), bestLoss: lab.linearRegressionValue(DATA, lab.linearRegressionMinimum(DATA)) };
    } catch (error) {
      const msg = messageOf(error);
      const k = { lr: 'blr', steps: 'bsteps', lr_decay: 'decayv', weight_decay: 'wdv', initial_accumulator_value: 'accv' }[fieldOfMessage(msg)];
      const said = pageWords(msg, optionsCoreNames);
      if (k) { fields[k].error(said); formMessage.textContent = 'The core refused this setting; the figure still shows the last valid runs.'; }
      else formMessage.textContent = said;
      return false;
    }
    formMessage.textContent = '';
    run = next;
    report();
    transport.load(cfg.steps);
    announce();
    return true;
  }

  const param = (r, t, i) => r.params[2 * Math.min(t, r.stepsTaken) + i];

  function draw() {
    if (!run) return;
    const t = transport.step;
    const { cfg, plain, withOpts, best } = run;
    const xDomain = [0, Math.max(1, cfg.steps)];
    const count = (r) => Math.min(t, r.stepsTaken) + 1;
    const coord = (r, i) => r.params.filter((_, k) => k % 2 === i);
    const diverged = (r) => (r.divergedAt !== null && r.divergedAt !== undefined && t >= r.divergedAt
      ? [{ x: r.divergedAt, text: `diverged at step ${r.divergedAt}`, color: colors.danger }] : []);
    const pathPanel = (chart, i, name) => {
      const a = coord(plain, i), b = coord(withOpts, i);
      let lo = best[i], hi = best[i];
      for (const list of [a, b]) for (const v of list) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      chart({
        xDomain, yDomain: niceDomain(lo, hi, 4),
        series: [
          { ...BEST, x: [0, cfg.steps], y: [best[i], best[i]], width: 1.5 },
          { ...PLAIN, y: a, count: count(plain), last: true, lastRadius: 3.5 },
          { ...WITH, y: b, count: count(withOpts), last: true, lastRadius: 3.5 },
        ],
        markers: [...diverged(plain), ...diverged(withOpts)],
        description: `${name} after ${t} steps: ${short(param(plain, t, i))} plain, ${short(param(withOpts, t, i))} with the options; least squares gives ${short(best[i])}.`,
      });
    };
    pathPanel(wChart, 0, 'w');
    pathPanel(bChart, 1, 'b');
    const ld = logDomain([plain.values, withOpts.values, [run.bestLoss]], { floor: 1e-12 });
    lossChart({
      xDomain, yDomain: ld, yFormat: decadeFormat(ld, 5),
      series: [
        { ...PLAIN, y: plain.values, count: count(plain), last: true, lastRadius: 3.5 },
        { ...WITH, y: withOpts.values, count: count(withOpts), last: true, lastRadius: 3.5 },
      ],
      description: `Loss after ${t} steps: ${short(plain.values[count(plain) - 1])} plain, ${short(withOpts.values[count(withOpts) - 1])} with the options.`,
    });
    const stepsOf = (r) => Float64Array.from({ length: r.stepsTaken }, (_, k) => k + 1);
    const ratePanel = (chart, i, name) => {
      const a = coord({ params: plain.rates }, i), b = coord({ params: withOpts.rates }, i);
      const d = logDomain([a, b]);
      chart({
        xDomain, yDomain: d, yFormat: decadeFormat(d, 4),
        series: [
          { ...PLAIN, x: stepsOf(plain), y: a, count: Math.min(t, plain.stepsTaken), last: true, lastRadius: 3.5 },
          { ...WITH, x: stepsOf(withOpts), y: b, count: Math.min(t, withOpts.stepsTaken), last: true, lastRadius: 3.5 },
        ],
        description: t > 0 ? `Effective rate of ${name} at step ${t}: ${short(a[Math.min(t, a.length) - 1])} plain, ${short(b[Math.min(t, b.length) - 1])} with the options.` : 'No step yet.',
      });
    };
    ratePanel(rwChart, 0, 'w');
    ratePanel(rbChart, 1, 'b');
    summary.replaceChildren(summaryTable(t));
    formula.replaceChildren(...formulaFor(t));
  }

  function summaryTable(t) {
    const { plain, withOpts, best, bestLoss } = run;
    const c = (r) => Math.min(t, r.stepsTaken);
    const rowOf = (label, a, b, z) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, short(a, 4)), el('td', {}, short(b, 4)), el('td', {}, short(z, 4)));
    const broken = [[plain, 'plain AdaGrad'], [withOpts, 'the run with the options']]
      .filter(([r]) => r.divergedAt !== null && r.divergedAt !== undefined && t >= r.divergedAt)
      .map(([r, name]) => `${name} diverged at step ${r.divergedAt}`);
    return el('table', { className: 'steps update-now' },
      el('caption', {}, `after ${t} steps`, ...broken.map((text) => [el('br'), el('span', { className: 'danger' }, text)])),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, el('span', { className: 'visually-hidden' }, 'quantity')), el('th', { scope: 'col' }, 'plain'), el('th', { scope: 'col' }, 'options'), el('th', { scope: 'col' }, 'least squares'))),
      el('tbody', {},
        rowOf('w', param(plain, t, 0), param(withOpts, t, 0), best[0]),
        rowOf('b', param(plain, t, 1), param(withOpts, t, 1), best[1]),
        rowOf('loss', plain.values[c(plain)], withOpts.values[c(withOpts)], bestLoss)));
  }

  // PyTorch's update for one parameter at step t, each switched-on option on its own line.
  function formulaFor(t) {
    const { cfg, withOpts } = run;
    const o = cfg.on;
    const n = (v) => short(v, 4);
    if (withOpts.stepsTaken < 1) {
      return [el('p', { className: 'danger' }, `The run with these options diverged at step ${withOpts.divergedAt}: no step to work out.`)];
    }
    const tt = Math.max(1, Math.min(t, withOpts.stepsTaken));
    const eta = () => (o.decay
      ? formulaPieces('options.etaDecay', { lr: n(cfg.lr), t: String(tt - 1), decay: n(cfg.lr_decay) })
      : formulaPieces('options.eta', { lr: n(cfg.lr) }));
    const block = (i, name) => {
      const theta = param(withOpts, tt - 1, i), next = param(withOpts, tt, i), rate = withOpts.rates[2 * (tt - 1) + i];
      const lines = [
        ['step size', eta()],
        ['gradient', o.wd
          ? formulaPieces(`options.gradientDecay.${name}`, { wd: n(cfg.weight_decay), theta: signed(n(theta), theta) })
          : formulaPieces(`options.gradient.${name}`)],
        ['running total', formulaPieces('options.total', { G0: o.acc ? n(cfg.initial_accumulator_value) : '0' })],
        ['its rate', formulaPieces('options.rate', { rate: n(rate) })],
        ['update', formulaPieces(`options.update.${name}`, { theta: n(theta), rate: n(rate), next: n(next) })],
      ];
      return el('div', { className: 'update-block' }, el('p', { className: 'update-start' }, `${name}, step ${tt}`),
        el('dl', { className: 'formula-lines update-lines' }, lines.map(([label, body]) => [el('dt', {}, label), el('dd', { className: 'wraps' }, ...body)])));
    };
    const note = t < 1 ? [el('p', { className: 'formula-note' }, 'Showing step 1; press Step or Play to move on.')] : [];
    return [...note, el('div', { className: 'update-blocks' }, block(0, 'w'), block(1, 'b')),
      el('p', { className: 'formula-note' }, 'The core reports each rate and each new value; it does not hand out g or G for this run, so those stay as symbols.')];
  }

  function announce() {
    if (!run) return;
    const t = transport.step;
    const { plain, withOpts } = run;
    live.textContent = `Line fit, step ${t} of ${run.cfg.steps}: plain AdaGrad w = ${short(param(plain, t, 0))}, b = ${short(param(plain, t, 1))}; with the options w = ${short(param(withOpts, t, 0))}, b = ${short(param(withOpts, t, 1))}.`;
  }

  return {
    root, recompute, transport,
    values() {
      const v = (k) => fields[k].text.trim();
      const o = on();
      return {
        blr: v('blr'), bsteps: v('bsteps'), decay: o.decay ? 'on' : 'off', decayv: v('decayv'), wd: o.wd ? 'on' : 'off', wdv: v('wdv'),
        acc: o.acc ? 'on' : 'off', accv: v('accv'), bspeed: transport.speed,
      };
    },
    set(next) {
      for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
      for (const k of Object.keys(toggles)) if (next[k] !== undefined) toggles[k].set(next[k] === 'on');
      if (next.bspeed !== undefined) transport.setSpeed(next.bspeed);
    },
    fields, toggles, formMessage,
  };
}
