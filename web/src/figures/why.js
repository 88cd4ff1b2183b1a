// Figure 1: two parameters, one fed large gradients every step, one fed small gradients now and
// then (lab.gradientHistories). One real AdaGrad and one plain SGD (a single fixed η) are stepped
// on exactly those gradients, and the figure replays G, the effective rates and the steps each
// parameter gets. Every number is the core's: sum(), effectiveRate() and lastUpdate() of both.
import { el } from '../ui/dom.js';
import { numberField, selectField, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { readFields as readSettings } from '../settings.js';
import { segmentsToNodes } from '../story/segments.js';
import { settings, SPEEDS, coreNames } from './why/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { whyRun } from './why/model.js';
import { whyStory } from './why/story.js';
import { stepper } from '../ui/runstepper.js';
import { formula as typeset, formulaPieces, signed } from '../ui/math.js';
import { lineChart } from '../draw/linechart.js';
import { legend as keyLegend } from '../ui/legend.js';
import { decadeFormat, logDomain } from '../draw/decades.js';
import { colors, cssColor } from '../draw/colors.js';
import { niceDomain } from '../draw/scale.js';
import { short } from '../format.js';

export const key = 'why';
export const title = 'Why one learning rate is not enough';
export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? whyRun(lab, values) : null;
}
export const schema = settings.schema;
// The two parameters: colour and line style both differ, and the rare one's events carry dots.
const FREQ = { color: colors.orange, dash: null, label: 'frequent, large gradients (θ₁)' };
const RARE = { color: colors.blue, dash: [6, 3], label: 'rare, small gradients (θ₂)' };
const FIXED = { color: colors.other, dash: [2, 3], label: 'one fixed rate η (plain SGD)' };
const ADA = { color: colors.adagrad, dash: null, label: 'AdaGrad', width: 2.5 };

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;

  // ----- controls
  const fields = {
    lr: numberField({ label: 'learning rate η', name: 'lr', value: s.lr, onCommit: recompute, slide: settings.get('lr')?.slide }),
    eps: numberField({ label: 'ε', name: 'eps', value: s.eps, onCommit: recompute, slide: settings.get('eps')?.slide }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('steps')?.slide }),
    seed: numberField({ label: 'seed', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('seed')?.slide }),
    rare: numberField({ label: 'rare gradient’s probability', name: 'rare', value: s.rare, width: 's', onCommit: recompute, slide: settings.get('rare')?.slide }),
  };
  const scale = selectField({
    label: 'y scale of G, rate, step', name: 'scale', value: s.scale,
    options: [['linear', 'linear'], ['log', 'logarithmic']],
    onChange: () => { report(); showScale(); draw(); },
  });
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Replay of the gradient history', speed: s.speed,
    speeds: SPEEDS.map((v) => [v, `${v} steps/s`]),
    show: () => draw(), onStop: () => announce(), onSpeed: () => report(),
  });
  container.classList.add('why-fig');
  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the two gradient histories' },
      fields.lr.root, fields.eps.root, fields.steps.root, fields.seed.root, fields.rare.root, scale.root),
    formMessage, transport.root);

  // ----- charts
  const caption = el('p', { className: 'fig-caption' });
  const legend = keyLegend([
    { ...FREQ },
    { ...RARE, dots: true },
    { ...FIXED },
    { ...ADA },
  ], { label: 'Line styles in this figure' });
  const grid = el('div', { className: 'figure-grid three' });
  container.append(caption, legend, grid);
  const panel = (heading) => {
    const f = el('figure', { className: 'panel' }, el('figcaption', {}, heading));
    grid.append(f);
    return f;
  };
  const gradChart = lineChart(panel('(a) The gradients g, step by step'), { xLabel: 'step', yLabel: 'gradient g', label: 'gradients of both parameters' });
  // Panels whose y scale the reader can switch: a linear and a log chart each, one hidden.
  const switchable = (heading, opts) => {
    const f = panel(heading);
    const both = { linear: lineChart(f, { ...opts, yLog: false }), log: lineChart(f, { ...opts, yLog: true }) };
    const roots = [...f.querySelectorAll('.chart')];
    return {
      show(log) { roots[0].hidden = log; roots[1].hidden = !log; },
      draw(log, data) { both[log ? 'log' : 'linear'](data); },
    };
  };
  const sumChart = switchable('(b) AdaGrad’s running total G = Σ g²', { xLabel: 'step', yLabel: 'G', label: 'running totals G' });
  const rateChart = switchable('(c) Effective rate η / (√G + ε)', { xLabel: 'step', yLabel: 'rate', label: 'effective learning rates' });
  const fixedChart = switchable('(d) Step sizes |Δθ| with one fixed η (plain SGD)', { xLabel: 'step', yLabel: '|Δθ|', label: 'step sizes with a fixed rate' });
  const adaChart = switchable('(e) Step sizes |Δθ| with AdaGrad', { xLabel: 'step', yLabel: '|Δθ|', label: 'step sizes with AdaGrad' });
  const ratioChart = lineChart(panel('(f) How many times farther θ₁ has travelled than θ₂'), { xLabel: 'step', yLabel: 'Σ|Δθ₁| / Σ|Δθ₂|', yLog: true, label: 'ratio of the distances travelled' });
  const scaled = [sumChart, rateChart, fixedChart, adaChart];
  const formula = el('div', { className: 'formula why-formula' });
  const formulaPanel = el('figure', { className: 'panel formula-panel why-worked' }, el('figcaption', {}, 'The current step, worked out for each parameter'), formula);
  container.append(formulaPanel);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(readout, live, explain);

  // ----- reading the settings and computing (in the core)
  const readFields = () => readSettings(settings, fields);
  const compute = (cfg) => whyRun(lab, cfg);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid run.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const k = { lr: 'lr', eps: 'eps', steps: 'steps', seed: 'seed', rare_probability: 'rare' }[fieldOfMessage(msg)];
      const said = pageWords(msg, coreNames);
      if (k) fields[k].error(said); else formMessage.textContent = said;
      if (k) formMessage.textContent = 'The core refused this setting; the figure still shows the last valid run.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    prepare();
    report();
    transport.load(run.n);
    explainRun();
    announce();
    return true;
  }

  function report() {
    const v = (k) => fields[k].text.trim();
    onState({ lr: v('lr'), eps: v('eps'), steps: v('steps'), seed: v('seed'), rare: v('rare'), scale: scale.value, speed: transport.speed });
  }

  // Drawing-only preparation: x positions, the rare parameter's events, |Δθ| for the plots.
  function prepare() {
    const { n } = run;
    run.x = Float64Array.from({ length: n }, (_, i) => i + 1);
    const abs = (a) => a.map(Math.abs);
    run.absAda = run.ada.map(abs);
    run.absSgd = run.sgd.map(abs);
    const pick = (a) => Float64Array.from(run.rareSteps, (t) => a[t]);
    run.rareX = Float64Array.from(run.rareSteps, (t) => t + 1);
    run.rareG = pick(run.g[1]);
    run.rareAbsAda = pick(run.absAda[1]);
    run.rareAbsSgd = pick(run.absSgd[1]);
    // The rare parameter has no rate to speak of before its first gradient (G = 0: the core
    // reports η/ε, multiplied by g = 0): leave those steps out of the rate plot.
    const first = run.rareSteps.length ? run.rareSteps[0] : n;
    run.rareRate = run.rate[1].map((v, t) => (t < first ? NaN : v));
    run.rareG0 = run.G[1].map((v, t) => (t < first ? NaN : v));
    // How many times farther θ₁ went (the model gives the distances travelled, Σ|Δθ|).
    const ratio = (pair) => pair[0].map((v, t) => (pair[1][t] > 0 ? v / pair[1][t] : NaN));
    run.ratio = { sgd: ratio(run.far.sgd), ada: ratio(run.far.ada) };
  }

  const yFor = (values, log, { floor = 1e-12 } = {}) => {
    if (log) {
      const d = logDomain(values, { floor });
      return { yDomain: d, yFormat: decadeFormat(d, 5) };
    }
    let hi = 0;
    for (const list of values) for (const v of list) if (Number.isFinite(v) && v > hi) hi = v;
    return { yDomain: niceDomain(0, hi || 1, 4) };
  };

  function showScale() { for (const c of scaled) c.show(scale.value === 'log'); }

  function draw() {
    if (!run) return;
    const t = transport.step;
    const k = run.rareUpTo[t];  // rare events shown so far
    const log = scale.value === 'log';
    const xDomain = [0, Math.max(1, run.n)];
    const { x } = run;
    const cursor = (values, i) => (t > 0 && Number.isFinite(values[t - 1]) ? values[t - 1] : null);
    const word = (v) => (v === null ? 'none yet' : short(v));

    let glo = 0, ghi = 0;
    for (const list of run.g) for (const v of list) { glo = Math.min(glo, v); ghi = Math.max(ghi, v); }
    gradChart({
      xDomain, yDomain: niceDomain(glo, ghi, 4),
      series: [
        { color: FREQ.color, x, y: run.g[0], count: t, width: 1.5, last: true, lastRadius: 3.5 },
        ...lollipops(run.rareX, run.rareG, 0, k),
      ],
      description: t > 0 ? `Gradients at step ${t}: frequent parameter ${short(run.g[0][t - 1])}, rare parameter ${short(run.g[1][t - 1])}; the rare one has had ${k} non-zero gradients so far.` : 'No step yet.',
    });

    sumChart.draw(log, {
      xDomain, ...yFor([run.G[0], run.rareG0], log, { floor: 1e-6 }),
      series: [
        { color: FREQ.color, x, y: run.G[0], count: t, last: true, lastRadius: 3.5 },
        { color: RARE.color, dash: RARE.dash, x, y: run.rareG0, count: t, last: true, lastRadius: 3.5 },
      ],
      description: `G after step ${t}: frequent ${word(cursor(run.G[0]))}, rare ${word(cursor(run.rareG0))}.`,
    });

    rateChart.draw(log, {
      xDomain, ...yFor([run.rate[0], run.rareRate, [run.cfg.lr]], log),
      series: [
        { color: FIXED.color, dash: FIXED.dash, x: [0, run.n], y: [run.cfg.lr, run.cfg.lr], width: 1.5 },
        { color: FREQ.color, x, y: run.rate[0], count: t, last: true, lastRadius: 3.5 },
        { color: RARE.color, dash: RARE.dash, x, y: run.rareRate, count: t, last: true, lastRadius: 3.5 },
      ],
      description: `Effective rates after step ${t}: frequent ${word(cursor(run.rate[0]))}, rare ${word(cursor(run.rareRate))}; the fixed rate is ${short(run.cfg.lr)}.`,
    });

    // Both step-size panels share one y axis, so their heights compare directly.
    const steps = yFor([run.absSgd[0], run.absAda[0], run.rareAbsAda, run.rareAbsSgd], log, { floor: 1e-8 });
    const base = log ? steps.yDomain[0] : 0;
    const stepSeries = (abs, rareAbs) => [
      { color: FREQ.color, x, y: abs[0], count: t, width: 1.25, last: true, lastRadius: 3 },
      ...lollipops(run.rareX, rareAbs, base, k),
    ];
    fixedChart.draw(log, {
      xDomain, ...steps, series: stepSeries(run.absSgd, run.rareAbsSgd),
      description: t > 0 ? `With one fixed rate, step ${t} moves the frequent parameter by ${short(run.absSgd[0][t - 1])} and the rare one by ${short(run.absSgd[1][t - 1])}.` : 'No step yet.',
    });
    adaChart.draw(log, {
      xDomain, ...steps, series: stepSeries(run.absAda, run.rareAbsAda),
      description: t > 0 ? `With AdaGrad, step ${t} moves the frequent parameter by ${short(run.absAda[0][t - 1])} and the rare one by ${short(run.absAda[1][t - 1])}.` : 'No step yet.',
    });

    const rd = logDomain([run.ratio.sgd, run.ratio.ada, [1]]);
    ratioChart({
      xDomain, yDomain: rd, yFormat: decadeFormat(rd, 5),
      series: [
        { color: colors.muted, x: [0, run.n], y: [1, 1], width: 1 },
        { color: FIXED.color, dash: FIXED.dash, x, y: run.ratio.sgd, count: t, last: true, lastRadius: 3.5 },
        { color: ADA.color, x, y: run.ratio.ada, count: t, width: ADA.width, last: true, lastRadius: 3.5 },
      ],
      description: t > 0 && Number.isFinite(run.ratio.sgd[t - 1])
        ? `After ${t} steps θ₁ has travelled ${times(run.ratio.sgd[t - 1], 1)} as far as θ₂ with one fixed rate, and ${times(run.ratio.ada[t - 1], 1)} as far with AdaGrad.`
        : 'θ₂ has not moved yet.',
    });

    formula.replaceChildren(...formulaFor(t));
    readout.replaceChildren(...readoutParts(t));
  }

  // How far each parameter has travelled over the steps shown (sums of the core's |Δθ|).
  function travelled(t) {
    const at = (a) => (t > 0 ? a[t - 1] : 0);
    return { sgd: run.far.sgd.map(at), ada: run.far.ada.map(at) };
  }
  const times = (a, b) => (b > 0 ? `${short(a / b, 3)}×` : '—');

  function readoutParts(t) {
    const d = travelled(t);
    return [
      el('strong', {}, `Step ${t} of ${run.n}`), ' · distance travelled so far, Σ|Δθ|: ',
      el('span', { className: 'why-key-fixed' }, 'fixed η'), ` frequent ${short(d.sgd[0], 4)}, rare ${short(d.sgd[1], 4)} (ratio ${times(d.sgd[0], d.sgd[1])}) · `,
      el('span', { className: 'key-adagrad' }, 'AdaGrad'), ` frequent ${short(d.ada[0], 4)}, rare ${short(d.ada[1], 4)} (ratio ${times(d.ada[0], d.ada[1])})`,
    ];
  }

  // The update rule filled in with step t's numbers, for each parameter.
  function formulaFor(t) {
    if (t < 1) {
      return [el('p', { className: 'formula-note' }, 'Press Step or Play: each step fills in the rule for both parameters.'),
        typeset('why.total', {}, { display: true }), typeset('why.step', {}, { display: true })];
    }
    const i0 = t - 1;
    const n = (v) => short(v, 4);
    const paren = (v) => signed(n(v), v);
    const tagged = (v, k) => ({ text: n(v), data: { key: k, value: v } });
    const { lr, eps } = run.cfg;
    const block = (i, name) => {
      const idx = String(i + 1);
      const head = el('p', { className: 'why-param', style: `--param:${cssColor(i ? RARE.color : FREQ.color)}` }, name);
      // the rule at step k (0-based); the current step's numbers carry data-key for the tests
      const linesAt = (k, current) => {
        const g = run.g[i][k], G = run.G[i][k], prev = k > 0 ? run.G[i][k - 1] : 0;
        const key = (v, name) => (current ? tagged(v, name) : n(v));
        const lines = [
          ['running total', formulaPieces('why.totalAt', { i: idx, prev: n(prev), g: paren(g), G: key(G, `G-${i + 1}`) })],
          ['its rate', formulaPieces('why.rateAt', { lr: n(lr), G: n(G), eps: n(eps), rate: key(run.rate[i][k], `rate-${i + 1}`) })],
          ['AdaGrad step', formulaPieces('why.adaAt', { i: idx, rate: n(run.rate[i][k]), g: paren(g), step: n(run.ada[i][k]) })],
          ['fixed-η step', formulaPieces('why.sgdAt', { i: idx, lr: n(lr), g: paren(g), step: n(run.sgd[i][k]) })],
        ];
        return el('dl', { className: 'formula-lines why-lines' }, lines.map(([label, body]) => [el('dt', {}, label), el('dd', { className: 'wraps' }, ...body)]));
      };
      if (run.g[i][i0] !== 0) return el('div', { className: 'why-block' }, head, linesAt(i0, true));
      let k = i0;
      while (k >= 0 && run.g[i][k] === 0) k--;
      const sub2 = i ? '₂' : '₁';
      const note = el('p', { className: 'formula-note' },
        `No gradient this step: G${sub2} stays ${short(run.G[i][i0], 4)} and θ${sub2} does not move under either rule.`,
        k >= 0 ? ` Its latest gradient came at step ${k + 1}:` : '');
      return el('div', { className: 'why-block' }, head, note, k >= 0 ? linesAt(k, false) : null);
    };
    return [el('p', { className: 'formula-step' }, `Step ${t} of ${run.n}`),
      el('div', { className: 'why-blocks' }, block(0, 'θ₁, frequent'), block(1, 'θ₂, rare'))];
  }

  function announce() {
    if (!run) return;
    const t = transport.step;
    const parts = [readout.textContent];
    if (t > 0) parts.push(`Rates now: frequent ${short(run.rate[0][t - 1])}, rare ${Number.isFinite(run.rareRate[t - 1]) ? short(run.rareRate[t - 1]) : 'none yet'}.`);
    live.textContent = parts.join(' ');
  }

  function explainRun() {
    const story = whyStory(run);
    caption.textContent = story.caption;
    explain.replaceChildren(...story.paragraphs.map((p) => el('p', {}, ...segmentsToNodes(p))));
  }

  showScale();
  if (!recompute()) {
    restoreDefaults(fields, defaults, () => { scale.set(defaults.scale); showScale(); return recompute(); }, formMessage, 'run');
  }

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the figure. */
  return function update(next = {}) {
    for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.scale !== undefined) { scale.set(next.scale); showScale(); }
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    recompute();
  };
}

/** The rare parameter's events as stems from `base` up to each value, with a dot on top:
 *  line segments separated by gaps (NaN lifts the pen), drawing only. */
function lollipops(xs, ys, base, count) {
  const n = xs.length, sx = new Float64Array(3 * n), sy = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    sx[3 * i] = sx[3 * i + 1] = xs[i]; sx[3 * i + 2] = NaN;
    sy[3 * i] = base; sy[3 * i + 1] = ys[i]; sy[3 * i + 2] = NaN;
  }
  return [
    { color: RARE.color, x: sx, y: sy, count: 3 * count, width: 2 },
    { color: RARE.color, x: xs, y: ys, count, dots: true, dotsOnly: true },
  ];
}
