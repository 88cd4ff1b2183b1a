// Figure: six optimizers race down the stretched bowl f(w, b) = w² + 10b² from a start the reader
// drags. Paths, losses and AdaGrad's effective rates come from lab.runQuadratic; its running sums
// G from replaying the same run with lab.createOptimizer; the contours from lab.quadraticValueGrid.
import { el } from '../ui/dom.js';
import { numberField, button, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { racerList } from '../ui/racers.js';
import { stepper } from '../ui/runstepper.js';
import { math, row, mi, mn, mo, frac, sqrt, sub, sup } from '../ui/math.js';
import { contourPlot, latticeGrid } from '../draw/contour.js';
import { raceStyles } from '../draw/markers.js';
import { lineChart } from '../draw/linechart.js';
import { powerOfTen } from '../draw/powertick.js';
import { colors } from '../draw/colors.js';
import { number, whole, oneOf } from '../state.js';
import { short } from '../format.js';
import { raceRun, SCALES, FINISH, SPECS } from './race/model.js';
import { raceCaption, withinText } from './race/story.js';
import { divergedBy, shownCount as shownRows, rowAt } from '../story/steps.js';

export const key = 'race';
export const title = 'A race across a stretched bowl: w² + 10b²';

const BOX = { x_min: -5, x_max: 5, y_min: -2.5, y_max: 2.5 };
const MAX_STEPS = 1000;
const RACERS = [
  { id: 'gd', style: raceStyles.gd, name: 'Gradient descent', spec: SPECS.gd },
  { id: 'mom', style: raceStyles.momentum, name: 'Momentum', note: 'β = 0.9', spec: SPECS.mom },
  { id: 'nag', style: raceStyles.nesterov, name: 'Nesterov', note: 'β = 0.9', spec: SPECS.nag },
  { id: 'ada', style: raceStyles.adagrad, name: 'AdaGrad', spec: SPECS.ada },
  { id: 'rms', style: raceStyles.rmsprop, name: 'RMSProp', note: 'α = 0.99', spec: SPECS.rms },
  { id: 'adam', style: raceStyles.adam, name: 'Adam', note: 'β = 0.9, 0.999', spec: SPECS.adam },
];
const IDS = RACERS.map((r) => r.id);
const SPEEDS = [['2', '2 steps/s'], ['5', '5 steps/s'], ['10', '10 steps/s'], ['25', '25 steps/s'], ['100', '100 steps/s']];

// GD at 0.09, just under the 2/20 = 0.1 where the steep b axis stops converging; the momentum
// methods with the usual β = 0.9 and a rate that does not blow up; AdaGrad and Adam with a first
// step of 1.5 in each coordinate (their first step is η·sign(g)); RMSProp's first step is
// 10η·sign(g) with α = 0.99, so 0.15 gives it the same 1.5.
export const defaults = {
  w0: '-4.5', b0: '2', steps: '60', speed: '10',
  gd: '0.09', mom: '0.01', nag: '0.01', ada: '1.5', rms: '0.15', adam: '0.3', hide: '',
};
const idList = { pattern: new RegExp(`^((${IDS.join('|')})(,(${IDS.join('|')})){0,${IDS.length - 1}})?$`), what: `a list of ${IDS.join(', ')}` };
export const schema = {
  w0: number, b0: number, steps: whole, speed: oneOf(SPEEDS.map(([v]) => v)),
  ...Object.fromEntries(IDS.map((id) => [id, number])), hide: idList,
};

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;   // the last good computation: {cfg, runs: {id: trajectory}, sums, grads, finish}

  // ----- controls
  const racers = racerList({
    racers: RACERS.map((r) => ({ ...r, lr: s[r.id] })), label: 'The racers: click a name to hide or show it; η is its learning rate',
    onToggle: () => { report(); show(); }, onCommit: recompute,
  });
  for (const id of s.hide.split(',').filter(Boolean)) racers.setShown(id, false);
  const fields = {
    w0: numberField({ label: 'start w₀', name: 'w0', value: s.w0, width: 's', onCommit: recompute }),
    b0: numberField({ label: 'start b₀', name: 'b0', value: s.b0, width: 's', onCommit: recompute }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute }),
    ...racers.fields,
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const resetRates = button('Default η’s', () => {
    for (const id of IDS) { fields[id].set(defaults[id]); fields[id].ok(); }
    recompute();
  }, { name: 'default-rates' });

  const transport = stepper({
    label: 'Animation of the race', speeds: SPEEDS, speed: s.speed,
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
    'Paths on the contours of ', math(false, row(mi('f'), mo('='), sup(mi('w'), mn('2')), mo('+'), mn('10'), sup(mi('b'), mn('2')))),
    el('span', { className: 'hint' }, ' · drag ◯ or click to move the start')));
  const lossPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Loss f against step (log scale)'));
  grid.append(bowlPanel, lossPanel);
  const bowl = contourPlot(bowlPanel, {
    xLabel: 'w', yLabel: 'b', draggable: true, handleName: 'Start point of the race', step: 0.1,
    label: 'Contour plot of w² + 10b² with the optimizers’ paths', onStart: moveStart,
  });
  const lossChart = lineChart(lossPanel, { xLabel: 'step', yLabel: 'f(w, b)', yLog: true, label: 'loss against step' });
  lossPanel.append(el('p', { className: 'note' }, `Dotted line: the finish, f = 10⁻³.`));
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const formulaPanel = el('figure', { className: 'panel formula-panel' }, el('figcaption', {}, 'AdaGrad’s step, worked out'));
  const formula = el('div', { className: 'formula' });
  formulaPanel.append(formula);
  const explain = el('div', { className: 'explain' });
  container.append(caption, grid, readout, live, el('div', { className: 'race-lower' }, formulaPanel, explain));

  // the contours never change: compute them once
  const NX = 161, NY = 81;
  const surface = {
    values: lab.quadraticValueGrid(SCALES, latticeGrid(BOX, NX, NY)), nx: NX, ny: NY,
    floor: lab.quadraticValue(SCALES, [0, 0]), ratio: 2, count: 13,
  };
  let fieldSent = false;

  // ----- reading, computing, showing
  function readFields() {
    const inBox = (name, lo, hi) => (t) => {
      const r = parseNumber(t, name);
      if (!r.error && Number.isFinite(r.value) && (r.value < lo || r.value > hi)) return { error: `${name} must be between ${lo} and ${hi} on this page (the plot’s edges), got ${r.value}` };
      return r;
    };
    return readForm((read) => ({
      w0: read(fields.w0, inBox('start w₀', BOX.x_min, BOX.x_max)),
      b0: read(fields.b0, inBox('start b₀', BOX.y_min, BOX.y_max)),
      steps: read(fields.steps, (t) => parseWhole(t, 'steps', { min: 1, max: MAX_STEPS })),
      lr: Object.fromEntries(IDS.map((id) => [id, read(fields[id], (t) => parseNumber(t, 'η'))])),
    }));
  }

  const compute = (cfg) => raceRun(lab, cfg);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid race.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const name = (fieldOfMessage(msg) === 'lr' && error.racer) || { x0: /x0\[1\]/.test(msg) ? 'b0' : 'w0', steps: 'steps' }[fieldOfMessage(msg)];
      if (name && fields[name]) fields[name].error(msg); else formMessage.textContent = msg;
      if (name) formMessage.textContent = 'The core refused this setting; the figure still shows the last valid race.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    transport.load(cfg.steps);
    report();
    explainRun();
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
  let quiet = false;

  function report() {
    onState({
      w0: fields.w0.text.trim(), b0: fields.b0.text.trim(), steps: fields.steps.text.trim(), speed: transport.speed,
      ...Object.fromEntries(IDS.map((id) => [id, fields[id].text.trim()])), hide: racers.hidden().join(','),
    });
  }

  const diverged = (id, step) => divergedBy(run.runs[id], step);
  const shownCount = (id, step) => shownRows(run.runs[id], step);
  const at = (id, step) => rowAt(run.runs[id], step);  // the row shown at `step`

  function show() {
    if (!run) return;
    const step = transport.step;
    const { runs, cfg } = run;
    const visible = RACERS.filter((r) => racers.shown(r.id));
    const describe = visible.map((r) => {
      const i = at(r.id, step), p = runs[r.id].params;
      return diverged(r.id, step) ? `${r.name} diverged at step ${runs[r.id].divergedAt}`
        : `${r.name} at w = ${short(p[2 * i], 3)}, b = ${short(p[2 * i + 1], 3)}, f = ${short(runs[r.id].values[i], 3)}`;
    });
    bowl({
      box: BOX,
      field: fieldSent ? undefined : surface,
      paths: onTop(visible).map((r) => ({ params: runs[r.id].params, count: shownCount(r.id, step), color: r.style.color, dash: r.style.dash, width: r.style.width, marker: r.style.marker })),
      points: [{ x: 0, y: 0, shape: 'star', color: colors.ink }],
      start: { x: cfg.w0, y: cfg.b0 },
      description: `Contour plot of f = w² + 10b², w from −5 to 5 across, b from −2.5 to 2.5 up; the ellipses are √10 ≈ 3.2 times wider than tall. Start at w = ${short(cfg.w0)}, b = ${short(cfg.b0)}. After ${step} steps: ${describe.join('; ') || 'every optimizer is hidden'}.`,
    });
    fieldSent = true;

    let top = 1;
    for (const id of IDS) if (Number.isFinite(runs[id].values[0])) top = Math.max(top, runs[id].values[0]);
    const markers = visible.filter((r) => diverged(r.id, step))
      .map((r) => ({ x: runs[r.id].divergedAt, text: `${r.name} diverged at step ${runs[r.id].divergedAt}`, color: colors.danger }));
    lossChart({
      xDomain: [0, cfg.steps], yDomain: [1e-8, Math.pow(10, Math.ceil(Math.log10(top)))],
      series: [
        { color: colors.muted, dash: [1, 3], width: 1.5, x: [0, cfg.steps], y: [FINISH, FINISH] },
        ...onTop(visible).map((r) => ({ color: r.style.color, dash: r.style.dash, width: r.style.width ?? 2, y: runs[r.id].values, count: shownCount(r.id, step), last: true, lastRadius: 3.5 })),
      ],
      markers, yFormat: powerOfTen,
      description: `Loss against step on a log scale, ${step} of ${cfg.steps} steps shown. ${visible.map((r) => `${r.name}: ${statusText(r.id, step)}`).join('; ')}.`,
    });

    for (const r of RACERS) {
      const text = statusText(r.id, step);
      racers.setStatus(r.id, diverged(r.id, step) ? el('span', { className: 'danger' }, text) : text);
    }
    readout.replaceChildren(el('strong', {}, `Step ${step} of ${cfg.steps}`), ' · ', ...leaders(step));
    formula.replaceChildren(...formulaFor(step));
  }

  // AdaGrad drawn last, so the figure's subject is never hidden under a path that follows it
  const onTop = (list) => [...list.filter((r) => r.id !== 'ada'), ...list.filter((r) => r.id === 'ada')];

  function statusText(id, step) {
    const r = run.runs[id];
    if (diverged(id, step)) return `diverged at step ${r.divergedAt}`;
    if (r.values[at(id, step)] > r.values[0]) return `moving away · f = ${short(r.values[at(id, step)], 3)}`;
    const f = run.finish[id];
    if (f !== null && f <= step) return `finished at step ${f} · f = ${short(r.values[at(id, step)], 3)}`;
    return `f = ${short(r.values[at(id, step)], 3)}`;
  }

  function leaders(step) {
    const done = RACERS.filter((r) => racers.shown(r.id) && run.finish[r.id] !== null && run.finish[r.id] <= step && !diverged(r.id, run.finish[r.id]))
      .sort((a, b) => run.finish[a.id] - run.finish[b.id]);
    if (!done.length) return [`nobody is under f = 10⁻³ yet`];
    return ['under f = 10⁻³: ', ...done.flatMap((r, i) => [i ? ', ' : '', el('span', { className: 'racer-key', style: `--key:${r.style.color}` }, r.name), ` (step ${run.finish[r.id]})`])];
  }

  // AdaGrad's update at the shown step, every number from the core
  function formulaFor(step) {
    const { runs, sums, grads, cfg } = run;
    const ada = runs.ada;
    const t = Math.min(step, ada.stepsTaken);
    const symbolic = el('dl', { className: 'formula-lines' },
      el('dt', {}, 'running sums'), el('dd', {}, math(false, row(sub(mi('G'), mi('w')), mo('='), m('Σ'), sup(sub(mi('g'), mi('w')), mn('2')), mo(','), mspace(), sub(mi('G'), mi('b')), mo('='), m('Σ'), sup(sub(mi('g'), mi('b')), mn('2'))))),
      el('dt', {}, 'each step'), el('dd', {}, math(false, row(mi('w'), mo('←'), mi('w'), mo('−'), frac(mi('η'), row(sqrt(sub(mi('G'), mi('w'))), mo('+'), mi('ε'))), sub(mi('g'), mi('w')), mo(','), mspace(), mi('b'), mo('←'), mi('b'), mo('−'), frac(mi('η'), row(sqrt(sub(mi('G'), mi('b'))), mo('+'), mi('ε'))), sub(mi('g'), mi('b'))))));
    if (t < 1) return [symbolic, el('p', { className: 'formula-note' }, 'Press Step to fill these in with AdaGrad’s numbers.')];
    const n = (v) => mn(short(v, 4));
    const paren = (v) => (v < 0 ? row(mo('('), n(v), mo(')')) : n(v));
    const G = [sums[2 * t - 2], sums[2 * t - 1]], g = [grads[2 * t - 2], grads[2 * t - 1]], rate = [ada.rates[2 * t - 2], ada.rates[2 * t - 1]];
    const before = [ada.params[2 * t - 2], ada.params[2 * t - 1]], after = [ada.params[2 * t], ada.params[2 * t + 1]];
    const lines = [];
    ['w', 'b'].forEach((name, k) => {
      lines.push(
        el('dt', {}, `gradient of ${name}`),
        el('dd', {}, math(false, row(sub(mi('g'), mi(name)), mo('='), n(g[k])))),
        el('dt', {}, `G of ${name}`),
        el('dd', {}, math(false, row(sub(mi('G'), mi(name)), mo('='), n(G[k])))),
        el('dt', {}, `rate of ${name}`),
        el('dd', {}, math(false, row(frac(n(cfg.lr.ada), row(sqrt(n(G[k])), mo('+'), sup(mn('10'), row(mo('−'), mn('10'))))), mo('='), n(rate[k])))),
        el('dt', {}, `new ${name}`),
        // the result is its own inline piece, so a narrow panel wraps it to the next line instead
        // of cutting it off (at step 60 "= −3.093e-7" used to read "= −3")
        el('dd', { className: 'wraps' }, math(false, row(n(before[k]), mo('−'), n(rate[k]), mo('·'), paren(g[k]))), ' ',
          el('span', { className: 'formula-result' }, math(false, row(mo('='), n(after[k]))))));
    });
    const ratio = rate[0] / rate[1];
    const note = t === 1
      ? (g[0] !== 0 && g[1] !== 0
        ? `Step 1: G is just g², so each rate is η/|g| and each coordinate moves exactly η = ${short(cfg.lr.ada)}: the gradient’s size has cancelled.`
        : 'Step 1: G is just g², so a coordinate with a gradient moves exactly η; one whose gradient is 0 (the start sits on its axis) stays put.')
      : G[1] === 0 || G[0] === 0
        ? 'A coordinate whose gradients have all been 0 has G = 0: its rate is η/ε, but it has nothing to multiply.'
        : ratio > 1
          ? `b’s gradients have been larger, so G of b has grown faster and b’s rate is ${short(ratio, 3)}× smaller than w’s.`
          : `Here w’s gradients have added up to more than b’s, so w’s rate is the smaller one (b’s is ${short(1 / ratio, 3)}× w’s).`;
    return [el('p', { className: 'formula-step' }, `Step ${t}`), el('dl', { className: 'formula-lines' }, lines), el('p', { className: 'formula-note' }, note)];
  }
  const m = (t) => mo(t);
  const mspace = () => mo('\u2003');

  function explainRun() {
    const { runs, cfg, finish } = run;
    const gd = runs.gd, ada = runs.ada;
    const p = [];
    // GD: the steep b axis caps its η
    const gdB = [0, 1, 2, 3].filter((i) => i <= gd.stepsTaken).map((i) => short(gd.params[2 * i + 1], 3));
    const gdW = [0, 1, 2, 3].filter((i) => i <= gd.stepsTaken).map((i) => short(gd.params[2 * i], 3));
    const vgd = run.verdicts.gd;
    if (gd.divergedAt !== null || vgd.kind === 'diverging') {
      p.push(el('p', {}, el('strong', {}, 'Gradient descent '),
        el('span', { className: 'danger' }, gd.divergedAt !== null ? `diverged at step ${gd.divergedAt}` : `moves away from the minimum: f ends ${short(vgd.factor, 3)} times where it started`),
        ` with η = ${short(cfg.lr.gd)}. b’s gradient is 20b, ten times w’s 2w per unit of distance, so any η above 0.1 makes each step in b overshoot by more than it corrects (b: ${gdB.join(' → ')}).`));
    } else {
      const moves = run.zigzag
        ? `With η = ${short(cfg.lr.gd)} b flips sign every step (b: ${gdB.join(' → ')}) while w creeps (w: ${gdW.join(' → ')}). `
        : `Here b does not bounce (b: ${gdB.join(' → ')}; w: ${gdW.join(' → ')}): ${cfg.lr.gd < 0.05 ? 'with this small η, w crawls even more slowly. ' : 'start away from b = 0 to see it zig-zag. '}`;
      p.push(el('p', {}, el('strong', {}, 'Gradient descent'), ` (η = ${short(cfg.lr.gd)}) has one rate for both coordinates. b’s gradient is 20b, ten times w’s 2w per unit of distance, so η must stay below 0.1 or b blows up; just under that limit b overshoots its axis on every step. `, moves,
        finish.gd !== null ? `It crosses the finish at step ${finish.gd}.` : `It is not under 10⁻³ after ${gd.stepsTaken} steps.`));
    }
    if (ada.stepsTaken >= 1) {
      const pt = (i) => `(${short(ada.params[2 * i], 4)}, ${short(ada.params[2 * i + 1], 4)})`;
      p.push(el('p', {}, el('strong', { className: 'key-adagrad' }, 'AdaGrad'),
        ` (η = ${short(cfg.lr.ada)}) goes from ${pt(0)} to ${pt(1)} on its first step: ${run.grads[0] !== 0 && run.grads[1] !== 0 ? 'η in w and η in b' : 'η in the coordinate whose gradient is not 0'}, although the gradients there are ${short(run.grads[0], 4)} for w and ${short(run.grads[1], 4)} for b. `,
        'After one step G is g², so the step is η·g/|g| = η·sign(g). From then on b’s gradients, ten times larger, fill G of b a hundred times faster, so √G of b is ten times larger and the ten cancels: each coordinate moves as it would on the round bowl w² + b², and both rates fall. ',
        withinText(run),
        finish.ada !== null ? `It crosses the finish at step ${finish.ada}.` : `It is not under 10⁻³ after ${ada.stepsTaken} steps.`));
    }
    // the verdict, read from the finishing steps
    const done = RACERS.filter((r) => finish[r.id] !== null).sort((a, b) => finish[a.id] - finish[b.id]);
    const winner = done[0];
    const rank = done.findIndex((r) => r.id === 'ada');
    let verdict;
    if (!winner) verdict = `Nobody gets under f = 10⁻³ in ${cfg.steps} steps: add steps or raise the η’s.`;
    else if (winner.id === 'ada' || finish.ada === finish[winner.id]) {
      const gdText = finish.gd !== null ? `gradient descent (η = ${short(cfg.lr.gd)}) needs ${finish.gd}` : 'gradient descent does not finish';
      verdict = `AdaGrad finishes at step ${finish.ada}; ${gdText}. ${done.filter((r) => r.id !== 'ada' && finish[r.id] === finish.ada).map((r) => `${r.name} ties with it: it also scales each coordinate by its own gradient history.`).join(' ')}`;
    } else if (['rms', 'adam'].includes(winner.id) && finish.ada !== null && (finish.gd === null || finish.ada < finish.gd)) {
      verdict = `${winner.name} is first under 10⁻³ (step ${finish[winner.id]}), AdaGrad ${ordinal(rank + 1)} (step ${finish.ada}), ahead of gradient descent${finish.gd !== null ? ` (step ${finish.gd})` : ''}. ${winner.name} rescales each coordinate as AdaGrad does, but by a decaying average of g² instead of a sum, so its rates do not keep shrinking.`;
    } else {
      verdict = `${winner.name} is first under 10⁻³ (step ${finish[winner.id]}); AdaGrad ${rank >= 0 ? `is ${ordinal(rank + 1)} (step ${finish.ada})` : 'does not finish'}. Notice its straight, even first steps, and how its steps then shrink as G keeps growing: AdaGrad never forgets an old gradient.`;
    }
    p.push(el('p', {}, verdict));
    explain.replaceChildren(...p);
    caption.replaceChildren(captionText());
  }

  const captionText = () => raceCaption(run);

  function announce() {
    if (!run || quiet) return;
    const step = transport.step;
    live.textContent = `Step ${step} of ${run.cfg.steps}. ${RACERS.filter((r) => racers.shown(r.id)).map((r) => `${r.name}: ${statusText(r.id, step)}`).join('. ')}.`;
  }

  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'race');

  /** update(state): apply a new state (e.g. a pasted link) without rebuilding the DOM. */
  return function update(next = {}) {
    for (const k of ['w0', 'b0', 'steps', ...IDS]) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.speed !== undefined) transport.setSpeed(next.speed);
    if (next.hide !== undefined) { const hidden = next.hide.split(','); for (const id of IDS) racers.setShown(id, !hidden.includes(id)); }
    recompute();
  };
}

const ordinal = (n) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n - 1] || `#${n}`;
