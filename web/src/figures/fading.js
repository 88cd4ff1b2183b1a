// Figure 10: AdaGrad's effective rate only falls. A long run on the stretched bowl
// f(w, b) = w² + 10 b² from a far start, AdaGrad against RMSProp and Adam with the same η
// (lab.runQuadratic: paths, values and per-step effective rates; AdaGrad's G from a real
// optimizer stepped on lab.quadraticGradient along the same path); the article's simpler
// demonstration, each optimizer fed the same pure N(0, 1) gradients (the x column of
// lab.makeRegressionDataset({kind: 'line'})); and how far AdaGrad gets for each η.
import { el } from '../ui/dom.js';
import { numberField, selectField, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { stepper } from '../ui/runstepper.js';
import { m, math, row, mi, mn, mo, frac, sqrt, sub, sup } from '../ui/math.js';
import { lineChart } from '../draw/linechart.js';
import { keyLegend } from '../draw/keylegend.js';
import { decadeFormat, logDomain } from '../draw/decades.js';
import { colors } from '../draw/colors.js';
import { optimizerStyles } from '../draw/optimizer-styles.js';
import { number, whole, oneOf } from '../state.js';
import { short } from '../format.js';

export const key = 'fading';
export const title = 'The learning rate that fades away';
export const defaults = { w0: '30', b0: '20', steps: '3000', ada: '0.1', rms: '0.1', adam: '0.1', param: 'w', seed: '42', speed: '250' };
const SPEEDS = ['50', '100', '250', '500', '1000', '2500'];
export const schema = {
  w0: number, b0: number, steps: whole, ada: number, rms: number, adam: number,
  param: oneOf(['w', 'b']), seed: whole, speed: oneOf(SPEEDS),
};

const SCALES = [1, 10];                        // f(w, b) = w² + 10 b²
const KINDS = ['adagrad', 'rmsprop', 'adam'];
const NAMES = { adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' };
const FIELD_OF_KIND = { adagrad: 'ada', rmsprop: 'rms', adam: 'adam' };
const GUIDE = { color: colors.muted, dash: [1, 4], width: 1.5, label: 'η / √t: AdaGrad fed |g| = 1 every step' };
const MAX_STEPS = 20000;
const MAX_SEED = 4294967295;
const RANDOM_STEPS = 1000;                    // the article's demonstration: 1000 random gradients
const FLOOR = 1e-16;                           // log axes stop here; smaller values sit on the floor
const SWEEP = Array.from({ length: 16 }, (_, i) => Math.pow(10, -3 + i / 3));  // η from 0.001 to 100

const style = (kind) => ({ color: optimizerStyles[kind].color, dash: optimizerStyles[kind].dash, width: kind === 'adagrad' ? 2.5 : 2 });

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;
  let sweep = null, sweepKey = '';

  const fields = {
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute }),
    ada: numberField({ label: 'AdaGrad η', name: 'ada', value: s.ada, width: 's', onCommit: recompute }),
    rms: numberField({ label: 'RMSProp η', name: 'rms', value: s.rms, width: 's', onCommit: recompute }),
    adam: numberField({ label: 'Adam η', name: 'adam', value: s.adam, width: 's', onCommit: recompute }),
    seed: numberField({ label: 'seed of the random gradients', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute }),
  };
  const param = selectField({
    label: 'rates of', name: 'param', value: s.param, options: [['w', 'w (gentle direction)'], ['b', 'b (steep direction)']],
    onChange: () => { report(); draw(); },
  });
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Replay of the long run', speed: s.speed, speeds: SPEEDS.map((v) => [v, `${v} steps/s`]),
    show: () => draw(), onStop: () => announce(), onSpeed: () => report(),
  });
  container.classList.add('fading-fig');
  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the long run' },
      fields.w0.root, fields.b0.root, fields.steps.root, fields.ada.root, fields.rms.root, fields.adam.root, param.root, fields.seed.root),
    formMessage, transport.root);

  const caption = el('p', { className: 'fig-caption' });
  const legend = keyLegend([...KINDS.map((k) => ({ ...style(k), label: NAMES[k] })), GUIDE], { label: 'Line styles in this figure' });
  const grid = el('div', { className: 'figure-grid two' });
  const floorNote = el('p', { className: 'note' });
  container.append(caption, legend, floorNote, grid);
  const panel = (heading) => { const f = el('figure', { className: 'panel' }, el('figcaption', {}, heading)); grid.append(f); return f; };
  const lossChart = lineChart(panel('Loss f(w, b) = w² + 10b², log scale'), { xLabel: 'step', yLabel: 'f', yLog: true, label: 'loss against step' });
  const distChart = lineChart(panel('Distance to the minimum (0, 0), log scale'), { xLabel: 'step', yLabel: 'distance', yLog: true, label: 'distance to the minimum against step' });
  const rateHead = el('span');
  const rateChart = lineChart(panel(['Effective learning rate of ', rateHead, ', log scale']), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rates against step' });
  const randomChart = lineChart(panel('The same optimizers fed 1000 pure random gradients g ~ N(0, 1)'), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rates on random gradients' });
  const sweepNote = el('p', { className: 'note', 'aria-live': 'polite' });
  const sweepChart = lineChart(panel(['How close each optimizer gets in the whole run, for each η', sweepNote]), { xLabel: 'log₁₀ η', yLabel: 'final distance', yLog: true, label: 'final distance to the minimum against the learning rate' });
  const formula = el('div', { className: 'formula fading-formula' });
  panel('The three rates at the current step').append(formula);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(readout, live, explain);

  function readFields() {
    return readForm((read) => ({
      w0: read(fields.w0, (t) => parseNumber(t, 'w₀')),
      b0: read(fields.b0, (t) => parseNumber(t, 'b₀')),
      steps: read(fields.steps, (t) => parseWhole(t, 'steps', { min: 2, max: MAX_STEPS })),
      lr: { adagrad: read(fields.ada, (t) => parseNumber(t, 'η')), rmsprop: read(fields.rms, (t) => parseNumber(t, 'η')), adam: read(fields.adam, (t) => parseNumber(t, 'η')) },
      seed: read(fields.seed, (t) => parseWhole(t, 'seed', { min: 0, max: MAX_SEED })),
    }));
  }

  // AdaGrad's own G along its path: a real optimizer stepped on the core's gradients at each
  // point of the run. f is a sum over coordinates, so one quadraticGradient call over the whole
  // path (its scales repeated once per step) gives every step's gradient at once.
  function adagradSums(cfg, path, n) {
    if (n < 1) return new Float64Array(0);
    const scales = new Float64Array(2 * n);
    for (let t = 0; t < n; t++) { scales[2 * t] = SCALES[0]; scales[2 * t + 1] = SCALES[1]; }
    const grads = lab.quadraticGradient(scales, path.subarray(0, 2 * n));
    const opt = lab.createOptimizer({ kind: 'adagrad', lr: cfg.lr.adagrad });
    try {
      const p = new Float64Array([cfg.w0, cfg.b0]), G = new Float64Array(2 * n);
      for (let t = 0; t < n; t++) {
        opt.step(p, grads.subarray(2 * t, 2 * t + 2));
        G.set(opt.sum(), 2 * t);
      }
      return G;
    } finally { opt.delete(); }
  }

  // The article's demonstration: 1000 gradients drawn from N(0, 1), each optimizer's rate.
  // AdaGrad gets two parameters, the random gradient and a constant 1 (whose rate is η/√t).
  function randomRates(cfg) {
    const n = RANDOM_STEPS;
    const g = lab.makeRegressionDataset({ kind: 'line', n_samples: n, noise: 0, seed: cfg.seed }).x;
    const opts = KINDS.map((k) => lab.createOptimizer({ kind: k, lr: cfg.lr[k] }));
    try {
      const out = { g, adagrad: new Float64Array(n), rmsprop: new Float64Array(n), adam: new Float64Array(n), guide: new Float64Array(n) };
      const two = new Float64Array(2), pair = new Float64Array([0, 1]), one = new Float64Array(1);
      for (let t = 0; t < n; t++) {
        pair[0] = g[t];
        opts[0].step(two, pair);
        const r = opts[0].effectiveRate();
        out.adagrad[t] = r[0]; out.guide[t] = r[1];
        const gt = g.subarray(t, t + 1);
        opts[1].step(one, gt); out.rmsprop[t] = opts[1].effectiveRate()[0];
        opts[2].step(one, gt); out.adam[t] = opts[2].effectiveRate()[0];
      }
      return out;
    } finally { for (const o of opts) o.delete(); }
  }

  // Final distance after the whole run, for every η in SWEEP (recomputed only when the start
  // or the length changes).
  function sweepFor(cfg) {
    const k = `${cfg.w0}|${cfg.b0}|${cfg.steps}`;
    if (k === sweepKey) return sweep;
    const res = { logEta: SWEEP.map((v) => Math.log10(v)) };
    for (const kind of KINDS) {
      res[kind] = SWEEP.map((lr) => {
        const r = lab.runQuadratic({ scales: SCALES, x0: [cfg.w0, cfg.b0], steps: cfg.steps, optimizer: { kind, lr } });
        if (r.divergedAt !== null && r.divergedAt !== undefined) return NaN;
        const n = r.stepsTaken;
        return Math.hypot(r.params[2 * n], r.params[2 * n + 1]);
      });
    }
    sweepKey = k; sweep = res;
    return res;
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid run.'; return false; }
    let next;
    let current = 'w0';
    try {
      const runs = {};
      for (const kind of KINDS) {
        current = FIELD_OF_KIND[kind];
        runs[kind] = lab.runQuadratic({ scales: SCALES, x0: [cfg.w0, cfg.b0], steps: cfg.steps, optimizer: { kind, lr: cfg.lr[kind] } });
      }
      current = 'seed';
      const random = randomRates(cfg);
      const n = runs.adagrad.stepsTaken;
      const k = `${cfg.w0}|${cfg.b0}|${cfg.steps}`;
      next = { cfg, runs, G: adagradSums(cfg, runs.adagrad.params, n), random, sweep: k === sweepKey ? sweep : null };
    } catch (error) {
      const msg = messageOf(error);
      const name = fieldOfMessage(msg);
      const k = name === 'lr' ? current : name === 'x0' ? (/x0\[1\]/.test(msg) ? 'b0' : 'w0') : { steps: 'steps', seed: 'seed', n_samples: 'steps' }[name];
      if (k && fields[k]) { fields[k].error(msg); formMessage.textContent = 'The core refused this setting; the figure still shows the last valid run.'; }
      else formMessage.textContent = msg;
      return false;
    }
    formMessage.textContent = '';
    run = next;
    prepare();
    report();
    transport.load(cfg.steps);
    explainRun();
    announce();
    // The η sweep is the slowest part (48 whole runs): it follows in its own task, so the rest of
    // the figure is on screen first. A newer run makes a pending sweep moot.
    if (!run.sweep) {
      const mine = run;
      setTimeout(() => {
        if (run !== mine) return;
        try { mine.sweep = sweepFor(mine.cfg); } catch (error) { sweepNote.textContent = messageOf(error); return; }
        draw();
        explainRun();
      }, 0);
    }
    return true;
  }

  function report() {
    const v = (k) => fields[k].text.trim();
    onState({ w0: v('w0'), b0: v('b0'), steps: v('steps'), ada: v('ada'), rms: v('rms'), adam: v('adam'), param: param.value, seed: v('seed'), speed: transport.speed });
  }

  // Drawing-only preparation: step numbers, distances to (0, 0), each coordinate's rates.
  function prepare() {
    const { runs } = run;
    run.x = {}; run.xr = {}; run.dist = {}; run.rate = {};
    for (const kind of KINDS) {
      const r = runs[kind];
      run.x[kind] = Float64Array.from({ length: r.stepsTaken + 1 }, (_, i) => i);
      run.xr[kind] = Float64Array.from({ length: r.stepsTaken }, (_, i) => i + 1);
      run.dist[kind] = Float64Array.from({ length: r.stepsTaken + 1 }, (_, i) => Math.hypot(r.params[2 * i], r.params[2 * i + 1]));
      run.rate[kind] = [0, 1].map((c) => Float64Array.from({ length: r.stepsTaken }, (_, i) => r.rates[2 * i + c]));
    }
    run.steps1 = Float64Array.from({ length: RANDOM_STEPS }, (_, i) => i + 1);
  }

  const floorAt = (values) => values.map((v) => (v >= 0 && v < FLOOR ? FLOOR : v));
  const diverged = (r) => r.divergedAt !== null && r.divergedAt !== undefined;

  function draw() {
    if (!run) return;
    const t = transport.step;
    const { cfg, runs } = run;
    const c = param.value === 'b' ? 1 : 0;
    rateHead.textContent = c ? 'b' : 'w';
    const xDomain = [0, Math.max(1, cfg.steps)];
    const upTo = (r) => Math.min(t, r.stepsTaken) + 1;
    const markers = KINDS.filter((k) => diverged(runs[k]) && t >= runs[k].divergedAt)
      .map((k) => ({ x: runs[k].divergedAt, text: `${NAMES[k]} diverged at step ${runs[k].divergedAt}`, color: colors.danger }));

    const ld = logDomain(KINDS.map((k) => runs[k].values), { floor: FLOOR });
    lossChart({
      xDomain, yDomain: ld, yFormat: decadeFormat(ld, 5), markers,
      series: KINDS.map((k) => ({ ...style(k), x: run.x[k], y: floorAt(runs[k].values), count: upTo(runs[k]), last: true, lastRadius: 3.5 })),
      description: `Loss after ${t} steps: ${KINDS.map((k) => `${NAMES[k]} ${short(runs[k].values[upTo(runs[k]) - 1])}`).join(', ')}.`,
    });
    const dd = logDomain(KINDS.map((k) => run.dist[k]), { floor: FLOOR });
    distChart({
      xDomain, yDomain: dd, yFormat: decadeFormat(dd, 5), markers,
      series: KINDS.map((k) => ({ ...style(k), x: run.x[k], y: floorAt(run.dist[k]), count: upTo(runs[k]), last: true, lastRadius: 3.5 })),
      description: `Distance to the minimum after ${t} steps: ${KINDS.map((k) => `${NAMES[k]} ${short(run.dist[k][upTo(runs[k]) - 1])}`).join(', ')}.`,
    });
    const rd = logDomain(KINDS.map((k) => run.rate[k][c]), { floor: FLOOR });
    rateChart({
      xDomain, yDomain: rd, yFormat: decadeFormat(rd, 5),
      series: KINDS.map((k) => ({ ...style(k), x: run.xr[k], y: run.rate[k][c], count: Math.min(t, runs[k].stepsTaken), last: true, lastRadius: 3.5 })),
      description: t > 0 ? `Effective rate of ${c ? 'b' : 'w'} at step ${t}: ${KINDS.map((k) => `${NAMES[k]} ${short(run.rate[k][c][Math.min(t, runs[k].stepsTaken) - 1])}`).join(', ')}.` : 'No step yet.',
    });
    const R = run.random;
    const qd = logDomain([R.adagrad, R.rmsprop, R.adam, R.guide]);
    const tr = Math.min(t, RANDOM_STEPS);  // this panel has its own 1000 steps
    randomChart({
      xDomain: [0, RANDOM_STEPS], yDomain: qd, yFormat: decadeFormat(qd, 5),
      series: [
        { ...GUIDE, x: run.steps1, y: R.guide, count: tr },
        ...KINDS.map((k) => ({ ...style(k), x: run.steps1, y: R[k], count: tr, last: true, lastRadius: 3.5 })),
      ],
      description: tr > 0 ? `On random N(0, 1) gradients, at step ${tr}: ${KINDS.map((k) => `${NAMES[k]} ${short(R[k][tr - 1])}`).join(', ')}; η/√t is ${short(R.guide[tr - 1])}.` : 'No step yet.',
    });
    const sw = run.sweep;
    sweepNote.textContent = sw ? '' : 'Running every η…';
    if (sw) drawSweep(sw);
    formula.replaceChildren(...formulaFor(t));
    readout.replaceChildren(...readoutParts(t));
  }

  function drawSweep(sw) {
    const { cfg } = run;
    const sd = logDomain(KINDS.map((k) => sw[k]), { floor: FLOOR });
    const etaMarkers = [...new Set(KINDS.map((k) => cfg.lr[k]))].filter((v) => v > 0)
      .map((v) => ({ x: Math.log10(v), text: `η = ${short(v)}`, color: colors.ink }));
    sweepChart({
      xDomain: [sw.logEta[0], sw.logEta[sw.logEta.length - 1]], yDomain: sd, yFormat: decadeFormat(sd, 5),
      series: KINDS.map((k) => ({ ...style(k), x: sw.logEta, y: floorAt(sw[k]), dots: true })),
      markers: etaMarkers,
      description: `After ${cfg.steps} steps from (${short(cfg.w0)}, ${short(cfg.b0)}), AdaGrad ends ${sweepWords()}`,
    });
  }

  function sweepWords() {
    const sw = run.sweep;
    const at = (k, lr) => sw[k][SWEEP.findIndex((v) => Math.abs(Math.log10(v) - Math.log10(lr)) < 1e-9)];
    return `at distance ${short(at('adagrad', 0.1))} with η = 0.1, ${short(at('adagrad', 1))} with η = 1 and ${short(at('adagrad', 10))} with η = 10.`;
  }

  function formulaFor(t) {
    const { cfg, runs, G } = run;
    const c = param.value === 'b' ? 1 : 0;
    const name = c ? 'b' : 'w';
    const n = (v) => mn(short(v, 4));
    if (t < 1) {
      return [el('p', { className: 'formula-note' }, 'Press Step or Play: the rates fill in with each step’s numbers.')];
    }
    const ta = Math.min(t, runs.adagrad.stepsTaken);
    if (ta < 1 || KINDS.some((k) => runs[k].stepsTaken < 1)) {
      return [el('p', { className: 'formula-note' }, 'No step was taken: see the diverged runs in the readout.')];
    }
    const Gt = G[2 * (ta - 1) + c];
    const rate = (k) => run.rate[k][c][Math.min(t, runs[k].stepsTaken) - 1];
    const sym = (base) => sub(mi(base), mi(name));
    const tagged = (v, k) => { const node = n(v); node.setAttribute('data-key', k); node.setAttribute('data-value', String(v)); return node; };
    return [
      el('p', { className: 'formula-step' }, `Step ${t} of ${cfg.steps}, parameter ${name}`),
      el('dl', { className: 'formula-lines fading-lines' },
        el('dt', {}, 'AdaGrad’s total'), el('dd', {}, math(false, row(sym('G'), mo('='), sup(sub(mi('g'), mn('1')), mn('2')), mo('+'), mo('⋯'), mo('+'), sup(sub(mi('g'), mn(String(ta))), mn('2')), mo('='), tagged(Gt, 'G')))),
        el('dt', {}, 'AdaGrad'), el('dd', {}, math(false, row(frac(n(cfg.lr.adagrad), row(sqrt(n(Gt)), mo('+'), mi('ε'))), mo('='), tagged(rate('adagrad'), 'rate-adagrad')))),
        el('dt', {}, 'RMSProp'), el('dd', {}, math(false, row(frac(n(cfg.lr.rmsprop), row(sqrt(sym('v')), mo('+'), mi('ε'))), mo('='), tagged(rate('rmsprop'), 'rate-rmsprop')))),
        el('dt', {}, 'Adam'), el('dd', {}, math(false, row(frac(n(cfg.lr.adam), row(mo('('), mn('1'), mo('−'), m('msubsup', mi('β'), mn('1'), mi('t')), mo(')'), mo('('), sqrt(sub(mi('v̂'), mi(name))), mo('+'), mi('ε'), mo(')'))), mo('='), tagged(rate('adam'), 'rate-adam'))))),
      el('p', { className: 'formula-note' },
        'G is a sum: it can only grow. RMSProp’s v and Adam’s v̂ are running averages that forget old gradients (α = 0.99, β₂ = 0.999), so their rates can rise again when the gradients shrink. ',
        'The core reports v and v̂ only through these rates.'),
    ];
  }

  function readoutParts(t) {
    const { runs, cfg } = run;
    const parts = [el('strong', {}, `Step ${t} of ${cfg.steps}`)];
    for (const k of KINDS) {
      const r = runs[k];
      parts.push(' · ', el('span', { className: `fading-key ${k}` }, NAMES[k]));
      if (diverged(r) && t >= r.divergedAt) parts.push(' ', el('span', { className: 'danger' }, `diverged at step ${r.divergedAt}`));
      else parts.push(` f = ${short(r.values[Math.min(t, r.stepsTaken)], 4)}, distance ${short(run.dist[k][Math.min(t, r.stepsTaken)], 4)}`);
    }
    return parts;
  }

  function announce() { if (run) live.textContent = readout.textContent; }

  function explainRun() {
    const { cfg, runs, random } = run;
    const N = cfg.steps;
    const end = (k) => Math.min(N, runs[k].stepsTaken);
    const a = runs.adagrad;
    const firstRate = run.rate.adagrad[0][0], lastRate = run.rate.adagrad[0][end('adagrad') - 1];
    const reach = (k) => { const d = run.dist[k]; for (let i = 0; i < d.length; i++) if (d[i] < 0.1) return i; return null; };
    const same = cfg.lr.adagrad === cfg.lr.rmsprop && cfg.lr.rmsprop === cfg.lr.adam;
    const far = (k) => run.dist[k][end(k)];
    const broken = KINDS.filter((k) => diverged(runs[k]));
    if (broken.length) {
      caption.textContent = `What to notice: ${broken.map((k) => `${NAMES[k]} diverged at step ${runs[k].divergedAt}`).join(', ')}; the numbers overflowed, so there is nothing to compare from here.`;
      floorNote.textContent = '';
      explain.replaceChildren(el('p', {},
        broken.map((k) => `${NAMES[k]} diverged at step ${runs[k].divergedAt}`).join('; '),
        ': a loss, gradient or parameter stopped being a finite number, and the core stopped the run before that step. Bring the start closer or η down.'));
      return;
    }
    caption.textContent = `What to notice: ${same ? `with the same η = ${short(cfg.lr.adagrad)} for all three` : 'with these learning rates'}, AdaGrad’s rate slides down without end and its run stalls ` +
      `${short(far('adagrad'), 3)} from the minimum; RMSProp’s and Adam’s rates follow the recent gradients instead, and both get there.`;
    let least = Infinity;
    for (const k of KINDS) for (const v of runs[k].values) if (v > 0 && v < least) least = v;
    floorNote.textContent = least < FLOOR
      ? `The log axes stop at 10⁻¹⁶; smaller values (the smallest loss here is ${short(least, 2)}) are drawn on the bottom edge.`
      : '';
    const p = [];
    const rr = reach('rmsprop'), ra = reach('adam'), rg = reach('adagrad');
    p.push(el('p', {},
      `From (${short(cfg.w0)}, ${short(cfg.b0)}), ${same ? `all three with η = ${short(cfg.lr.adagrad)}` : `with η = ${short(cfg.lr.adagrad)} (AdaGrad), ${short(cfg.lr.rmsprop)} (RMSProp) and ${short(cfg.lr.adam)} (Adam)`}: `,
      `after ${N} steps AdaGrad is still `, el('strong', { dataset: { value: String(far('adagrad')) } }, `${short(far('adagrad'), 3)} away`),
      ` from the minimum (loss ${short(a.values[end('adagrad')], 3)}). `,
      `RMSProp ${rr === null ? 'never comes within 0.1 of it' : `comes within 0.1 of it at step ${rr}`}, Adam ${ra === null ? 'never does' : `at step ${ra}`}`,
      rg === null ? '; AdaGrad never does. ' : `, AdaGrad at step ${rg}. `,
      `(RMSProp does not stay put: once the gradients are tiny its average forgets the large ones, its rate climbs, and it ends circling the minimum at distance ${short(far('rmsprop'), 2)}. `,
      'AdaGrad errs the other way: its rate can never climb back.)'));
    p.push(el('p', {},
      `The reason is in the rate panel. AdaGrad’s rate for w starts at ${short(firstRate, 3)} and ends at ${short(lastRate, 3)}: `,
      `${short(firstRate / lastRate, 3)} times smaller after ${N} steps (√${N} ≈ ${short(Math.sqrt(N), 3)}). `,
      'Its G adds every squared gradient and never lets one go, so while the run is far from the minimum the gradients stay large, G grows about in proportion to t, ',
      'and the rate falls like 1/√t. Steps of size about η/√t add up to only about 2η√t over t steps: the distance AdaGrad can still cover grows far more slowly than the number of steps.'));
    p.push(el('p', {},
      `Fed ${RANDOM_STEPS} pure random gradients, as in the article (fourth panel), the pattern is plain: at the end AdaGrad’s rate is ${short(random.adagrad[RANDOM_STEPS - 1], 3)}, next to η/√t = ${short(random.guide[RANDOM_STEPS - 1], 3)}, `,
      `while RMSProp’s is ${short(random.rmsprop[RANDOM_STEPS - 1], 3)} and Adam’s ${short(random.adam[RANDOM_STEPS - 1], 3)}: both settle near their η, because their averages track the recent size of the gradients instead of their total.`));
    const sw = run.sweep;
    const atEta = (lr) => sw.adagrad[SWEEP.findIndex((v) => Math.abs(Math.log10(v) - Math.log10(lr)) < 1e-9)];
    if (sw) p.push(el('p', {},
      `The last chart reruns all three for ${SWEEP.length} values of η. AdaGrad ends ${short(atEta(0.1), 3)} away with η = 0.1, ${short(atEta(1), 3)} with η = 1 and ${short(atEta(10), 3)} with η = 10: `,
      'on this bowl a large η rescues it, because its falling rate then acts as a ready-made schedule. But the η that works depends on how far the start is and how long the run lasts: the article’s third limitation.'));
    explain.replaceChildren(...p);
  }

  if (!recompute()) {
    restoreDefaults(fields, defaults, () => { param.set(defaults.param); return recompute(); }, formMessage, 'run');
  }

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the figure. */
  return function update(next = {}) {
    for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.param !== undefined) param.set(next.param);
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    recompute();
  };
}
