// Figure: rare words when the data come a few reviews at a time. The view only: settings.js
// declares the settings, model.js trains through the core, story.js words the run.
import { el } from '../../ui/dom.js';
import { numberField, selectField, fieldOfMessage, messageOf, restoreDefaults } from '../../ui/controls.js';
import { stepper } from '../../ui/runstepper.js';
import { lineChart } from '../../draw/linechart.js';
import { colors } from '../../draw/colors.js';
import { short } from '../../format.js';
import { readFields as readSettings } from '../../settings.js';
import { segmentsToNodes } from '../../story/segments.js';
import { settings, SPEEDS, coreNames } from './settings.js';
import { pageWords } from '../../ui/pagewords.js';
import { corpus, stochasticRun } from './model.js';
import { stochasticStory } from './story.js';

export const key = 'stochastic';
export const title = 'Rare words, a few reviews at a time';
export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? stochasticRun(lab, corpus(lab), values) : null;
}
export const schema = settings.schema;

const RARE = { color: colors.blue, dash: [6, 3] };
const COMMON = { color: colors.orange, dash: null };

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  const bag = corpus(lab);
  const df = (w) => bag.documentFrequency[bag.index.get(w)];
  const reviews = (k) => `${k} review${k === 1 ? '' : 's'}`;
  const byDf = [...bag.vocabulary].sort((a, b) => df(b) - df(a) || a.localeCompare(b));
  const rareWords = byDf.filter((w) => df(w) <= 2).sort();
  const commonWords = byDf.filter((w) => df(w) > 2);
  let run = null, epoch = 0;

  const d = settings.declarations;
  const numeric = (k, o = {}) => numberField({ label: d[k].label, name: k, value: s[k], width: 's', onCommit: recompute, slide: d[k].slide, ...o });
  const fields = { sgd: numeric('sgd'), ada: numeric('ada'), batch: numeric('batch', { inputMode: 'numeric' }), epochs: numeric('epochs', { inputMode: 'numeric' }), seed: numeric('seed', { inputMode: 'numeric' }) };
  const pick = (k, list, label) => selectField({
    label, name: k, value: list.includes(s[k]) ? s[k] : list[0], options: list.map((w) => [w, `${w} (${reviews(df(w))})`]),
    onChange: () => { report(); explainRun(); show(); },
  });
  const rare = pick('rare', rareWords, 'rare word (in 1–2 reviews)');
  const common = pick('common', commonWords, 'common word');
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Training a few reviews at a time, epoch by epoch', unit: 'epoch', speed: SPEEDS.includes(s.speed) ? s.speed : defaults.speed,
    speeds: d.speed.options, show: (t) => { epoch = t; show(); }, onStop: () => announce(), onSpeed: () => report(),
  });
  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the mini-batch training' },
      ...Object.values(fields).map((f) => f.root), rare.root, common.root),
    el('p', { className: 'note' }, `The ${bag.n} reviews of §8; logistic regression from all-zero weights; AdaGrad with PyTorch’s ε = 10⁻¹⁰. The dotted line is AdaGrad on the full batch, for contrast.`),
    formMessage, transport.root);
  const grid = el('div', { className: 'figure-grid two' });
  const panel = (heading) => { const f = el('figure', { className: 'panel' }, el('figcaption', {}, heading)); grid.append(f); return f; };
  const rateChart = lineChart(panel('AdaGrad’s rate for each word, after each epoch (log scale)'), { xLabel: 'epoch', yLabel: 'rate', yLog: true, label: 'effective rates of the two words' });
  const weightChart = lineChart(panel('Each word’s weight'), { xLabel: 'epoch', yLabel: 'weight', label: 'weights of the two words' });
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  const explain = el('div', { className: 'explain' });
  container.append(grid, readout, live, explain);

  function recompute() {
    const cfg = readSettings(settings, fields);
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid training.'; return false; }
    let next;
    try {
      next = stochasticRun(lab, bag, cfg);
    } catch (error) {
      const msg = messageOf(error);
      const k = fieldOfMessage(msg) === 'lr' && error.which ? error.which : { batch_size: 'batch', shuffle_seed: 'seed' }[fieldOfMessage(msg)] || 'epochs';
      fields[k].error(pageWords(msg, coreNames(error.which)));
      formMessage.textContent = 'The core refused this setting; the figure still shows the last valid training.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    report();
    explainRun();
    transport.load(Math.max(run.sgd.done, run.ada.done));
    announce();
    return true;
  }

  function report() {
    onState({ ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.text.trim()])), rare: rare.value, common: common.value, speed: transport.speed });
  }

  function explainRun() {
    if (run) explain.replaceChildren(...stochasticStory(run, bag, { rare: rare.value, common: common.value }).paragraphs.map((p) => el('p', {}, ...segmentsToNodes(p))));
  }

  function show() {
    if (!run) return;
    const { P, sgd, ada, full } = run;
    const i = bag.index.get(rare.value), j = bag.index.get(common.value);
    const E = Math.max(1, run.cfg.epochs);
    const epochsOf = (n) => Float64Array.from({ length: n }, (_, e) => e + 1);
    const column = (a, k, n, offset = 0) => Float64Array.from({ length: n }, (_, e) => a[(e + offset) * P + k]);
    const upTo = (r) => Math.min(epoch, r.done);
    rateChart({
      xDomain: [0, E],
      series: [
        { label: `“${rare.value}”`, ...RARE, x: epochsOf(ada.done), y: column(ada.rates, i, ada.done), count: upTo(ada), last: true, lastRadius: 3 },
        { label: `“${common.value}”`, ...COMMON, x: epochsOf(ada.done), y: column(ada.rates, j, ada.done), count: upTo(ada), last: true, lastRadius: 3 },
        { label: `“${rare.value}”, full batch`, color: RARE.color, dash: [1, 3], x: epochsOf(full.done), y: column(full.rates, i, full.done), count: upTo(full) },
        { label: `SGD’s η = ${short(run.cfg.sgd)}`, color: colors.other, dash: [2, 3], width: 1.5, x: [0, E], y: [run.cfg.sgd, run.cfg.sgd] },
      ],
      description: epoch > 0 ? `AdaGrad’s rates after epoch ${epoch}: “${rare.value}” ${short(ada.rates[(upTo(ada) - 1) * P + i], 3)}, “${common.value}” ${short(ada.rates[(upTo(ada) - 1) * P + j], 3)}.` : 'No epoch trained yet.',
    });
    const xs = (r) => Float64Array.from({ length: r.done + 1 }, (_, e) => e);
    weightChart({
      xDomain: [0, E],
      series: [
        { label: `“${rare.value}”, AdaGrad`, ...RARE, color: colors.adagrad, x: xs(ada), y: column(ada.params, i, ada.done + 1), count: upTo(ada) + 1, last: true, lastRadius: 3 },
        { label: `“${common.value}”, AdaGrad`, ...COMMON, color: colors.adagrad, x: xs(ada), y: column(ada.params, j, ada.done + 1), count: upTo(ada) + 1, last: true, lastRadius: 3 },
        { label: `“${rare.value}”, SGD`, ...RARE, color: colors.other, x: xs(sgd), y: column(sgd.params, i, sgd.done + 1), count: upTo(sgd) + 1, last: true, lastRadius: 3 },
        { label: `“${common.value}”, SGD`, ...COMMON, color: colors.other, x: xs(sgd), y: column(sgd.params, j, sgd.done + 1), count: upTo(sgd) + 1, last: true, lastRadius: 3 },
      ],
      description: `Weights after epoch ${epoch}: AdaGrad “${rare.value}” ${short(ada.params[upTo(ada) * P + i], 3)}, “${common.value}” ${short(ada.params[upTo(ada) * P + j], 3)}; SGD ${short(sgd.params[upTo(sgd) * P + i], 3)} and ${short(sgd.params[upTo(sgd) * P + j], 3)}.`,
    });
    readout.replaceChildren(el('strong', {}, `Epoch ${epoch} of ${run.cfg.epochs}`),
      ` · ${run.stepsPerEpoch} step${run.stepsPerEpoch === 1 ? '' : 's'} an epoch · “${rare.value}” in ${reviews(df(rare.value))}, “${common.value}” in ${reviews(df(common.value))}`);
  }

  function announce() { if (run) live.textContent = readout.textContent; }

  function applyWords(next) {
    for (const [select, list, k] of [[rare, rareWords, 'rare'], [common, commonWords, 'common']]) {
      if (next[k] === undefined) continue;
      if (list.includes(next[k])) { select.set(next[k]); select.ok(); } else select.error(`“${next[k]}” is not among the ${k} words of the reviews; showing “${select.value}”.`);
    }
  }
  applyWords(s);
  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'training');

  return function update(next = {}) {
    for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
    applyWords(next);
    if (next.speed !== undefined && SPEEDS.includes(next.speed)) transport.setSpeed(next.speed);
    recompute();
  };
}
