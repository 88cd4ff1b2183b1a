// Figure: the notebook's spiral, classified by a small network trained side by side with two
// optimizers from the same starting weights. The view only: settings.js declares the settings,
// model.js builds and trains the two boards in the core, story.js chooses every word from them;
// here they become fields, boundaries, charts and the play loop.
import { el, reducedMotion } from '../../ui/dom.js';
import { numberField, selectField, button, fieldOfMessage, restoreDefaults } from '../../ui/controls.js';
import { player } from '../../ui/player.js';
import { lineChart } from '../../draw/linechart.js';
import { heatmap } from '../../draw/heatmap.js';
import { colors } from '../../draw/colors.js';
import { short } from '../../format.js';
import { recordFrame, note } from '../../perf.js';
import { segmentsToNodes } from '../../story/segments.js';
import { settings, presets, width, MAX_LAYERS, coreNames } from './settings.js';
import { pageWords } from '../../ui/pagewords.js';
import { spiralRuns, mirror } from './model.js';
import { frames, bands, BOX, GRID_BUDGET_MS } from './play.js';
import { spiralWorker } from './remote.js';
import { spiralStory, boardStatus } from './story.js';

export const key = 'sp';
export const title = 'A spiral, two optimizers';
export const defaults = settings.defaults;

/** Both boards trained to the figure's epochs from its settings (texts as in a link), as plain
 *  data for the JSON export: each board's optimizer, every epoch's loss, its last accuracy. */
