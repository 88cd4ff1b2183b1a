// Figure: the notebook's spiral, classified by a small network trained side by side with two
// optimizers from the same starting weights. Data, weights, training, loss, accuracy and the
// decision boundary all come from the WASM core (makeDataset, Network, TrainingRun, boundaryGrid).
import { el, reducedMotion } from '../ui/dom.js';
import { numberField, selectField, button, readForm, parseNumber, parseWhole, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { player } from '../ui/player.js';
import { lineChart } from '../draw/linechart.js';
import { heatmap } from '../draw/heatmap.js';
import { colors } from '../draw/colors.js';
import { short, percent } from '../format.js';
import { recordFrame } from '../perf.js';
import { history } from '../draw/decimate.js';
import { MAX_LAYERS, MAX_WIDTH } from './spiral-limits.js';

export const presets = {
  notebook: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '10', act: 'relu', init: 'notebook', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.01', place: 'inside', epochs: '2000',
  },
  // The notebook's network and points with one η for both boards: the comparison that isolates
  // the optimizer (the notebook's own setup gives SGD a rate ten times smaller).
  fair: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '10', act: 'relu', init: 'notebook', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.1', place: 'inside', epochs: '2000',
  },
  solves: {
    draw: 'numpy', seed: '42', noise: '0.1', n: '300', hidden: '24,24,24', act: 'tanh', init: 'auto', wseed: '42',
    opt: 'adagrad', lr: '0.1', cmp: 'sgd', clr: '0.1', place: 'outside', epochs: '2000',
  },
};
export const defaults = { ...presets.notebook, epf: '10' };

const KINDS = [
  ['adagrad', 'AdaGrad'], ['sgd', 'plain SGD'], ['momentum', 'Momentum (SGD, 0.9)'], ['rmsprop', 'RMSProp'], ['adam', 'Adam'],
];
const kindName = (k) => KINDS.find(([v]) => v === k)?.[1] ?? k;
const BOX = { x_min: -2.5, x_max: 2.5, y_min: -2.5, y_max: 2.5, nx: 100, ny: 100 };
const MAX_SAMPLES = 2000, MAX_EPOCHS = 100000;
// A frame trains for at most this long, so Pause and the rest of the page always answer; the
// epochs a frame could not fit are carried to the next (never more than one frame's worth). The
// unit of work is one epoch of one board, the least the core can do: a frame always does one,
// so a network whose epoch alone is longer than the budget still moves, one epoch a frame.
const FRAME_BUDGET_MS = 12;
// While playing, each boundary grid gets about this long: a network too slow for 100 × 100 in
// that time is drawn on a coarser grid (never below 20 × 20) until Pause or the end, which draw
// the full grid once.
const GRID_BUDGET_MS = 4;
const GRID_MIN = 20;

