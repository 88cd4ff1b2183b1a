// Figure: the "forgotten G" bug. AdaGrad whose accumulator is re-created before every step
// (lab.runQuadratic with reset_state_every_step: true) beside the correct AdaGrad, same options,
// same start: positions, f, step sizes and effective rates per step, and the update of the
// current step worked out with the core's own numbers (lab.stepTable for the correct run's G; the
// forgetful trajectory's own gradient, G and rate for the other). settings.js, model.js and
// story.js hold the settings, the runs and the caption; this file is the view.
export const key = 'pitfall';
export const title = 'A bug worth recognising: forgetting G';

import { el } from '../ui/dom.js';
import { numberField, selectField, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { stepper } from '../ui/runstepper.js';
import { readFields as readSettings } from '../settings.js';
import { formulaPieces, signed } from '../ui/math.js';
import { lineChart } from '../draw/linechart.js';
import { legend as dashLegend } from '../ui/legend.js';
import { optimizerStyles } from '../draw/optimizer-styles.js';
import { colors } from '../draw/colors.js';
import { niceDomain } from '../draw/scale.js';
import { short } from '../format.js';
import { settings, SPEEDS, coreNames } from './pitfall/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { pitfallRun, OBJECTIVES } from './pitfall/model.js';
import { pitfallStory, ETA_SHARE } from './pitfall/story.js';

export const defaults = settings.defaults;

/** The real and the forgetful run for the figure's settings (texts as in a link) as plain data,
 *  for the JSON export. */
export function results(lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? pitfallRun(lab, configOf(values)) : null;
}

/** The model's configuration from the parsed settings (the view's and the export's). */
const configOf = (v) => ({ f: v.f, x0: v.x0, b0: v.f === 'valley' ? v.b0 : null, lr: v.lr, steps: v.steps });
export const schema = settings.schema;
const BUG = optimizerStyles.forgetful.color;  // the forgetful run: never solid (dotted; dash-dot for its second coordinate)

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null, step = 0;

  // ----- controls
  const objective = selectField({
    label: 'function', name: 'f', value: OBJECTIVES[s.f] ? s.f : defaults.f,
    options: [['x2', 'x²'], ['valley', 'w² + 10b²']], onChange: () => { showB0(); recompute(); },
  });
  const fields = {
    x0: numberField({ label: 'start x₀', name: 'x0', value: s.x0, width: 's', onCommit: recompute, slide: settings.get('x0')?.slide }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute, slide: settings.get('b0')?.slide }),
    lr: numberField({ label: 'learning rate η', name: 'lr', value: s.lr, width: 's', onCommit: recompute, slide: settings.get('lr')?.slide }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('steps')?.slide }),
  };
  const showB0 = () => {
    const two = objective.value === 'valley';
    fields.b0.root.hidden = !two;
    fields.x0.root.querySelector('label').firstChild.textContent = two ? 'start w₀' : 'start x₀';
  };
  showB0();
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Animation of both runs', speed: SPEEDS.includes(s.speed) ? s.speed : defaults.speed, speeds: SPEEDS.map((v) => [v, `${v} steps/s`]),
    show: (t) => { step = t; show(); }, onStop: () => announce(), onSpeed: () => report(),
  });
  const caption = el('p', { className: 'fig-caption' });  // from the runs: pitfallStory
  container.append(
    caption,
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the two runs' },
      objective.root, fields.x0.root, fields.b0.root, fields.lr.root, fields.steps.root),
    formMessage, transport.root);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  container.append(readout, live);

  // one legend for the four charts, drawn with the lines' own dashes
  const legend = el('div', { className: 'shared-legend' });
  const grid = el('div', { className: 'figure-grid two own-legend' });
  container.append(legend, grid);
  let legendKey = '';
  const panel = (title) => { const f = el('figure', { className: 'panel' }, el('figcaption', {}, title)); grid.append(f); return f; };
  const posChart = lineChart(panel('Position against step'), { xLabel: 'step', yLabel: 'position', label: 'position against step' });
  const fChart = lineChart(panel('f against step (log scale)'), { xLabel: 'step', yLabel: 'f', yLog: true, label: 'f against step' });
  const sizeChart = lineChart(panel('Size of each step, |Δ| per coordinate (log scale)'), { xLabel: 'step', yLabel: '|Δ|', yLog: true, label: 'step size against step' });
  const ratePanel = panel('Effective learning rate per coordinate (log scale)');
  const rateChart = lineChart(ratePanel, { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective learning rate against step' });
  const rateNote = el('p', { className: 'note' });
  ratePanel.append(rateNote);
  const work = el('figure', { className: 'panel work-panel' }, el('figcaption', {}, 'The current step, worked with the core’s numbers'));
  const workBody = el('div', { className: 'work' });
  work.append(workBody);
  container.append(work);

  // ----- computing (in the core: model.js)
  function readFields() {
    const two = objective.value === 'valley';
    const v = readSettings(settings, { x0: fields.x0, b0: fields.b0, lr: fields.lr, steps: fields.steps }, { skip: (k) => k === 'b0' && !two });
    return v && configOf({ ...v, f: objective.value });
  }
  const compute = (cfg) => pitfallRun(lab, cfg);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid runs.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const field = { lr: 'lr', x0: 'x0', steps: 'steps', scale: 'x0' }[fieldOfMessage(msg)] || 'lr';
      // x0 messages name the coordinate: x0[1] is b₀
      fields[/^x0\[1\]/.test(msg) ? 'b0' : field].error(pageWords(msg, coreNames));
      formMessage.textContent = 'The core refused this setting; the figure still shows the last valid runs.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    caption.textContent = pitfallStory(run).caption;
    report();
    transport.load(run.last);
    announce();
    return true;
  }

  function report() {
    onState({ f: objective.value, x0: fields.x0.text.trim(), b0: fields.b0.text.trim(), lr: fields.lr.text.trim(), steps: fields.steps.text.trim(), speed: transport.speed });
  }

  // ----- reading the runs (all values from the core; a step's size is the difference of two
  // consecutive positions the core returned)
  const at = (r, t, i) => r.params[Math.min(t, r.stepsTaken) * run.dim + i];
  const stepSize = (r, t, i) => Math.abs(at(r, t, i) - at(r, t - 1, i));
  const rateAt = (r, t, i) => r.rates[(t - 1) * run.dim + i];
  const stopped = (r) => r.divergedAt !== null && r.divergedAt !== undefined;

  function show() {
    if (!run) return;
    const { good, bad, dim, names } = run;
    const xDomain = [0, Math.max(1, run.steps)];
    const shown = (r) => Math.min(step, r.stepsTaken) + 1;
    const coordSeries = (make) => {
      const out = [];
      for (let i = 0; i < dim; i++) {
        const n = dim > 1 ? ` (${names[i]})` : '';
        out.push(make(good, i, { label: `AdaGrad${n}`, color: colors.adagrad, dash: i ? [8, 4] : null, width: i ? 1.8 : 2.2 }));
        out.push(make(bad, i, { label: `forgetful${n}`, color: BUG, dash: (i ? optimizerStyles.forgetful2 : optimizerStyles.forgetful).dash, width: 2 }));
      }
      return out;
    };
    const styles = coordSeries((r, i, style) => ({ ...style, y: [] }));
    const legendFor = `${dim}|${run.lr}`;
    if (legendFor !== legendKey) {
      legendKey = legendFor;
      legend.replaceChildren(dashLegend([...styles, { label: `η = ${short(run.lr)} (step sizes)`, color: colors.curve, width: 1.5 }]));
    }
    const markers = [];
    for (const [r, name] of [[good, 'AdaGrad'], [bad, 'forgetful']]) {
      if (stopped(r) && step >= r.divergedAt) markers.push({ x: r.divergedAt, text: `${name} diverged at step ${r.divergedAt}`, color: colors.danger });
    }

    // positions: the axis covers both full paths (steady while playing), clipped at 2 × the start
    const limit = 2 * Math.max(...run.x0.map(Math.abs)) || 1;
    let lo = 0, hi = 0;
    for (const r of [good, bad]) for (const v of r.params) if (Number.isFinite(v)) { lo = Math.min(lo, Math.max(v, -limit)); hi = Math.max(hi, Math.min(v, limit)); }
    posChart({
      xDomain, yDomain: niceDomain(lo, hi), markers, yLabel: dim > 1 ? 'w and b' : 'x',
      series: coordSeries((r, i, style) => ({ ...style, y: Float64Array.from({ length: r.stepsTaken + 1 }, (_, t) => r.params[t * dim + i]), count: shown(r), last: true, lastRadius: 3 })),
      description: describe('position'),
    });
    fChart({
      xDomain, markers,
      series: [
        { label: 'AdaGrad', color: colors.adagrad, y: good.values, count: shown(good), last: true, lastRadius: 3 },
        { label: 'forgetful', color: BUG, dash: optimizerStyles.forgetful.dash, y: bad.values, count: shown(bad), last: true, lastRadius: 3 },
      ],
      description: `f after ${step} steps: AdaGrad ${short(good.values[shown(good) - 1], 3)}, forgetful ${short(bad.values[shown(bad) - 1], 3)}.`,
    });
    const perStep = (r, i, fn) => ({ x: Float64Array.from({ length: r.stepsTaken }, (_, t) => t + 1), y: Float64Array.from({ length: r.stepsTaken }, (_, t) => fn(r, t + 1, i)) });
    sizeChart({
      xDomain, markers,
      series: [
        { label: `η = ${short(run.lr)}`, color: colors.curve, width: 1, x: [0, xDomain[1]], y: [run.lr, run.lr] },
        ...coordSeries((r, i, style) => ({ ...style, ...perStep(r, i, stepSize), count: Math.min(step, r.stepsTaken), last: true, lastRadius: 3 })),
      ],
      description: step ? `Step ${step} moved AdaGrad by ${sizes(good)} and the forgetful run by ${sizes(bad)}; η is ${short(run.lr)}.` : 'No step taken yet.',
    });
    // The forgetful rate is η/(|g| + ε): where a coordinate lands almost on the minimum, g ≈ 0 and
    // it soars (the step stays η). The axis stops at 1000·η and a note gives the peak instead of
    // squeezing every other line into a few pixels.
    const cap = 1000 * run.lr;
    let low = Infinity, peak = null;
    for (const r of [good, bad]) for (let k = 0; k < r.rates.length; k++) {
      const v = r.rates[k];
      if (!(v > 0) || !Number.isFinite(v)) continue;
      low = Math.min(low, v);
      if (v > cap && (!peak || v > peak.v)) peak = { v, t: Math.floor(k / dim) + 1, i: k % dim, r };
    }
    rateChart({
      xDomain, markers,
      yDomain: peak && Number.isFinite(low) ? [Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(cap)))] : undefined,
      series: coordSeries((r, i, style) => ({ ...style, ...perStep(r, i, rateAt), count: Math.min(step, r.stepsTaken), last: true, lastRadius: 3 })),
      description: step ? `Effective rate at step ${step}: AdaGrad ${rates(good)}, forgetful ${rates(bad)}.` : 'No step taken yet.',
    });
    rateNote.textContent = peak
      ? `Off the top: the ${peak.r === bad ? 'forgetful' : 'AdaGrad'} rate for ${names[peak.i]} reaches ${short(peak.v, 3)} at step ${peak.t}, where ${names[peak.i]} landed almost on 0, so |g| was tiny; the step itself stayed ${peak.r === bad ? 'η' : 'small'}.`
      : '';
    showWork();
    readout.replaceChildren(...readoutParts());
  }
  const within = (r) => Math.min(step, r.stepsTaken);
  const sizes = (r) => run.names.map((n, i) => `${run.dim > 1 ? `${n} ` : ''}${short(stepSize(r, within(r), i), 3)}`).join(', ');
  const rates = (r) => run.names.map((n, i) => `${run.dim > 1 ? `${n} ` : ''}${short(rateAt(r, within(r), i), 3)}`).join(', ');
  function describe() {
    const pos = (r) => run.names.map((n, i) => `${n} = ${short(at(r, step, i), 4)}`).join(', ');
    return `After ${step} steps AdaGrad is at ${pos(run.good)}; the forgetful run at ${pos(run.bad)}.`;
  }

  function readoutParts() {
    const { good, bad } = run;
    const part = (r, name, cls) => {
      const out = [el('span', { className: cls }, name)];
      if (stopped(r) && step >= r.divergedAt) return [...out, ' ', el('span', { className: 'danger' }, `diverged at step ${r.divergedAt}`)];
      out.push(` ${run.names.map((n, i) => `${n} = ${short(at(r, step, i), 4)}`).join(', ')}`);
      if (step > 0) out.push(`, last step ${sizes(r)}`);
      return out;
    };
    return [el('strong', {}, `Step ${step} of ${run.steps}`), ' · ', ...part(good, 'AdaGrad', 'key-adagrad'), ' · ', ...part(bad, 'forgetful', 'key-bug')];
  }

  // The update of the shown step for the first coordinate, in numbers: the correct run's G from
  // the step table; the forgetful run's from a brand-new optimizer stepped once from where the
  // forgetful run stood (its G is then this step's g² alone, as in the bug).
  function showWork() {
    const t = step;
    const name = run.names[0];
    if (t === 0) { workBody.replaceChildren(el('p', { className: 'note' }, 'Step 0: nothing computed yet. Press Step to see the first update of both runs.')); return; }
    const blocks = [];
    const goodRow = run.tables[0][Math.min(t, run.tables[0].length) - 1];
    if (t <= run.good.stepsTaken && goodRow) {
      const prevG = t > 1 ? run.tables[0][t - 2].sum : 0;
      blocks.push(el('div', { className: 'work-block' },
        el('p', { className: 'work-title key-adagrad' }, `AdaGrad, step ${t}: G keeps growing`),
        mline('pitfall.total', { t: String(t), prev: String(t - 1) }),
        cont(mline('pitfall.totalAt', { prevG: num(prevG, 5), g: short(goodRow.grad, 5), G: short(goodRow.sum, 5) })),
        mline(`pitfall.step.${name}`, { t: String(t) }),
        cont(mline('pitfall.stepAt', { rate: num(goodRow.effective_rate, 4), g: num(goodRow.grad, 4), step: short(goodRow.update, 4) }))));
    }
    if (t <= run.bad.stepsTaken) {
      // the forgetful step, from its own trajectory: this step's gradient, its G (g² alone, as in
      // the bug) and its rate
      const k = (t - 1) * run.dim;
      const g = run.bad.grads[k], G = run.bad.moments[k], rate = run.bad.rates[k];
      const update = at(run.bad, t, 0) - at(run.bad, t - 1, 0);
      const isEta = Math.abs(Math.abs(update) - run.lr) <= ETA_SHARE * run.lr;
      blocks.push(el('div', { className: 'work-block' },
        el('p', { className: 'work-title key-bug' }, `Forgetful, step ${t}: G starts from 0 again`),
        mline('pitfall.forgotten', { t: String(t) }),
        cont(mline('pitfall.forgottenAt', { g: short(g, 5), G: short(G, 5) })),
        mline(`pitfall.forgetfulStep.${name}`, { t: String(t) }),
        cont(mline('pitfall.stepAt', { rate: num(rate, 4), g: num(g, 4), step: short(update, 4) })),
        el('p', { className: 'note' }, isEta ? `|Δ${name}| = ${short(Math.abs(update), 4)}: η = ${short(run.lr)} again, whatever the gradient.`
          : `|Δ${name}| = ${short(Math.abs(update), 4)}, less than η = ${short(run.lr)}: this gradient was within a hundred ε of 0.`)));
    }
    workBody.replaceChildren(...blocks);
  }

  function announce() { if (run) live.textContent = readout.textContent; }

  if (!recompute()) restoreDefaults(fields, defaults, () => { objective.set(defaults.f); showB0(); return recompute(); }, formMessage, 'runs');

  return function update(next = {}) {
    if (next.f !== undefined && OBJECTIVES[next.f]) { objective.set(next.f); showB0(); }
    for (const k of ['x0', 'b0', 'lr', 'steps']) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.speed !== undefined && SPEEDS.includes(next.speed)) transport.setSpeed(next.speed);
    recompute();
  };
}

// one line of a worked formula: inline MathML in its own block, so it sits flush left
function mline(key, slots) { return el('div', { className: 'mline wraps' }, ...formulaPieces(key, slots)); }

// a continuation line of a worked formula (its numbers), indented under the symbols
function cont(node) { node.classList.add('cont'); return node; }

// a number for a formula: negative ones in parentheses, so "− 0.4 · (−0.8)" reads right
function num(v, digits) { return signed(short(v, digits), v); }
