// Part A of the update figure: ε outside the root (PyTorch) against ε inside it (the notebook,
// Keras 3, Optax), on f(x) = x² from a tiny start, where G stays tiny for a while, and from
// x₀ = 5, where it never is. Trajectories and rates come from lab.runQuadratic; "the same G"
// comparison from two real optimizers, one per placement, fed identical gradients
// (lab.quadraticGradient along the outside run); the rate-against-G curves from one step of each
// placement on a vector of gradients whose squares span many powers of ten.
import { el } from '../../ui/dom.js';
import { numberField, fieldOfMessage, messageOf } from '../../ui/controls.js';
import { readFields as readSettings } from '../../settings.js';
import { settings, SPEEDS, placementCoreNames } from './settings.js';
import { pageWords } from '../../ui/pagewords.js';
import { stepper } from '../../ui/runstepper.js';
import { formula as typeset } from '../../ui/math.js';
import { lineChart } from '../../draw/linechart.js';
import { decadeFormat, logDomain } from '../../draw/decades.js';
import { colors } from '../../draw/colors.js';
import { niceDomain } from '../../draw/scale.js';
import { short } from '../../format.js';
import { segmentsToNodes } from '../../story/segments.js';
import { fromStart, curves } from './model.js';
import { placementStory, pct } from './story.js';

export const OUT = { color: colors.adagrad, dash: null, label: 'ε outside: η / (√G + ε)' };
export const IN = { color: colors.orange, dash: [6, 3], label: 'ε inside: η / √(G + ε)' };
const TINY = { color: colors.ink, dash: null };
const BIG = { color: colors.other, dash: [2, 3] };

