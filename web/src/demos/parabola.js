// Figure: AdaGrad and plain gradient descent walking down f(x) = x², step by step.
// Every number comes from the WASM core: the paths from lab.runQuadratic, G and the effective
// rate from lab.stepTable, the curve itself from lab.quadraticValue.
import { el, reducedMotion } from '../ui/dom.js';
import { numberField, selectField, button, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { player } from '../ui/player.js';
import { lineChart } from '../draw/linechart.js';
import { colors } from '../draw/colors.js';
import { niceDomain } from '../draw/scale.js';
import { short } from '../format.js';

export const defaults = { x0: '5', lr: '0.1', eps: '1e-8', place: 'outside', steps: '50', speed: '10' };
const MAX_STEPS = 5000;

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;      // the last good computation
  let step = 0;        // how many steps are shown
  let carry = 0;       // fractional steps owed by the animation

  // ----- controls
  const fields = {
    x0: numberField({ label: 'start x₀', name: 'x0', value: s.x0, onCommit: recompute }),
    lr: numberField({ label: 'learning rate η', name: 'lr', value: s.lr, onCommit: recompute }),
    eps: numberField({ label: 'ε', name: 'eps', value: s.eps, onCommit: recompute }),
    steps: numberField({ label: 'steps', name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute }),
  };
  const place = selectField({
    label: 'ε placement', name: 'eps_placement', value: s.place,
    options: [['outside', 'outside: η / (√G + ε)'], ['inside', 'inside: η / √(G + ε)']],
    onChange: recompute,
  });
  const speed = selectField({
    label: 'speed', name: 'speed', value: s.speed,
    options: [['1', '1 step/s'], ['2', '2 steps/s'], ['5', '5 steps/s'], ['10', '10 steps/s'], ['25', '25 steps/s'], ['100', '100 steps/s']],
    onChange: () => report(),
  });
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });

  const playButton = button('Play', () => (loop.playing ? loop.pause() : play()), { kind: 'primary', name: 'play' });
  const loop = player(advance, (playing) => {
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
    if (!playing) announce();
  });
  const counter = el('output', { className: 'counter' });
  const transport = el('div', { className: 'transport', role: 'group', 'aria-label': 'Animation of the x² run' },
    playButton,
    button('Step', () => { loop.pause(); if (run && step < run.steps) { step++; show(); announce(); } }, { name: 'step' }),
    button('Reset', () => { loop.pause(); step = 0; show(); announce(); }, { name: 'reset' }),
    speed.root, counter);

  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the x² run' },
      fields.x0.root, fields.lr.root, fields.eps.root, place.root, fields.steps.root),
    formMessage, transport);

  // ----- figures
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

  // ----- computing (in the core) and showing
  function readFields() {
    return readForm((read) => ({
      x0: read(fields.x0, (t) => parseNumber(t, 'x0')),
      lr: read(fields.lr, (t) => parseNumber(t, 'η')),
      eps: read(fields.eps, (t) => parseNumber(t, 'ε')),
      steps: read(fields.steps, (t) => parseWhole(t, 'steps', { max: MAX_STEPS })),
      place: place.value,
    }));
  }

  function compute(cfg) {
    const adagrad = { kind: 'adagrad', lr: cfg.lr, eps: cfg.eps, eps_placement: cfg.place };
    const rows = lab.stepTable({ x0: cfg.x0, lr: cfg.lr, eps: cfg.eps, eps_placement: cfg.place, steps: cfg.steps, scale: 1 });
    const ada = lab.runQuadratic({ scales: [1], x0: [cfg.x0], steps: cfg.steps, optimizer: adagrad });
    const sgd = lab.runQuadratic({ scales: [1], x0: [cfg.x0], steps: cfg.steps, optimizer: { kind: 'sgd', lr: cfg.lr } });
    // the parabola itself, sampled across the window the walk lives in
    const reach = Math.abs(cfg.x0) * 1.15 || 1;
    const curveX = [], curveY = [];
    for (let i = 0; i <= 160; i++) {
      const x = -reach + (2 * reach * i) / 160;
      curveX.push(x);
      curveY.push(lab.quadraticValue([1], [x]));
    }
    const top = lab.quadraticValue([1], [reach]);
    return { ...cfg, rows, ada, sgd, curveX, curveY, reach, top };
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figures still show the last valid run.'; return false; }
    let next;
    try {
      next = compute(cfg);
    } catch (error) {
      const msg = messageOf(error);
      const key = { x0: 'x0', lr: 'lr', eps: 'eps', steps: 'steps' }[fieldOfMessage(msg)];
      if (key) fields[key].error(msg); else place.error(msg);
      formMessage.textContent = 'The core refused this setting; the figures still show the last valid run.';
      return false;
    }
    place.ok();
    formMessage.textContent = '';
    loop.pause();
    run = next;
    step = run.steps;
    report();
    show();
    explainRun();
    announce();
    return true;
  }

  function report() {
    onState({ x0: fields.x0.text.trim(), lr: fields.lr.text.trim(), eps: fields.eps.text.trim(), place: place.value, steps: fields.steps.text.trim(), speed: speed.value });
  }

  const pathLength = (r) => r.values.length;  // steps taken + 1
  const sgdStopped = () => run.sgd.divergedAt !== null && run.sgd.divergedAt !== undefined;

  function show() {
    if (!run) return;
    const { ada, sgd, rows } = run;
    const shownAda = Math.min(step + 1, pathLength(ada));
    const shownSgd = Math.min(step + 1, pathLength(sgd));
    counter.value = `step ${step} of ${run.steps}`;
    counter.textContent = counter.value;

    walkChart({
      xDomain: [-run.reach, run.reach], yDomain: [0, run.top * 1.05],
      series: [
        { label: 'f(x) = x²', color: colors.curve, x: run.curveX, y: run.curveY, width: 2 },
        { label: 'plain GD', color: colors.other, x: sgd.params, y: sgd.values, count: shownSgd, dots: true, dotsOnly: true, last: true },
        { label: 'AdaGrad', color: colors.adagrad, x: ada.params, y: ada.values, count: shownAda, dots: true, dotsOnly: true, last: true },
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
        { label: 'plain GD', color: colors.other, dash: [6, 4], y: sgd.params, count: shownSgd, last: true, lastRadius: 3.5 },
        { label: 'AdaGrad', color: colors.adagrad, y: ada.params, count: shownAda, last: true, lastRadius: 3.5 },
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
        { label: 'AdaGrad: η / √G', color: colors.adagrad, x: steps, y: rates, count: step, last: true, lastRadius: 3.5 },
      ],
      description: step > 0 ? `AdaGrad's effective learning rate at step ${step}: ${short(rates[step - 1])}; plain gradient descent keeps ${short(run.lr)}.` : 'No step taken yet.',
    });

    readout.replaceChildren(...readoutParts());
  }

  function readoutParts() {
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

  function explainRun() {
    const { ada, sgd, rows } = run;
    const n = run.steps;
    const last = rows[rows.length - 1], first = rows[0];
    const xEnd = ada.params[pathLength(ada) - 1];
    const p = [];
    const intro = el('p', {},
      `After ${n} steps from x₀ = ${short(run.x0)} with η = ${short(run.lr)}, AdaGrad has only reached `,
      el('strong', { dataset: { value: String(xEnd) } }, `x ≈ ${short(xEnd, 3)}`), '. ');
    if (sgdStopped()) {
      intro.append('Plain gradient descent with the same η ', el('strong', { className: 'danger' }, `diverged at step ${run.sgd.divergedAt}`),
        ': every step overshot the minimum by more than it corrected, until x overflowed.');
    } else {
      const g = sgd.params[pathLength(sgd) - 1];
      intro.append(`Plain gradient descent with the same η is at x ≈ ${short(g, 3)}`);
      intro.append(Math.abs(g) > Math.abs(run.x0)
        ? ': it is moving away from the minimum, overshooting further each step.'
        : '.');
    }
    p.push(intro);
    if (n > 0) {
      p.push(el('p', {},
        'Why so slow? Each step adds the squared gradient g² to G, and nothing ever takes it away. ',
        `After ${n} steps G = ${short(last.sum)}, so the step size η / √G has fallen from ${short(first.effective_rate)} at step 1 to ${short(last.effective_rate)}; `,
        `the last step moved x by only ${short(Math.abs(last.update))}. `,
        'On a problem this simple a fixed η does better; AdaGrad pays for never forgetting old gradients.'));
    }
    explain.replaceChildren(...p);
  }

  // ----- animation
  function advance(dt) {
    if (!run || step >= run.steps) return false;
    carry += dt * Number(speed.value);
    const whole = Math.floor(carry);
    if (whole > 0) { carry -= whole; step = Math.min(run.steps, step + whole); show(); }
    return step < run.steps;
  }
  function play() {
    if (!run) return;
    if (step >= run.steps) step = 0;
    if (reducedMotion()) { step = run.steps; show(); announce(); return; }
    carry = 1;  // show the first step at once
    show();
    loop.play();
  }

  if (!recompute()) restoreDefaults(fields, defaults, () => { place.set(defaults.place); return recompute(); }, formMessage, 'run');

  /** update({x0, lr, …}): set fields from a new state (e.g. a pasted link) and recompute. */
  return function update(next = {}) {
    for (const key of ['x0', 'lr', 'eps', 'steps']) if (next[key] !== undefined) fields[key].set(next[key]);
    if (next.place !== undefined) place.set(next.place);
    if (next.speed !== undefined) speed.set(next.speed);
    recompute();
  };
}