export function results(lab, texts) {
  const { values: v, ok } = settings.parse(texts);
  if (!ok) return null;
  const hidden = v.hidden === '' ? [] : v.hidden.split(',').map(Number);
  const boards = spiralRuns(lab, { ...v, hidden });
  try {
    while (!boards.finished()) boards.train();
    return {
      network: { layers: [2, ...hidden, 1], activation: v.act, init: v.init, seed: v.wseed },
      boards: boards.runs.map((r) => ({
        optimizer: r.kind, lr: r.lr, epochsTrained: boards.done(r), divergedAtEpoch: boards.divergedEpoch(r),
        losses: r.run.losses(), lastLoss: r.stats?.loss ?? null, lastAccuracy: r.stats?.accuracy ?? null,
      })),
    };
  } finally {
    boards.free();
  }
}
export const schema = settings.schema;
export { presets };

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let setup = null;  // the two boards (spiral/model.js): trained here, or a mirror of the worker's
  let stepper = null;  // their frames (spiral/play.js), when they train here
  // Training and the boundaries run in a Web Worker where the page allows one (spiral/remote.js):
  // the worker owns the boards and this thread only draws what it posts. Otherwise, or if the
  // worker fails, everything runs here, as the fallback.
  let remote = spiralWorker({ onMessage: (m) => receive(m), onFail: (reason) => fallBack(reason) });
  note('spiral', { path: remote ? 'worker' : 'main' });
  let gen = 0;          // the generation of the boards, one per build: replies for older ones are moot
  let inFlight = false;  // a frame asked of the worker and not answered yet
  let fresh = null;      // the worker's last frame, applied to the mirror and not drawn yet
  let turn = 0;          // on the main thread, the board whose boundary this frame redraws
  let workerReady = false;

  // ----- presets
  const presetRow = el('div', { className: 'presets', role: 'group', 'aria-label': 'Presets' },
    el('div', { className: 'preset' },
      button('The notebook’s network', () => applyPreset('notebook'), { name: 'preset-notebook' }),
      el('p', {}, '2-10-1 ReLU, small random weights; AdaGrad η = 0.1 against plain SGD η = 0.01 for 2000 epochs, as in the notebook. The two rates differ tenfold, so this compares rates as much as optimizers.')),
    el('div', { className: 'preset' },
      button('Same η for both', () => applyPreset('fair'), { name: 'preset-fair' }),
      el('p', {}, 'The notebook’s network, points and weights, with plain SGD given AdaGrad’s η = 0.1: only the optimizer differs between the boards.')),
    el('div', { className: 'preset' },
      button('A network that solves it', () => applyPreset('solves'), { name: 'preset-solves' }),
      el('p', {}, 'Three tanh layers of 24 with Glorot weights; AdaGrad η = 0.1 (ε outside the root, as PyTorch) against plain SGD η = 0.1: a network with room for both arms. The summary below says how far each board gets once it has run.')));

  // ----- settings, one control per declared setting
  const d = settings.declarations;
  const numeric = (k, name = k, o = {}) => numberField({ label: d[k].label, name, value: s[k], width: 's', onCommit: rebuild, slide: d[k].slide, ...o });
  const whole = { inputMode: 'numeric' };
  const f = {
    seed: numeric('seed', 'seed', whole), noise: numeric('noise'), n: numeric('n', 'n_samples', whole),
    wseed: numeric('wseed', 'wseed', whole), lr: numeric('lr'), clr: numeric('clr'), epochs: numeric('epochs', 'epochs', whole),
  };
  // the two η fields show "η" beside their board's optimizer; their accessible names say which board
  f.lr.root.querySelector('label').append(el('span', { className: 'visually-hidden' }, ' of the left board'));
  f.clr.root.querySelector('label').append(el('span', { className: 'visually-hidden' }, ' of the right board'));
  const select = (k, name, onChange = rebuild) => selectField({ label: d[k].label, name, value: s[k], options: d[k].options, onChange });
  const act = select('act', 'activation'), init = select('init', 'init'), draw = select('draw', 'draw');
  const opt = select('opt', 'opt'), cmp = select('cmp', 'cmp'), place = select('place', 'eps_placement');
  const epf = select('epf', 'epf', () => report());
  const selects = { act, init, opt, cmp, place, draw, epf };

  // hidden layers: one size field per layer, add and remove
  let hidden = s.hidden === '' ? [] : s.hidden.split(',');
  const layerList = el('div', { className: 'layers' });
  const layerMessage = el('span', { className: 'field-msg', 'aria-live': 'polite' });
  let layerFields = [];
  function drawLayerEditor() {
    layerFields = hidden.map((size, i) => {
      const field = numberField({ label: width(i).label, name: `layer${i + 1}`, value: size, inputMode: 'numeric', width: 'xs',
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
    button('Step one epoch', () => {
      loop.pause();
      if (remote) remote.post({ type: 'step', gen });  // drawn when the worker answers
      else { train(); drawAtRest(); summarize(); }
    }, { name: 'step' }),
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
  const legendNote = el('p', { className: 'note' }, 'Background: the network’s probability of the blue class, from orange (0) through the plain background (0.5) to blue (1), on a 100 × 100 grid.');
  container.append(boards, legendNote, curves, summary);

  // ----- building runs in the core
  /** The settings from the form (each field marked with its message or cleared), or null. */
  function readSettings() {
    const v = {};
    let bad = false;
    for (const [k, field] of Object.entries(f)) {
      const r = d[k].parse(field.text);
      if (r.error) { field.error(r.error); bad = true; } else { field.ok(); v[k] = r.value; }
    }
    const widths = hidden.map((text, i) => {
      const r = width(i).parse(text);
      if (r.error) { layerFields[i].error(r.error); bad = true; return null; }
      layerFields[i].ok();
      return r.value;
    });
    if (bad) return null;
    return { ...v, hidden: widths, ...Object.fromEntries(['act', 'init', 'opt', 'cmp', 'place', 'draw'].map((k) => [k, selects[k].value])) };
  }

  function clearMessages() {
    for (const x of [act, init, opt, cmp, place, draw]) x.ok();
    layerMessage.textContent = '';
  }

  // Put a message from the core beside the field it names.
  function blame(raw, stage) {
    const name = fieldOfMessage(raw);
    const message = pageWords(raw, coreNames(stage));
    if (stage === 'data') {
      ({ seed: f.seed, noise: f.noise, n_samples: f.n }[name] || f.n).error(message);
    } else if (stage === 'network') {
      if (name === 'layers') {
        const m = /^layers\[(\d+)\]/.exec(raw);
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
    try {
      return spiralRuns(lab, cfg);
    } catch (error) {
      blame(error.message, error.stage);
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
    stepper = frames(next);
    drawnAt = [0, 0]; undrawn = [null, null];
    report();
    drawAll(localGrids(BOX.nx));
    if (remote) {
      // the worker builds the same boards from the same settings and seeds; this thread keeps a
      // mirror of them, at epoch 0 like the boards just drawn, and frees its own
      gen += 1;
      inFlight = false;
      fresh = null;
      remote.post({ type: 'build', gen, cfg: next.cfg });
      setup = mirror(next);
      stepper = null;
      next.free();
    }
    summarize();
    return true;
  }

  /** The worker failed: train here from now on, from the settings on screen. */
  function fallBack(reason) {
    remote = null;
    note('spiral', { path: 'main', workerFailed: String(reason) });
    const at = setup ? setup.epoch() : 0;
    if (setup && !rebuild()) { free(); stepper = null; return; }
    // said once, under the settings, until the next change of them
    if (at > 0) formMessage.textContent = `The background thread that trained the boards stopped (${String(reason).slice(0, 200)}), so they train on this page from now on, starting again from epoch 0 (they were at epoch ${at}).`;
  }

  /** A reply from the worker: its boards' news goes into the mirror at once; a frame is drawn
   *  by the next animation frame, a Step's or a rest's full boundaries now. */
  function receive(m) {
    // the worker's malloc'd bytes and its WASM memory's size (the long-run script watches both)
    if (m.heap !== undefined) note('spiral', { workerHeap: m.heap, workerMemory: m.memory });
    if (m.type === 'built') note('spiral', { workerHeapBuilt: m.heap });   // at epoch 0 of a new run
    // when the worker first had boards (it compiles the module itself, off this thread)
    if (m.type === 'built' && !workerReady) { workerReady = true; note('spiral', { workerReadyAt: performance.now(), workerCoreMs: m.coreMs }); }
    if (m.gen !== gen || !remote || m.type === 'built') return;
    const t0 = performance.now();
    setup.apply(m.boards);
    const applyMs = performance.now() - t0;
    if (m.type === 'frame') {
      inFlight = false;
      fresh = { ...m, applyMs };
      if (!loop.playing) { drawAll(); summarize(); }  // it left before Pause; the rest follows
      return;
    }
    drawAll(m.grids.map((grid, i) => ({ box: BOX, grid, error: m.errors?.[i] })));
    summarize();
  }

  function free() {
    if (!setup) return;
    setup.free();
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
    for (const key of Object.keys(f)) f[key].set(p[key]);
    for (const key of ['act', 'init', 'opt', 'cmp', 'place', 'draw']) selects[key].set(p[key]);
    hidden = p.hidden.split(',');
    drawLayerEditor();
    rebuild();
  }

  // ----- training and drawing
  const done = (r) => setup.done(r);
  const divergedEpoch = (r) => setup.divergedEpoch(r);
  const finished = () => setup.finished();
  const train = () => { if (setup) setup.train(); };

  const epochLabel = () => `epoch ${setup.epoch()} of ${setup.cfg.epochs}`;
  const describe = (r) => boardStatus(setup, r).text;

  let gridMs = 0;  // time spent in boundaryGrid during the current frame, for the frame record
  // per board: the epoch of the boundary on screen, and since when and why a newer one could not
  // be drawn ({epoch, error}), or null
  let drawnAt = [0, 0], undrawn = [null, null];
  /** Board i's decision boundary from `grid` (box.ny rows of box.nx, the top row first); a null
   *  grid (the core refused it, `error`) keeps the one on screen, and its board says so. */
  function paintBoundary(i, box, grid, error = null) {
    const r = setup.runs[i], { data } = setup;
    if (!grid) { undrawn[i] ??= { epoch: done(r), error }; return; }
    undrawn[i] = null;
    drawnAt[i] = done(r);
    panels[i].draw({ box, grid, nx: box.nx, ny: box.ny, points: { x: data.x, labels: data.y, dim: data.dim },
      description: `Decision boundary of the ${r.name} network after ${done(r)} epochs, ${describe(r)}.` });
  }
  /** Why board i's boundary is older than its epoch, in the figure's words, or ''. */
  function undrawnNote(i) {
    const u = undrawn[i];
    if (!u) return '';
    const at = /\(x = (-?[\d.e+-]+), y = (-?[\d.e+-]+)\)/.exec(u.error || '');
    const where = at ? ` at (${short(Number(at[1]), 3)}, ${short(Number(at[2]), 3)})` : '';
    return ` · background from epoch ${drawnAt[i]}: from epoch ${u.epoch} the network’s output overflows${where}, so no newer boundary can be drawn`;
  }
  /** The boundaries of the boards in `which`, computed here on a side × side grid, timed (gridMs):
   *  [{box, grid}], null for a board not in `which`. */
  function localGrids(side, which = [0, 1]) {
    const box = { ...BOX, nx: side, ny: side };
    return setup.runs.map((r, i) => {
      if (!which.includes(i)) return null;
      const { grid, ms, error } = stepper.grid(i, box);
      gridMs += ms;
      return { box, grid, error };
    });
  }

  // At rest (Pause, the end, a Step) the boundaries are drawn on the full grid. In the worker
  // they are computed there and drawn when they come back. Here: at once when that is quick, else
  // a band of rows per task (each about GRID_BUDGET_MS), so the click that paused is answered
  // first and the page stays responsive while the full boundaries fill in.
  let refining = 0;
  function drawAtRest() {
    if (!setup) return;
    clearTimeout(refining);
    if (remote) { drawAll(); remote.post({ type: 'rest', gen }); return; }
    if (!stepper) return;  // boards mirrored from a worker that has just failed: rebuilt next
    const full = stepper.gridPointMs * BOX.nx * BOX.ny * setup.runs.length;
    if (full <= 10 * GRID_BUDGET_MS) { drawAll(localGrids(BOX.nx)); return; }
    drawAll();
    const shown = setup;
    let board = 0, rows = bands(stepper, board);
    const band = () => {
      if (setup !== shown || loop.playing) return;
      const next = rows.next();
      if (next.done) {
        paintBoundary(board, next.value.box, next.value.grid, next.value.error);
        drawAll();
        board += 1;
        if (board >= shown.runs.length) return;
        rows = bands(stepper, board);
      }
      refining = setTimeout(band, 0);
    };
    refining = setTimeout(band, 0);
  }

  /** Everything but the boundaries, and the boundaries given in `grids` ([{box, grid}] by
   *  board, null to keep a board's). */
  function drawAll(grids = null) {
    if (!setup) return;
    counter.textContent = epochLabel();
    const { runs, cfg } = setup;
    runs.forEach((r, i) => {
      const p = panels[i];
      p.title.textContent = `${r.name}, η = ${short(r.lr)}`;
      if (grids?.[i]) paintBoundary(i, grids[i].box, grids[i].grid, grids[i].error);
      p.stats.replaceChildren(`epoch ${done(r)} · `, divergedEpoch(r) !== null ? el('span', { className: 'danger' }, describe(r)) : describe(r), undrawnNote(i));
    });
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
    const preset = ['notebook', 'fair', 'solves'].find(isPreset) ?? null;
    summary.replaceChildren(...spiralStory(setup, { preset }).map((p) => el('p', {}, ...segmentsToNodes(p))));
  }

  function isPreset(name) {
    const p = presets[name];
    return Object.keys(f).every((k) => f[k].text.trim() === p[k]) && hidden.join(',') === p.hidden
      && ['act', 'init', 'opt', 'cmp', 'place', 'draw'].every((k) => selects[k].value === p[k]);
  }

  function advance() {
    if (!setup || finished()) return false;
    return remote ? advanceWorker() : advanceHere();
  }

  /** A frame on the main thread: train, then redraw one board's boundary (the boards take turns,
   *  which halves the frame's largest part; each boundary is one frame older at most). */
  function advanceHere() {
    const t0 = performance.now();
    if (reducedMotion()) {  // no animation: train in time-boxed chunks, draw once at the end
      stepper.trainReduced();
      counter.textContent = epochLabel();
      return !finished();
    }
    const trained = stepper.train(Number(epf.value));
    const t1 = performance.now();
    gridMs = 0;
    const { heat, side } = stepper.plan(1);
    const which = heat ? [turn] : [];
    if (heat) { turn = (turn + 1) % setup.runs.length; stepper.drew(); }
    drawAll(heat ? localGrids(side, which) : null);
    const t2 = performance.now();
    recordFrame('spiral', { path: 'main', train: t1 - t0, epochs: trained.epochs, grid: gridMs, side: heat ? side : 0, boards: which.length,
      draw: t2 - t1 - gridMs, total: t2 - t0, boundary: heat });
    return !finished();
  }

  /** A frame with the worker: draw the last frame it posted, then ask for the next one, which
   *  it works on until the next animation frame. Recorded: this thread's time (total: applying
   *  the news and drawing) and the worker's (train, grid). */
  function advanceWorker() {
    const t0 = performance.now();
    const ask = () => {
      if (inFlight || finished()) return;
      remote.post({ type: 'frame', gen, epf: Number(epf.value), reduced: reducedMotion() });
      inFlight = true;
    };
    if (!fresh) { ask(); return true; }
    const got = fresh;
    fresh = null;
    if (reducedMotion()) { counter.textContent = epochLabel(); ask(); return !finished(); }
    drawAll(got.grids.map((grid, i) => ({ box: { ...BOX, nx: got.side, ny: got.side }, grid, error: got.errors?.[i] })));
    const draw = performance.now() - t0;
    recordFrame('spiral', { path: 'worker', train: got.train, epochs: got.epochs, grid: got.grid, side: got.side, boards: got.grids.length,
      draw, apply: got.applyMs, total: draw + got.applyMs, boundary: got.grids.length > 0 });
    // asked after drawing: the worker's frame does not compete with this thread's drawing for a
    // core (on two cores shared with other work, asking first made the drawing twice as slow)
    ask();
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
    for (const key of Object.keys(f)) if (next[key] !== undefined) f[key].set(next[key]);
    for (const key of Object.keys(selects)) if (next[key] !== undefined) selects[key].set(next[key]);
    if (next.hidden !== undefined) { hidden = next.hidden === '' ? [] : next.hidden.split(','); drawLayerEditor(); }
    rebuild();
  };
}