/** PyTorch option names for each choice on the page. */
function optimizerSpec(kind, lr, place) {
  switch (kind) {
    case 'adagrad': return { kind: 'adagrad', lr, eps: 1e-8, eps_placement: place };
    case 'momentum': return { kind: 'sgd', lr, momentum: 0.9 };
    default: return { kind, lr };
  }
}

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let setup = null;        // {cfg, data, runs: [{run, name, kind, lr, stats}]}
  let lastHeatmap = 0;
  let gridPointMs = 0;  // the last boundary grid's time per point
  let owed = 0;  // board-epochs a frame could not fit in its budget

  // ----- presets
  const presetRow = el('div', { className: 'presets', role: 'group', 'aria-label': 'Presets' },
    el('div', { className: 'preset' },
      button('The notebook’s network', () => applyPreset('notebook'), { name: 'preset-notebook' }),
      el('p', {}, '2-10-1 ReLU, small random weights; AdaGrad η = 0.1 against plain SGD η = 0.01 for 2000 epochs, as in the notebook. Ten units are too few for two full turns of spiral: watch where it stalls. The two rates differ tenfold, so this compares rates as much as optimizers.')),
    el('div', { className: 'preset' },
      button('Same η for both', () => applyPreset('fair'), { name: 'preset-fair' }),
      el('p', {}, 'The notebook’s network, points and weights, with plain SGD given AdaGrad’s η = 0.1: only the optimizer differs between the boards.')),
    el('div', { className: 'preset' },
      button('A network that solves it', () => applyPreset('solves'), { name: 'preset-solves' }),
      el('p', {}, 'Three tanh layers of 24 with Glorot weights; AdaGrad η = 0.1 (ε outside the root, as PyTorch) against plain SGD η = 0.1. AdaGrad separates the two arms almost perfectly within 2000 epochs; the summary below gives the exact numbers once it has run.')));

  // ----- settings
  const f = {
    seed: numberField({ label: 'data seed', name: 'seed', value: s.seed, inputMode: 'numeric', width: 's', onCommit: rebuild }),
    noise: numberField({ label: 'noise', name: 'noise', value: s.noise, width: 's', onCommit: rebuild }),
    n: numberField({ label: 'points', name: 'n_samples', value: s.n, inputMode: 'numeric', width: 's', onCommit: rebuild }),
    wseed: numberField({ label: 'weight seed', name: 'wseed', value: s.wseed, inputMode: 'numeric', width: 's', onCommit: rebuild }),
    lr: numberField({ label: 'η', name: 'lr', value: s.lr, width: 's', onCommit: rebuild }),
    clr: numberField({ label: 'η', name: 'clr', value: s.clr, width: 's', onCommit: rebuild }),
    epochs: numberField({ label: 'epochs', name: 'epochs', value: s.epochs, inputMode: 'numeric', width: 's', onCommit: rebuild }),
  };
  const act = selectField({ label: 'activation', name: 'activation', value: s.act, onChange: rebuild,
    options: [['relu', 'ReLU'], ['tanh', 'tanh'], ['sigmoid', 'sigmoid'], ['linear', 'linear']] });
  const init = selectField({ label: 'initial weights', name: 'init', value: s.init, onChange: rebuild,
    options: [['auto', 'He / Glorot'], ['he', 'He'], ['glorot', 'Glorot'], ['notebook', 'notebook: 0.1·randn (numpy)']] });
  // numpy's legacy stream reproduces the notebook's own points; the lab's generator draws the
  // same spiral from the project's RNG.
  const draw = selectField({ label: 'points drawn by', name: 'draw', value: s.draw, onChange: rebuild,
    options: [['numpy', 'numpy’s stream, as the notebook'], ['lab', 'the lab’s own generator']] });
  const opt = selectField({ label: 'optimizer (left board)', name: 'opt', value: s.opt, options: KINDS, onChange: rebuild });
  const cmp = selectField({ label: 'compared with (right board)', name: 'cmp', value: s.cmp, options: KINDS, onChange: rebuild });
  const place = selectField({ label: 'AdaGrad’s ε', name: 'eps_placement', value: s.place, onChange: rebuild,
    options: [['inside', 'inside √ (notebook)'], ['outside', 'outside √ (PyTorch)']] });
  const epf = selectField({ label: 'epochs per frame', name: 'epf', value: s.epf, onChange: () => report(),
    options: ['1', '5', '10', '25', '50', '100', '250'].map((v) => [v, v]) });

  // hidden layers: one size field per layer, add and remove
  let hidden = s.hidden === '' ? [] : s.hidden.split(',');
  const layerList = el('div', { className: 'layers' });
  const layerMessage = el('span', { className: 'field-msg', 'aria-live': 'polite' });
  let layerFields = [];
  function drawLayerEditor() {
    layerFields = hidden.map((size, i) => {
      const field = numberField({ label: `layer ${i + 1}`, name: `layer${i + 1}`, value: size, inputMode: 'numeric', width: 'xs',
        onCommit: (text) => { hidden[i] = text.trim(); rebuild(); } });
      const remove = button('×', () => { hidden.splice(i, 1); drawLayerEditor(); rebuild(); }, { kind: 'icon', label: `Remove hidden layer ${i + 1}` });
      field.root.append(remove);
      return field;
    });
    const add = button('+ layer', () => { hidden.push(hidden[hidden.length - 1] || '8'); drawLayerEditor(); rebuild(); layerFields.at(-1)?.input.focus(); },
      { label: 'Add a hidden layer', name: 'add-layer' });
    add.disabled = hidden.length >= MAX_LAYERS;
    layerList.replaceChildren(el('span', { className: 'layer-end' }, '2 inputs →'), ...layerFields.map((x) => x.root),
      el('span', { className: 'layer-end' }, '→ 1 output'), add);
  }
  drawLayerEditor();

  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const fieldset = (legend, ...children) => el('fieldset', {}, el('legend', {}, legend), el('div', { className: 'controls' }, ...children));
  container.append(presetRow,
    el('div', { className: 'settings' },
      fieldset('Data: the notebook’s spiral', draw.root, f.seed.root, f.noise.root, f.n.root),
      el('fieldset', {}, el('legend', {}, 'Optimizers'),
        el('div', { className: 'controls' }, el('span', { className: 'board-tag' }, 'left'), opt.root, f.lr.root),
        el('div', { className: 'controls' }, el('span', { className: 'board-tag' }, 'right'), cmp.root, f.clr.root),
        el('div', { className: 'controls' }, place.root)),
      el('fieldset', { className: 'wide' }, el('legend', {}, 'Network'),
        el('div', { className: 'layer-editor' }, el('span', { className: 'label' }, 'hidden layers (neurons)'), layerList, layerMessage),
        el('div', { className: 'controls' }, act.root, init.root, f.wseed.root))),
    formMessage);

  const playButton = button('Play', () => (loop.playing ? loop.pause() : play()), { kind: 'primary', name: 'play' });
  const loop = player(advance, (playing) => {
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
    if (!playing) { drawAtRest(); summarize(); }
  });
  const counter = el('output', { className: 'counter' });
  container.append(el('div', { className: 'transport', role: 'group', 'aria-label': 'Training' },
    playButton,
    button('Step one epoch', () => { loop.pause(); train(); drawAtRest(); summarize(); }, { name: 'step' }),
    button('Reset', () => { loop.pause(); rebuild(); }, { name: 'reset' }),
    f.epochs.root, epf.root, counter));

  // ----- figures
  const boards = el('div', { className: 'figure-grid two boards' });
  const panels = [0, 1].map((i) => {
    const title = el('span');
    const fig = el('figure', { className: 'panel' }, el('figcaption', {}, el('span', { className: i ? 'key-other' : 'key-adagrad' }, '■ '), title));
    boards.append(fig);
    const draw = heatmap(fig, { label: 'decision boundary' });
    const stats = el('p', { className: 'stats' });
    fig.append(stats);
    return { title, draw, stats };
  });
  const curves = el('div', { className: 'figure-grid two' });
  const lossPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Loss (binary cross-entropy)'));
  const accPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Accuracy on the training points'));
  curves.append(lossPanel, accPanel);
  const lossChart = lineChart(lossPanel, { xLabel: 'epoch', yLabel: 'loss', label: 'loss against epoch' });
  const accChart = lineChart(accPanel, { xLabel: 'epoch', yLabel: 'accuracy', label: 'accuracy against epoch' });
  const summary = el('div', { className: 'explain', 'aria-live': 'polite' });
  const legendNote = el('p', { className: 'note' }, 'Background: the network’s probability of the blue class, from orange (0) through white (0.5) to blue (1), on a 100 × 100 grid.');
  container.append(boards, legendNote, curves, summary);

  // ----- building runs in the core
  function readSettings() {
    return readForm((read) => ({
      seed: read(f.seed, (t) => parseWhole(t, 'seed', { min: 0, max: 4294967295 })),
      noise: read(f.noise, (t) => parseNumber(t, 'noise')),
      n: read(f.n, (t) => parseWhole(t, 'points', { max: MAX_SAMPLES })),
      wseed: read(f.wseed, (t) => parseWhole(t, 'weight seed', { min: 0, max: 4294967295 })),
      lr: read(f.lr, (t) => parseNumber(t, 'η')),
      clr: read(f.clr, (t) => parseNumber(t, 'η')),
      epochs: read(f.epochs, (t) => parseWhole(t, 'epochs', { min: 1, max: MAX_EPOCHS })),
      hidden: hidden.map((text, i) => read(layerFields[i], (t) => parseWhole(t, `layer ${i + 1}`, { max: MAX_WIDTH }))),
      act: act.value, init: init.value, opt: opt.value, cmp: cmp.value, place: place.value, draw: draw.value,
    }));
  }

  function clearMessages() {
    for (const x of [act, init, opt, cmp, place, draw]) x.ok();
    layerMessage.textContent = '';
  }

  // Put a message from the core beside the field it names.
  function blame(message, stage) {
    const name = fieldOfMessage(message);
    if (stage === 'data') {
      ({ seed: f.seed, noise: f.noise, n_samples: f.n }[name] || f.n).error(message);
    } else if (stage === 'network') {
      if (name === 'layers') {
        const m = /^layers\[(\d+)\]/.exec(message);
        const field = m ? layerFields[Number(m[1]) - 1] : null;
        if (field) field.error(message); else layerMessage.textContent = message;
      } else if (name === 'activation') act.error(message);
      else if (name === 'init') init.error(message);
      else if (name === 'seed') f.wseed.error(message);
      else layerMessage.textContent = message;
    } else if (name === 'eps_placement') place.error(message);
    else (stage === 'a' ? f.lr : f.clr).error(message);
  }

  function build(cfg) {
    let stage = 'data';
    const made = [];
    try {
      const kind = cfg.draw === 'numpy' ? 'notebook_spiral' : 'spiral';
      const d = lab.makeDataset({ kind, n_samples: cfg.n, noise: cfg.noise, seed: cfg.seed });
      stage = 'network';
      const network = { layers: [2, ...cfg.hidden, 1], activation: cfg.act, init: cfg.init, seed: cfg.wseed };
      const net = new lab.Network(network);
      made.push(net);
      const params = net.getParams();  // both runs start from these exact weights
      const data = { x: d.x, y: d.y, dim: d.dim };
      const runs = [];
      for (const [which, kind, lr] of [['a', cfg.opt, cfg.lr], ['b', cfg.cmp, cfg.clr]]) {
        stage = which;
        const run = new lab.TrainingRun({ network, params, optimizer: optimizerSpec(kind, lr, cfg.place), data, batch_size: 0, shuffle_seed: 0 });
        made.push(run);
        // the loss and accuracy histories grow as the run trains, kept bounded for drawing
        runs.push({ run, kind, lr, name: kindName(kind), stats: null, losses: history(), accuracies: history(), above99: 0 });
      }
      net.delete();
      return { cfg, data: d, runs };
    } catch (error) {
      for (const obj of made) obj.delete();
      blame(messageOf(error), stage);
      return null;
    }
  }

  function rebuild() {
    clearMessages();
    const cfg = readSettings();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figures still show the last valid run.'; return false; }
    const next = build(cfg);
    if (!next) { formMessage.textContent = 'The core refused this setting; the figures still show the last valid run.'; return false; }
    formMessage.textContent = '';
    loop.pause();
    free();
    setup = next;
    report();
    drawAll(true);
    summarize();
    return true;
  }

  function free() {
    if (!setup) return;
    for (const r of setup.runs) r.run.delete();
    setup = null;
  }

  function report() {
    onState({
      draw: draw.value, seed: f.seed.text.trim(), noise: f.noise.text.trim(), n: f.n.text.trim(), hidden: hidden.map((h) => h.trim()).join(','),
      act: act.value, init: init.value, wseed: f.wseed.text.trim(), opt: opt.value, lr: f.lr.text.trim(),
      cmp: cmp.value, clr: f.clr.text.trim(), place: place.value, epochs: f.epochs.text.trim(), epf: epf.value,
    });
  }

  function applyPreset(name) {
    const p = presets[name];
    for (const key of ['seed', 'noise', 'n', 'wseed', 'lr', 'clr', 'epochs']) f[key].set(p[key]);
    act.set(p.act); init.set(p.init); opt.set(p.opt); cmp.set(p.cmp); place.set(p.place); draw.set(p.draw);
    hidden = p.hidden.split(',');
    drawLayerEditor();
    rebuild();
  }

  // ----- training and drawing
  const done = (r) => r.run.epochsDone();
  // The core numbers epochs from 0 (divergedAt() is the index of the failed epoch); the page
  // counts them from 1 like its epoch counter, so the failed one is divergedAt() + 1.
  const divergedEpoch = (r) => { const at = r.run.divergedAt(); return at === null ? null : at + 1; };
  const stopped = (r) => r.stats?.diverged || divergedEpoch(r) !== null;
  const finished = () => setup.runs.every((r) => stopped(r) || done(r) >= setup.cfg.epochs);

  const trainable = (r) => !stopped(r) && done(r) < setup.cfg.epochs;
  /** One epoch of one board, its loss and accuracy added to the histories. */
  function trainRun(r) {
    r.stats = r.run.epochs(1);
    if (r.stats.diverged) return;
    r.losses.push(r.stats.loss);
    r.accuracies.push(r.stats.accuracy);
    if (!r.above99 && r.stats.accuracy > 0.99) r.above99 = done(r);
  }
  /** One epoch of the board that is behind (the left one on a tie); false if neither can train. */
  function trainBehind() {
    let next = null;
    for (const r of setup.runs) if (trainable(r) && (!next || done(r) < done(next))) next = r;
    if (next) trainRun(next);
    return next !== null;
  }
  /** One epoch of each board. */
  function train() {
    if (!setup) return;
    for (const r of setup.runs) if (trainable(r)) trainRun(r);
  }

  function epochLabel() {
    const e = Math.max(...setup.runs.map(done));
    return `epoch ${e} of ${setup.cfg.epochs}`;
  }

  function describe(r) {
    const at = divergedEpoch(r);
    if (at !== null) return `diverged at epoch ${at}`;
    if (!r.stats) return 'not trained yet';
    return `accuracy ${percent(r.stats.accuracy)} · loss ${short(r.stats.loss, 4)}`;
  }

  let gridMs = 0;  // time spent in boundaryGrid during the current drawAll, for the frame record
  /** Board i's decision boundary from `grid` (box.ny rows of box.nx, the top row first). */
  function paintBoundary(i, box, grid) {
    const r = setup.runs[i], { data } = setup;
    panels[i].draw({ box, grid, nx: box.nx, ny: box.ny, points: { x: data.x, labels: data.y, dim: data.dim },
      description: `Decision boundary of the ${r.name} network after ${done(r)} epochs, ${describe(r)}.` });
  }
  /** Rows of board i's boundary grid over `box`, timed (gridMs, gridPointMs). */
  function boundaryRows(i, box) {
    const started = performance.now();
    const grid = setup.runs[i].run.boundaryGrid(box);  // single precision: invisible in a heatmap, 2.5× faster
    const ms = performance.now() - started;
    gridMs += ms;
    gridPointMs = ms / (box.nx * box.ny);
    return grid;
  }
  /** Board i's decision boundary on a side × side grid. */
  function drawBoundary(i, side) {
    const box = { ...BOX, nx: side, ny: side };
    paintBoundary(i, box, boundaryRows(i, box));
  }

  // At rest (Pause, the end, a Step) the boundaries are drawn on the full grid: at once when that
  // is quick, else a band of rows per task (each about GRID_BUDGET_MS), so the click that paused
  // is answered first and the page stays responsive while the full boundaries fill in.
  let refining = 0;
  function drawAtRest() {
    if (!setup) return;
    clearTimeout(refining);
    const full = gridPointMs * BOX.nx * BOX.ny * setup.runs.length;
    if (full <= 10 * GRID_BUDGET_MS) { drawAll(true); return; }
    drawAll(false);
    const shown = setup, h = (BOX.y_max - BOX.y_min) / BOX.ny;
    const rows = Math.max(1, Math.floor(GRID_BUDGET_MS / Math.max(gridPointMs * BOX.nx, 1e-9)));
    let board = 0, row = 0, grid = new Float32Array(BOX.nx * BOX.ny);
    const band = () => {
      if (setup !== shown || loop.playing) return;
      const end = Math.min(BOX.ny, row + rows);
      const box = { ...BOX, y_max: BOX.y_max - row * h, y_min: end === BOX.ny ? BOX.y_min : BOX.y_max - end * h, ny: end - row };
      grid.set(boundaryRows(board, box), row * BOX.nx);
      row = end;
      if (row === BOX.ny) {
        paintBoundary(board, BOX, grid);
        board += 1; row = 0; grid = new Float32Array(BOX.nx * BOX.ny);
      }
      if (board < shown.runs.length) refining = setTimeout(band, 0);
    };
    refining = setTimeout(band, 0);
  }

  /** withHeatmaps: redraw the boundaries; side: their grid's side (100 at rest, coarser in play
   *  when a grid of 100 × 100 would not fit GRID_BUDGET_MS). */
  function drawAll(withHeatmaps, side = BOX.nx) {
    if (!setup) return;
    gridMs = 0;
    counter.textContent = epochLabel();
    const { runs, cfg } = setup;
    runs.forEach((r, i) => {
      const p = panels[i];
      p.title.textContent = `${r.name}, η = ${short(r.lr)}`;
      p.stats.replaceChildren(`epoch ${done(r)} · `, divergedEpoch(r) !== null ? el('span', { className: 'danger' }, describe(r)) : describe(r));
      if (withHeatmaps) drawBoundary(i, side);
    });
    if (withHeatmaps) lastHeatmap = performance.now();
    const names = runs.map((r) => `${r.name} (η ${short(r.lr)})`);
    if (names[0] === names[1]) names[1] += ' ′';
    // the histories are plotted at epochs 1, 2, …; each holds at most about 1000 points, so a
    // frame's cost does not grow as the run plays on
    const series = (getter) => runs.map((r, i) => ({
      label: names[i], color: i ? colors.other : colors.adagrad, dash: i ? [6, 4] : undefined,
      ...getter(r).points(), width: 2, last: true, lastRadius: 3,
    }));
    const losses = series((r) => r.losses);
    const markers = runs.filter((r) => divergedEpoch(r) !== null)
      .map((r) => ({ x: divergedEpoch(r), text: `${r.name} diverged at epoch ${divergedEpoch(r)}`, color: colors.danger }));
    lossChart({ series: losses, xDomain: [0, cfg.epochs], markers,
      description: `Loss against epoch: ${runs.map((r) => `${r.name} ${describe(r)}`).join('; ')}.` });
    const accs = series((r) => r.accuracies);
    accChart({ series: accs, xDomain: [0, cfg.epochs], yDomain: [0, 1], markers, yFormat: (v) => `${Math.round(v * 100)}%`,
      description: `Accuracy against epoch: ${runs.map((r) => `${r.name} ${describe(r)}`).join('; ')}.` });
  }

  function summarize() {
    if (!setup) return;
    const { runs, cfg } = setup;
    const trained = runs.some((r) => done(r) > 0 || divergedEpoch(r) !== null);
    if (!trained) {
      summary.replaceChildren(el('p', {}, 'Both networks start from the same weights on the same points. Press Play to train them side by side, or Step one epoch.'));
      return;
    }
    const lines = runs.map((r) => {
      const at = divergedEpoch(r);
      if (at !== null) return el('li', {}, `${r.name} (η = ${short(r.lr)}): `, el('strong', { className: 'danger' }, `diverged at epoch ${at}`), ' — a loss or weight became infinite, so training stopped there. Try a smaller η.');
      const first = r.above99;
      return el('li', {}, `${r.name} (η = ${short(r.lr)}): after ${done(r)} epoch${done(r) === 1 ? '' : 's'} `,
        el('strong', {}, `${percent(r.stats.accuracy)} accuracy`), `, loss ${short(r.stats.loss, 4)}`,
        first > 0 ? `; first above 99% at epoch ${first}.` : '.');
    });
    const parts = [el('p', {}, finished() ? 'Result:' : `So far (${epochLabel()}):`), el('ul', {}, lines)];
    if (isPreset('notebook') && finished()) {
      parts.push(el('p', {}, `This is the notebook’s own setup, down to its points and starting weights (drawn from numpy’s stream with seed 42), and it ends at ${percent(runs[0].stats?.accuracy)} for AdaGrad and ${percent(runs[1].stats?.accuracy)} for plain SGD: `,
        'far from a clean split. Ten ReLU units cannot follow two full turns of the spiral, and AdaGrad’s step keeps shrinking as G grows. Try the network that solves it.'));
    }
    summary.replaceChildren(...parts);
  }

  function isPreset(name) {
    const p = presets[name];
    return f.seed.text.trim() === p.seed && f.noise.text.trim() === p.noise && f.n.text.trim() === p.n &&
      hidden.join(',') === p.hidden && act.value === p.act && init.value === p.init && f.wseed.text.trim() === p.wseed &&
      opt.value === p.opt && f.lr.text.trim() === p.lr && cmp.value === p.cmp && f.clr.text.trim() === p.clr &&
      place.value === p.place && f.epochs.text.trim() === p.epochs && draw.value === p.draw;
  }

  function advance() {
    if (!setup || finished()) return false;
    const t0 = performance.now();
    if (reducedMotion()) {  // no animation: train in time-boxed chunks, draw once at the end
      while (trainBehind() && performance.now() - t0 < 40);
      counter.textContent = epochLabel();
      return !finished();
    }
    // epochs per frame is per board: owed counts board-epochs, at most two frames' worth
    const perFrame = Number(epf.value) * setup.runs.filter(trainable).length;
    owed = Math.min(owed + perFrame, 2 * perFrame);
    let units = 0;
    do { if (!trainBehind()) break; owed -= 1; units++; } while (owed >= 1 && performance.now() - t0 < FRAME_BUDGET_MS);
    const t1 = performance.now();
    // the boundaries cost a grid of predictions each: a coarser grid while playing when a full one
    // is slow, and, if even the coarsest is slow, redrawn less often
    const side = Math.max(GRID_MIN, Math.min(BOX.nx, Math.floor(Math.sqrt(GRID_BUDGET_MS / Math.max(gridPointMs, 1e-9)))));
    const expected = gridPointMs * side * side * setup.runs.length;
    // (the last frame leaves them to drawAtRest, which the end of play calls)
    const heat = !finished() && (expected <= 2 * GRID_BUDGET_MS || performance.now() - lastHeatmap > 10 * expected);
    drawAll(heat, side);
    const t2 = performance.now();
    recordFrame('spiral', { train: t1 - t0, epochs: units, grid: gridMs, side: heat ? side : 0, draw: t2 - t1 - gridMs, total: t2 - t0, boundary: heat });
    return !finished();
  }

  function play() {
    if (!setup) return;
    if (finished()) { if (!rebuild()) return; }
    loop.play();
  }

  if (!rebuild()) {
    const keptHidden = hidden.join(',');
    restoreDefaults(f, defaults, () => { applyPreset('notebook'); return setup !== null; }, formMessage, 'setup');
    if (keptHidden !== presets.notebook.hidden) layerMessage.textContent = `The link’s hidden layers “${keptHidden}” were refused.`;
  }

  return function update(next = {}) {
    for (const key of ['seed', 'noise', 'n', 'wseed', 'lr', 'clr', 'epochs']) if (next[key] !== undefined) f[key].set(next[key]);
    if (next.act !== undefined) act.set(next.act);
    if (next.init !== undefined) init.set(next.init);
    if (next.opt !== undefined) opt.set(next.opt);
    if (next.cmp !== undefined) cmp.set(next.cmp);
    if (next.place !== undefined) place.set(next.place);
    if (next.draw !== undefined) draw.set(next.draw);
    if (next.epf !== undefined) epf.set(next.epf);
    if (next.hidden !== undefined) { hidden = next.hidden === '' ? [] : next.hidden.split(','); drawLayerEditor(); }
    rebuild();
  };
}