/** fields: the part's inputs; returns {root, recompute, values(), set(state)}. */
export function placementPart(lab, s, report) {
  let run = null;
  const fields = {
    lr: numberField({ label: 'learning rate η', name: 'lr', value: s.lr, onCommit: () => recompute(), slide: settings.get('lr')?.slide }),
    eps: numberField({ label: 'ε', name: 'eps', value: s.eps, onCommit: () => recompute(), slide: settings.get('eps')?.slide }),
    tiny: numberField({ label: 'tiny start x₀', name: 'tiny', value: s.tiny, onCommit: () => recompute(), slide: settings.get('tiny')?.slide }),
    big: numberField({ label: 'ordinary start x₀', name: 'big', value: s.big, onCommit: () => recompute(), slide: settings.get('big')?.slide }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: () => recompute(), slide: settings.get('steps')?.slide }),
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Replay of both placements', speed: s.speed, speeds: SPEEDS.map((v) => [v, `${v} steps/s`]),
    show: () => draw(), onStop: () => announce(), onSpeed: () => report(),
  });
  const grid = el('div', { className: 'figure-grid two' });
  const panel = (heading) => { const f = el('figure', { className: 'panel' }, el('figcaption', {}, heading)); grid.append(f); return f; };
  const heads = { tinyX: el('span'), bigX: el('span'), tinyR: el('span'), bigR: el('span') };
  const xTiny = lineChart(panel(['x against step, from ', heads.tinyX]), { xLabel: 'step', yLabel: 'x', label: 'x from the tiny start, both placements' });
  const xBig = lineChart(panel(['x against step, from ', heads.bigX]), { xLabel: 'step', yLabel: 'x', label: 'x from the ordinary start, both placements' });
  const rTiny = lineChart(panel(['Each run’s effective rate, from ', heads.tinyR]), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rates from the tiny start' });
  const rBig = lineChart(panel(['Each run’s effective rate, from ', heads.bigR]), { xLabel: 'step', yLabel: 'rate', yLog: true, label: 'effective rates from the ordinary start' });
  const relChart = lineChart(panel('How much the placement changes the rate, at the same G'), { xLabel: 'step', yLabel: '|inside / outside − 1|', yLog: true, label: 'relative difference of the two placements at the same G' });
  const curveChart = lineChart(panel('The rate as a function of G (both axes logarithmic)'), { xLabel: 'log₁₀ G', yLabel: 'rate', yLog: true, label: 'effective rate against G for both placements' });
  const formula = el('div', { className: 'formula update-formula' });
  const worked = el('figure', { className: 'panel formula-panel update-worked' }, el('figcaption', {}, 'The current step, worked out at the same G'), formula);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  const root = el('div', { className: 'update-part' },
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the placement comparison' },
      fields.lr.root, fields.eps.root, fields.tiny.root, fields.big.root, fields.steps.root),
    formMessage, transport.root, grid, worked, readout, live, explain);

  const readFields = () => readSettings(settings, fields);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid run.'; return false; }
    let next, which = 'tiny';
    try {
      const tiny = fromStart(lab, cfg, cfg.tiny);
      which = 'big';
      const big = fromStart(lab, cfg, cfg.big);
      next = { cfg, tiny, big, curve: curves(lab, cfg) };
    } catch (error) {
      const msg = messageOf(error);
      const name = fieldOfMessage(msg);
      const k = name === 'x0' ? which : { lr: 'lr', eps: 'eps', steps: 'steps' }[name];
      const said = pageWords(msg, placementCoreNames(which));
      if (k) {
        fields[k].error(said);
        formMessage.textContent = 'The core refused this setting; the figure still shows the last valid run.';
      } else {
        formMessage.textContent = said;
      }
      return false;
    }
    formMessage.textContent = '';
    run = next;
    for (const [k, v] of Object.entries({ tinyX: cfg.tiny, bigX: cfg.big, tinyR: cfg.tiny, bigR: cfg.big })) heads[k].textContent = `x₀ = ${short(v)}`;
    report();
    transport.load(cfg.steps);
    explainRun();
    announce();
    return true;
  }

  function draw() {
    if (!run) return;
    const t = transport.step;
    const { cfg } = run;
    const xDomain = [0, Math.max(1, cfg.steps)];
    const shown = (r) => Math.min(t, r.stepsTaken) + 1;
    const diverged = (r) => (r.divergedAt !== null && r.divergedAt !== undefined && t >= r.divergedAt
      ? [{ x: r.divergedAt, text: `diverged at step ${r.divergedAt}`, color: colors.danger }] : []);
    const xPanel = (chart, start) => {
      let lo = Infinity, hi = -Infinity;
      for (const r of [start.out, start.inn]) for (const v of r.params) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      chart({
        xDomain, yDomain: lo < hi ? niceDomain(lo, hi, 4) : [lo - 1, hi + 1],
        series: [
          { ...OUT, y: start.out.params, count: shown(start.out), last: true, lastRadius: 3.5 },
          { ...IN, y: start.inn.params, count: shown(start.inn), last: true, lastRadius: 3.5 },
        ],
        markers: [...diverged(start.out), ...diverged(start.inn)],
        description: `From x₀ = ${short(start.x0)}, after ${t} steps: ε outside x = ${short(start.out.params[shown(start.out) - 1])}, ε inside x = ${short(start.inn.params[shown(start.inn) - 1])}.`,
      });
    };
    xPanel(xTiny, run.tiny);
    xPanel(xBig, run.big);
    const steps1 = (r) => Float64Array.from({ length: r.stepsTaken }, (_, i) => i + 1);
    const ratePanel = (chart, start) => {
      const d = logDomain([start.out.rates, start.inn.rates]);
      const c = (r) => Math.min(t, r.stepsTaken);
      chart({
        xDomain, yDomain: d, yFormat: decadeFormat(d, 4),
        series: [
          { ...OUT, x: steps1(start.out), y: start.out.rates, count: c(start.out), last: true, lastRadius: 3.5 },
          { ...IN, x: steps1(start.inn), y: start.inn.rates, count: c(start.inn), last: true, lastRadius: 3.5 },
        ],
        markers: [...diverged(start.out), ...diverged(start.inn)],
        description: t > 0 ? `From x₀ = ${short(start.x0)}, at step ${t} the rate is ${short(start.out.rates[c(start.out) - 1])} with ε outside and ${short(start.inn.rates[c(start.inn) - 1])} with ε inside.` : 'No step yet.',
      });
    };
    ratePanel(rTiny, run.tiny);
    ratePanel(rBig, run.big);

    const rd = logDomain([run.tiny.same.rel, run.big.same.rel], { floor: 1e-17 });
    relChart({
      xDomain, yDomain: rd, yFormat: decadeFormat(rd, 5),
      series: [
        { ...TINY, label: `from x₀ = ${short(cfg.tiny)}`, x: steps1(run.tiny.out), y: run.tiny.same.rel, count: Math.min(t, run.tiny.n), last: true, lastRadius: 3.5 },
        { ...BIG, label: `from x₀ = ${short(cfg.big)}`, x: steps1(run.big.out), y: run.big.same.rel, count: Math.min(t, run.big.n), last: true, lastRadius: 3.5 },
      ],
      description: t > 0 ? `At step ${t}, with the same G, the two placements' rates differ by ${pct(at(run.tiny.same.rel, t))} from the tiny start and ${pct(at(run.big.same.rel, t))} from the ordinary start.` : 'No step yet.',
    });

    const cv = run.curve;
    const cd = logDomain([cv.outside, cv.inside]);
    const gNow = t > 0 ? at(run.tiny.same.G, t) : null;
    curveChart({
      xDomain: [cv.logG[0], cv.logG[cv.logG.length - 2]], yDomain: cd, yFormat: decadeFormat(cd, 5),
      series: [
        { color: colors.muted, dash: [2, 3], width: 1.5, label: 'G = ε', x: [Math.log10(cfg.eps), Math.log10(cfg.eps)], y: cd },
        { ...OUT, x: cv.logG, y: cv.outside },
        { ...IN, x: cv.logG, y: cv.inside },
      ],
      markers: [
        ...(gNow > 0 ? [{ x: Math.log10(gNow), text: `tiny start, step ${t}`, color: TINY.color }] : []),
      ],
      description: `With η = ${short(cfg.lr)} and ε = ${short(cfg.eps)}: at G = 0 the rate would be ${short(cv.atZero.outside)} outside and ${short(cv.atZero.inside)} inside; for G far above ε the two curves meet.`,
    });

    formula.replaceChildren(...formulaFor(t));
    readout.replaceChildren(...readoutParts(t));
  }

  const at = (a, t) => a[Math.min(t, a.length) - 1];

  function formulaFor(t) {
    const { cfg } = run;
    const n = (v) => short(v, 4);
    if (t < 1) {
      return [el('p', { className: 'formula-note' }, 'Press Step or Play to fill both formulas in with each step’s G.'),
        typeset('eps.outsideNamed', {}, { display: true }), typeset('eps.insideNamed', {}, { display: true })];
    }
    const block = (start, name) => {
      if (t > start.n) return el('div', { className: 'update-block' }, el('p', { className: 'update-start' }, name), el('p', { className: 'danger' }, `diverged at step ${start.out.divergedAt}`));
      const G = start.same.G[t - 1], o = start.same.out[t - 1], i = start.same.in[t - 1];
      return el('div', { className: 'update-block' },
        el('p', { className: 'update-start' }, name),
        el('dl', { className: 'formula-lines update-lines' },
          el('dt', {}, 'running total'), el('dd', {}, typeset('eps.total', { t, G: n(G) })),
          el('dt', { className: 'eps-outside' }, 'ε outside'), el('dd', {}, typeset('eps.outsideAt', { lr: n(cfg.lr), G: n(G), eps: n(cfg.eps), rate: n(o) })),
          el('dt', { className: 'eps-inside' }, 'ε inside'), el('dd', {}, typeset('eps.insideAt', { lr: n(cfg.lr), G: n(G), eps: n(cfg.eps), rate: n(i) })),
          el('dt', {}, 'difference'), el('dd', {}, `${pct(start.same.rel[t - 1])}`)));
    };
    return [el('p', { className: 'formula-step' }, `Step ${t} of ${cfg.steps}`),
      el('div', { className: 'update-blocks' }, block(run.tiny, `from x₀ = ${short(cfg.tiny)}`), block(run.big, `from x₀ = ${short(cfg.big)}`))];
  }

  function readoutParts(t) {
    const { cfg } = run;
    const parts = [el('strong', {}, `Step ${t} of ${cfg.steps}`)];
    const xOf = (r) => (r.divergedAt !== null && r.divergedAt !== undefined && t >= r.divergedAt
      ? el('span', { className: 'danger' }, `diverged at step ${r.divergedAt}`) : `x = ${short(r.params[Math.min(t, r.stepsTaken)])}`);
    for (const [start, name] of [[run.tiny, 'tiny start'], [run.big, 'ordinary start']]) {
      parts.push(` · ${name}: `, xOf(start.out), ' (ε outside), ', xOf(start.inn), ' (ε inside)');
      if (t > 0 && t <= start.n) parts.push(`, same-G difference ${pct(start.same.rel[t - 1])}`);
    }
    return parts;
  }

  function announce() { if (run) live.textContent = readout.textContent; }

  function explainRun() {
    explain.replaceChildren(...placementStory(run).paragraphs.map((p) => el('p', {}, ...segmentsToNodes(p))));
  }

  return {
    root, recompute, transport,
    values() {
      const v = (k) => fields[k].text.trim();
      return { lr: v('lr'), eps: v('eps'), tiny: v('tiny'), big: v('big'), steps: v('steps'), speed: transport.speed };
    },
    set(next) {
      for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
      if (next.speed !== undefined) transport.setSpeed(next.speed);
    },
    fields,
    formMessage,
  };
}
