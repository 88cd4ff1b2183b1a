// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Figure 10: AdaGrad's effective rate only falls. A long run on the stretched bowl
// f(w, b) = w² + 10 b² from a far start, AdaGrad against RMSProp and Adam with the same η
// (lab.runQuadratic: paths, values, per-step effective rates and AdaGrad's G as the
// trajectory's moments; see fading/model.js); the article's simpler
// demonstration, each optimizer fed the same pure N(0, 1) gradients (the x column of
// lab.makeRegressionDataset({kind: 'line'})); and how far AdaGrad gets for each η.
import { el } from '../ui/dom.js';
import { numberField, selectField, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { stepper } from '../ui/runstepper.js';
import { formulaPieces } from '../ui/math.js';
import { lineChart } from '../draw/linechart.js';
import { legend as keyLegend } from '../ui/legend.js';
import { decadeFormat, logDomain } from '../draw/decades.js';
import { colors } from '../draw/colors.js';
import { optimizerStyles } from '../draw/optimizer-styles.js';
import { short } from '../format.js';
import { readFields as readSettings } from '../settings.js';
import { segmentsToNodes } from '../story/segments.js';
import { settings, SPEEDS, coreNames } from './fading/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { fadingRuns, sweepSteps, SWEEP_RUNS, KINDS, RANDOM_STEPS } from './fading/model.js';
import { fadingStory, NAMES, FLOOR } from './fading/story.js';
import { hasDiverged } from '../story/steps.js';

export const key = 'fading';
export const title = 'The learning rate that fades away';
export const defaults = settings.defaults;

/** AdaGrad's, RMSProp's and Adam's runs for the figure's settings (texts as in a link) as plain
 *  data, for the JSON export. */
export function results(/** @type {AdagradLab.Lab} */ lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? fadingRuns(lab, configOf(values)) : null;
}

/** The model's configuration from the parsed settings (the view's and the export's). */
const configOf = (v) => ({ w0: v.w0, b0: v.b0, steps: v.steps, seed: v.seed, lr: { adagrad: v.ada, rmsprop: v.rms, adam: v.adam } });
export const schema = settings.schema;

const FIELD_OF_KIND = { adagrad: 'ada', rmsprop: 'rms', adam: 'adam' };
const GUIDE = { color: colors.muted, dash: [1, 4], width: 1.5, label: 'η / √t: AdaGrad fed |g| = 1 every step' };

const style = (kind) => ({ color: optimizerStyles[kind].color, dash: optimizerStyles[kind].dash, width: kind === 'adagrad' ? 2.5 : 2 });

export function render(/** @type {HTMLElement} */ container, /** @type {AdagradLab.Lab} */ lab,
  /** @type {import('../registry.js').RenderOptions} */ { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;
  let sweep = null, sweepKey = '';
  /** The sweep being computed, a few runs per task: {key, it (sweepSteps), done, timer}. */
  let job = null;

  const fields = {
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute, slide: settings.get('w0')?.slide }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute, slide: settings.get('b0')?.slide }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('steps')?.slide }),
    ada: numberField({ label: 'AdaGrad η', name: 'ada', value: s.ada, width: 's', onCommit: recompute, slide: settings.get('ada')?.slide }),
    rms: numberField({ label: 'RMSProp η', name: 'rms', value: s.rms, width: 's', onCommit: recompute, slide: settings.get('rms')?.slide }),
    adam: numberField({ label: 'Adam η', name: 'adam', value: s.adam, width: 's', onCommit: recompute, slide: settings.get('adam')?.slide }),
    seed: numberField({ label: 'seed of the random gradients', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('seed')?.slide }),
  };
  const param = selectField({
    label: 'rates of', name: 'param', value: s.param, options: [['w', 'w (gentle direction)'], ['b', 'b (steep direction)']],
    onChange: () => { report(); draw(); explainRun(); },
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
  const sweepPanel = panel(['How close each optimizer gets in the whole run, for each η', sweepNote]);
  const sweepChart = lineChart(sweepPanel, { xLabel: 'log₁₀ η', yLabel: 'final distance', yLog: true, label: 'final distance to the minimum against the learning rate' });
  const formula = el('div', { className: 'formula fading-formula' });
  panel('The three rates at the current step').append(formula);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(readout, live, explain);

  function readFields() {
    const v = readSettings(settings, fields);
    return v && configOf(v);
  }

  // The η sweep (48 whole runs) is recomputed only when the start or the length changes. It runs
  // a few runs per task (about 30 ms each), so the page answers while it is computed (at 20 000
  // steps it takes over a second); a newer start or length abandons it for its own.
  const sweepKeyOf = (cfg) => `${cfg.w0}|${cfg.b0}|${cfg.steps}`;
  // while it runs, its chart and the words (whose last paragraph is about it) are marked busy
  const sweeping = (on) => { for (const n of [sweepPanel, explain]) { if (on) n.setAttribute('aria-busy', 'true'); else n.removeAttribute('aria-busy'); } };
  function scheduleSweep() {
    sweeping(true);
    if (job?.timer) return;
    if (!job || job.key !== sweepKeyOf(run.cfg)) job = { key: sweepKeyOf(run.cfg), it: sweepSteps(lab, run.cfg), done: 0, timer: 0 };
    job.timer = setTimeout(pumpSweep, 0);
  }
  const sweepProgress = () => `Running every η: ${job?.done ?? 0} of ${SWEEP_RUNS} runs…`;
  function pumpSweep() {
    job.timer = 0;
    if (run.sweep) { job = null; sweeping(false); return; }
    if (job.key !== sweepKeyOf(run.cfg)) { job = null; scheduleSweep(); return; }
    const t0 = performance.now();
    let r;
    try {
      // (past the last run only the result is left to take: never a task that says "48 of 48")
      do { r = job.it.next(); } while (!r.done && (performance.now() - t0 < 30 || r.value === SWEEP_RUNS));
    } catch (error) { sweepNote.textContent = messageOf(error); job = null; sweeping(false); return; }
    if (!r.done) {
      job.done = r.value;
      sweepNote.textContent = sweepProgress();
      scheduleSweep();
      return;
    }
    sweep = r.value; sweepKey = job.key; job = null;
    run.sweep = sweep;
    sweeping(false);
    draw();
    explainRun();
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid run.'; return false; }
    let next;
    try {
      next = fadingRuns(lab, cfg);
      next.sweep = sweepKeyOf(cfg) === sweepKey ? sweep : null;
    } catch (error) {
      const msg = messageOf(error);
      const name = fieldOfMessage(msg);
      const k = name === 'lr' ? FIELD_OF_KIND[error.kind] : name === 'x0' ? (/x0\[1\]/.test(msg) ? 'b0' : 'w0') : { steps: 'steps', seed: 'seed', n_samples: 'steps' }[name];
      const said = pageWords(msg, coreNames(error.kind));
      if (k && fields[k]) { fields[k].error(said); formMessage.textContent = 'The core refused this setting; the figure still shows the last valid run.'; }
      else formMessage.textContent = said;
      return false;
    }
    formMessage.textContent = '';
    run = next;
    prepare();
    report();
    transport.load(cfg.steps);
    explainRun();
    announce();
    // The η sweep is the slowest part (48 whole runs): it follows in later tasks, so the rest of
    // the figure is on screen first.
    if (!run.sweep) scheduleSweep();
    return true;
  }

  function report() {
    const v = (k) => fields[k].text.trim();
    onState({ w0: v('w0'), b0: v('b0'), steps: v('steps'), ada: v('ada'), rms: v('rms'), adam: v('adam'), param: param.value, seed: v('seed'), speed: transport.speed });
  }

  // Drawing-only preparation: the step numbers of each series.
  function prepare() {
    const { runs } = run;
    run.x = {}; run.xr = {};
    for (const kind of KINDS) {
      const r = runs[kind];
      run.x[kind] = Float64Array.from({ length: r.stepsTaken + 1 }, (_, i) => i);
      run.xr[kind] = Float64Array.from({ length: r.stepsTaken }, (_, i) => i + 1);
    }
    run.steps1 = Float64Array.from({ length: RANDOM_STEPS }, (_, i) => i + 1);
  }

  const floorAt = (values) => values.map((v) => (v >= 0 && v < FLOOR ? FLOOR : v));
  const rateFloorAt = (values) => values.map((v) => (v > 0 && v < FLOOR ? FLOOR : v));
  const diverged = hasDiverged;

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
      // a rate below the floor sits on the bottom edge as the note says; a rate of 0 (G = ∞) is not drawn
      series: KINDS.map((k) => ({ ...style(k), x: run.xr[k], y: rateFloorAt(run.rate[k][c]), count: Math.min(t, runs[k].stepsTaken), last: true, lastRadius: 3.5 })),
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
    sweepNote.textContent = sw ? '' : sweepProgress();
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
    const at = (k, lr) => sw[k][sw.eta.findIndex((v) => Math.abs(Math.log10(v) - Math.log10(lr)) < 1e-9)];
    return `at distance ${short(at('adagrad', 0.1))} with η = 0.1, ${short(at('adagrad', 1))} with η = 1 and ${short(at('adagrad', 10))} with η = 10.`;
  }

  function formulaFor(t) {
    const { cfg, runs, G } = run;
    const c = param.value === 'b' ? 1 : 0;
    const name = c ? 'b' : 'w';
    const n = (v) => short(v, 4);
    if (t < 1) {
      return [el('p', { className: 'formula-note' }, 'Press Step or Play: the rates fill in with each step’s numbers.')];
    }
    const ta = Math.min(t, runs.adagrad.stepsTaken);
    if (ta < 1 || KINDS.some((k) => runs[k].stepsTaken < 1)) {
      return [el('p', { className: 'formula-note' }, 'No step was taken: see the diverged runs in the readout.')];
    }
    const Gt = G[2 * (ta - 1) + c];
    const rate = (k) => run.rate[k][c][Math.min(t, runs[k].stepsTaken) - 1];
    const tagged = (v, k) => ({ text: n(v), data: { key: k, value: v } });
    return [
      el('p', { className: 'formula-step' }, `Step ${t} of ${cfg.steps}, parameter ${name}`),
      el('dl', { className: 'formula-lines fading-lines' },
        el('dt', {}, 'AdaGrad’s total'), el('dd', { className: 'wraps' }, ...formulaPieces(`fading.total.${name}`, { t: String(ta), G: tagged(Gt, 'G') })),
        el('dt', {}, 'AdaGrad'), el('dd', { className: 'wraps' }, ...formulaPieces('fading.adagrad', { lr: n(cfg.lr.adagrad), G: n(Gt), rate: tagged(rate('adagrad'), 'rate-adagrad') })),
        el('dt', {}, 'RMSProp'), el('dd', { className: 'wraps' }, ...formulaPieces(`fading.rmsprop.${name}`, { lr: n(cfg.lr.rmsprop), rate: tagged(rate('rmsprop'), 'rate-rmsprop') })),
        el('dt', {}, 'Adam'), el('dd', { className: 'wraps' }, ...formulaPieces(`fading.adam.${name}`, { lr: n(cfg.lr.adam), rate: tagged(rate('adam'), 'rate-adam') }))),
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
    const story = fadingStory(run, param.value === 'b' ? 1 : 0);
    caption.textContent = story.caption;
    floorNote.textContent = story.floorNote;
    explain.replaceChildren(...story.paragraphs.map((p) => el('p', {}, ...segmentsToNodes(p))));
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
