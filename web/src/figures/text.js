// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Figure: rare words in a bag of words. Logistic regression (a network with no hidden layer) on
// 40 short reviews, trained from zero weights by SGD and by AdaGrad side by side: the loss and
// accuracy, each word's effective rate against how many reviews contain it, a rare and a common
// word's weight over the epochs, and both models' reading of a sentence the reader types.
// Every number comes from the WASM core (see text/model.js); this file only lays it out.
export const key = 'text';
export const title = 'Rare words in a bag of words';

import { cards, el } from '../ui/dom.js';
import { numberField, selectField, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { stepper } from '../ui/runstepper.js';
import { lineChart } from '../draw/linechart.js';
import { dotPlot } from '../draw/dotplot.js';
import { colors } from '../draw/colors.js';
import { short, percent } from '../format.js';
import { formula } from '../ui/math.js';
import { readFields as readSettings } from '../settings.js';
import { settings, SPEEDS, MAX_SENTENCE, coreNames } from './text/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { corpus, trainBoth, countVector } from './text/model.js';
import { textCaption } from './text/story.js';

export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(/** @type {AdagradLab.Lab} */ lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? trainBoth(lab, corpus(lab), configOf(values)) : null;
}

/** The model's configuration from the parsed settings (the view's and the export's). */
const configOf = (v) => ({ sgdLr: v.sgd, adaLr: v.ada, epochs: v.epochs });
export const schema = settings.schema;
const RARE_MAX_DF = 2;
// G so small that ε decides the rate (√G < 100 ε): "no gradient yet". Exact cancellations leave
// G at 0 or at rounding residue like 1e-34; either way the rate is about η/ε.
const negligible = (G) => G < 1e-16;   // the "rare word" menu: words in at most 2 reviews; the "common" menu: the rest

export function render(/** @type {HTMLElement} */ container, /** @type {AdagradLab.Lab} */ lab,
  /** @type {import('../registry.js').RenderOptions} */ { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  const bag = corpus(lab);
  const V = bag.dim;
  const net = new lab.Network({ layers: [V, 1], activation: 'linear' });  // reads a snapshot's predictions; lives as long as the page
  let run = null;   // the last good training of both models
  let epoch = 0;    // epochs shown

  const df = (word) => bag.documentFrequency[bag.index.get(word)];
  const reviews = (n) => `${n} review${n === 1 ? '' : 's'}`;
  const byDf = [...bag.vocabulary].sort((a, b) => df(b) - df(a) || a.localeCompare(b));
  const frequent = bag.index.has('the') ? 'the' : bag.vocabulary[0];  // the frequent word the rate chart labels
  const rareWords = [...bag.vocabulary].filter((w) => df(w) <= RARE_MAX_DF).sort();
  const commonWords = byDf.filter((w) => df(w) > RARE_MAX_DF);

  // ----- controls
  const fields = {
    sgd: numberField({ label: 'SGD learning rate η', name: 'sgd', value: s.sgd, onCommit: recompute, slide: settings.get('sgd')?.slide }),
    ada: numberField({ label: 'AdaGrad learning rate η', name: 'ada', value: s.ada, onCommit: recompute, slide: settings.get('ada')?.slide }),
    epochs: numberField({ label: 'epochs', name: 'epochs', value: s.epochs, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('epochs')?.slide }),
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  const transport = stepper({
    label: 'Training of the two word models, epoch by epoch', unit: 'epoch', speed: SPEEDS.includes(s.speed) ? s.speed : defaults.speed,
    speeds: SPEEDS.map((v) => [v, `${v} epochs/s`]),
    show: (step) => { epoch = step; show(); }, onStop: () => announce(), onSpeed: () => report(),
  });

  const caption = el('p', { className: 'fig-caption' });  // from the run: textCaption
  container.append(caption,
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the two word models' },
      fields.sgd.root, fields.ada.root, fields.epochs.root),
    el('p', { className: 'note' }, `${bag.n} reviews, ${V} distinct words (${[...bag.documentFrequency].filter((d) => d === 1).length} of them in a single review); full batch, both from all-zero weights; AdaGrad with PyTorch’s ε = 10⁻¹⁰.`),
    formMessage, transport.root);
  const readout = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  container.append(readout, live);

  // ----- panels
  const panel = (parent, title, cls = '') => {
    const f = el('figure', { className: `panel ${cls}`.trim() }, el('figcaption', {}, title));
    parent.append(f);
    return f;
  };
  const top = el('div', { className: 'figure-grid two' });
  const middle = el('div', { className: 'figure-grid one' });
  const bottom = el('div', { className: 'figure-grid two' });
  container.append(top, middle, bottom);
  const lossChart = lineChart(panel(top, 'Training loss (log scale)'), { xLabel: 'epoch', yLabel: 'loss', yLog: true, label: 'training loss (mean cross-entropy) against epoch' });
  const accChart = lineChart(panel(top, 'Training accuracy'), { xLabel: 'epoch', yLabel: 'accuracy', label: 'training accuracy against epoch' });
  const ratePanel = panel(middle, 'Each word’s learning rate against how many reviews contain it');
  const rateChart = dotPlot(ratePanel, { xLabel: 'reviews containing the word (log scale)', yLabel: 'effective rate (log)', xLog: true, yLog: true, label: 'effective learning rate of each word' });
  const rateNote = el('p', { className: 'note' });
  const rateMath = el('div', { className: 'rate-math' });
  ratePanel.append(rateMath, rateNote);

  const rarePanel = panel(bottom, 'A rare word’s weight');
  const commonPanel = panel(bottom, 'A common word’s weight');
  const rare = selectField({ label: 'rare word (in 1–2 reviews)', name: 'rare', value: rareWords.includes(s.rare) ? s.rare : defaults.rare, options: rareWords.map((w) => [w, `${w} (${reviews(df(w))})`]), onChange: () => { rare.ok(); report(); showCaption(); show(); } });
  const common = selectField({ label: 'common word', name: 'common', value: commonWords.includes(s.common) ? s.common : defaults.common, options: commonWords.map((w) => [w, `${w} (${reviews(df(w))})`]), onChange: () => { common.ok(); report(); showCaption(); show(); } });
  rarePanel.append(rare.root);
  commonPanel.append(common.root);
  const rareChart = lineChart(rarePanel, { xLabel: 'epoch', yLabel: 'weight', label: 'weight of the rare word against epoch' });
  const commonChart = lineChart(commonPanel, { xLabel: 'epoch', yLabel: 'weight', label: 'weight of the common word against epoch' });

  // ----- the sentence box
  const tryPanel = panel(container, 'Try a sentence', 'try-panel');
  const sayId = `text-say-${Math.random().toString(36).slice(2, 8)}`;
  const sayInput = el('input', {
    id: sayId, type: 'text', className: 'say-input', value: s.say, maxlength: String(MAX_SENTENCE),
    autocomplete: 'off', spellcheck: 'true', dataset: { field: 'say' }, 'aria-describedby': `${sayId}-msg`,
  });
  const sayMessage = el('span', { id: `${sayId}-msg`, className: 'field-msg', 'aria-live': 'polite' });
  const sayField = el('div', { className: 'field say-field' }, el('label', { for: sayId }, 'Your review (words the 40 reviews never use are ignored)'), sayInput, sayMessage);
  const verdicts = el('div', { className: 'verdicts', 'aria-live': 'polite' });
  const wordsTable = el('div', { className: 'table-wrap words-wrap', tabindex: '0', role: 'region', 'aria-label': 'The weights each model reads for this sentence (one card per word on a phone)' });
  const ignored = el('p', { className: 'note' });
  const wordsTitle = el('p', { className: 'table-title', 'aria-hidden': 'true' });
  tryPanel.append(sayField, verdicts, ignored, wordsTitle, wordsTable);
  let sentence = null;  // the last good sentence: {text, counts, known, unknown}
  sayInput.addEventListener('input', () => { readSentence(); showSentence(); report(); });

  // ----- reading the settings and computing (in the core)
  function readFields() {
    const v = readSettings(settings, fields);
    return v && configOf(v);
  }

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the figure still shows the last valid training.'; return false; }
    let next;
    try {
      next = trainBoth(lab, bag, cfg);
    } catch (error) {
      // The core names the option ("lr must be finite and > 0, got -1"); model.js says whose.
      const msg = messageOf(error);
      fields[fieldOfMessage(msg) === 'lr' && error.which ? error.which : 'epochs'].error(pageWords(msg, coreNames(error.which)));
      formMessage.textContent = 'The core refused this setting; the figure still shows the last valid training.';
      return false;
    }
    formMessage.textContent = '';
    run = { ...next, last: Math.max(next.sgd.done, next.ada.done) };
    showCaption();
    transport.load(run.last);
    report();
    show();
    announce();
    return true;
  }

  function showCaption() {
    if (run) caption.textContent = textCaption(run, bag, { rare: rare.value, common: common.value });
  }

  function readSentence() {
    const text = sayInput.value;
    if (text.trim() === '') { sayError('Type a few words to see what each model makes of them.'); return false; }
    if (text.length > MAX_SENTENCE) { sayError(`Keep it under ${MAX_SENTENCE} characters.`); return false; }
    try {
      sentence = { text, ...countVector(lab, bag, text) };
    } catch (error) {
      sayError(messageOf(error));
      return false;
    }
    sayMessage.textContent = '';
    sayInput.removeAttribute('aria-invalid');
    sayField.classList.remove('invalid');
    return true;
  }
  function sayError(msg) {
    sayMessage.textContent = msg;
    sayInput.setAttribute('aria-invalid', 'true');
    sayField.classList.add('invalid');
  }

  function report() {
    onState({
      sgd: fields.sgd.text.trim(), ada: fields.ada.text.trim(), epochs: fields.epochs.text.trim(), speed: transport.speed,
      rare: rare.value, common: common.value,
      say: settings.get('say').accepts(sayInput.value) ? sayInput.value : (sentence ? sentence.text : defaults.say),
    });
  }

  // ----- drawing
  const row = (r, e) => r.params.subarray(e * run.P, (e + 1) * run.P);
  const shownEpoch = (r) => Math.min(epoch, r.done);
  const weightOf = (r, word, e = shownEpoch(r)) => row(r, e)[bag.index.get(word)];
  // divergedAt() is the 0-based index of the epoch that failed; the page counts epochs from 1
  const stopped = (r) => r.divergedAt !== null && epoch > r.done;
  const divergedText = (r, name) => `${name} diverged in epoch ${r.divergedAt + 1}`;
  const stoppedNote = (r, name) => (stopped(r) ? ` ${divergedText(r, name)}; its last good weights are shown.` : '');

  function show() {
    if (!run) return;
    const { sgd, ada } = run;
    const xDomain = [0, Math.max(1, run.epochs)];
    const markers = [];
    for (const [r, name, color] of [[sgd, 'SGD', colors.other], [ada, 'AdaGrad', colors.adagrad]]) {
      if (stopped(r)) markers.push({ x: r.done + 1, text: divergedText(r, name), color: colors.danger || color });
    }
    const series = (r, name, values, style) => ({ label: name, y: values, count: Math.min(epoch, r.done) + 1, last: true, lastRadius: 3.5, ...style });
    const sgdStyle = { color: colors.other, dash: [7, 4] }, adaStyle = { color: colors.adagrad };
    const at = (r, values) => values[shownEpoch(r)];
    // loss: log scale, floored so a perfectly fitted run cannot stretch the axis over 300 decades
    // and topped at the highest finite loss (a large η can push it far above the start's ln 2)
    let lo = Infinity, hi = 1;
    for (const r of [sgd, ada]) for (const v of r.losses) if (v > 0 && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const floor = Math.max(1e-6, Math.pow(10, Math.floor(Math.log10(lo))));
    lossChart({
      xDomain, yDomain: [floor, Math.min(1e300, Math.pow(10, Math.ceil(Math.log10(hi))))], markers,
      series: [series(sgd, `SGD, η = ${short(run.sgdLr)}`, sgd.losses, sgdStyle), series(ada, `AdaGrad, η = ${short(run.adaLr)}`, ada.losses, adaStyle)],
      description: `Training loss after ${epoch} epochs: SGD ${short(at(sgd, sgd.losses), 4)}, AdaGrad ${short(at(ada, ada.losses), 4)}.${stoppedNote(sgd, 'SGD')}${stoppedNote(ada, 'AdaGrad')}`,
    });
    accChart({
      xDomain, yDomain: [0, 1], yFormat: (v) => `${Math.round(v * 100)}%`, markers,
      series: [series(sgd, 'SGD', sgd.accuracies, sgdStyle), series(ada, 'AdaGrad', ada.accuracies, adaStyle)],
      description: `Training accuracy after ${epoch} epochs: SGD ${percent(at(sgd, sgd.accuracies))}, AdaGrad ${percent(at(ada, ada.accuracies))}.`,
    });
    showRates();
    for (const [chart, select, kind] of /** @type {const} */ ([[rareChart, rare, 'rare'], [commonChart, common, 'common']])) {
      const word = select.value, i = bag.index.get(word);
      const path = (r) => Float64Array.from({ length: r.done + 1 }, (_, e) => r.params[e * run.P + i]);
      chart({
        xDomain,
        series: [series(sgd, 'SGD', path(sgd), sgdStyle), series(ada, 'AdaGrad', path(ada), adaStyle)],
        yLabel: `weight of “${word}”`,
        description: `Weight of the ${kind} word “${word}” (in ${reviews(df(word))}) after ${epoch} epochs: SGD ${short(weightOf(sgd, word), 4)}, AdaGrad ${short(weightOf(ada, word), 4)}.`,
      });
    }
    showSentence();
    readout.replaceChildren(...readoutParts());
  }

  const maxDf = Math.max(...bag.documentFrequency);
  const rateAxis = { xDomain: [0.8, Math.max(40, maxDf * 1.3)], xTicks: [1, 2, 5, 10, 20].filter((t) => t <= maxDf * 1.3) };
  function showRates() {
    const { ada } = run;
    const e = shownEpoch(ada);
    const sgdLine = { y: run.sgdLr, label: `SGD: η = ${short(run.sgdLr)} for every word`, color: colors.other, dash: [7, 4] };
    if (e === 0) {
      rateChart({
        points: [], groups: { ada: { label: 'AdaGrad: η / (√G + ε), one dot per word', color: colors.adagrad, shape: 'circle' } },
        lines: [sgdLine], ...rateAxis, yDomain: [run.sgdLr / 10, run.sgdLr * 10],
        description: 'No epoch trained yet: AdaGrad has no effective rate before its first step. SGD uses its η for every word.',
      });
      rateNote.textContent = 'Epoch 0: no step taken yet. Step or play to see the rates.';
      rateMath.replaceChildren();
      return;
    }
    const rates = ada.rates.subarray((e - 1) * run.P, e * run.P);
    const sums = ada.sums.subarray((e - 1) * run.P, e * run.P);
    const labelled = new Set([rare.value, common.value, frequent]);
    const points = [];
    let lo = run.sgdLr, hi = run.sgdLr, zero = 0;
    for (let i = 0; i < V; i++) {
      const word = bag.vocabulary[i];
      const x = bag.documentFrequency[i];
      if (negligible(sums[i])) { zero++; points.push({ x, y: Infinity, group: 'ada', label: labelled.has(word) ? word : '' }); continue; }
      const y = rates[i];
      lo = Math.min(lo, y); hi = Math.max(hi, y);
      points.push({ x, y, group: 'ada', label: labelled.has(word) ? word : '' });
    }
    // draw the labelled words last, so their rings sit on top
    points.sort((a, b) => (a.label ? 1 : 0) - (b.label ? 1 : 0));
    rateChart({
      points, jitter: true,
      groups: { ada: { label: 'AdaGrad: η / (√G + ε), one dot per word', color: colors.adagrad, shape: 'circle', alpha: 0.6 } },
      lines: [sgdLine],
      legend: zero ? [{ label: 'no gradient yet (G ≈ 0): rate ≈ η/ε, above the chart', color: colors.adagrad, shape: 'triangle', hollow: true }] : [],
      ...rateAxis,
      yDomain: [Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))],
      description: rateDescription(e, rates),
    });
    const r = (w) => rates[bag.index.get(w)];
    // each labelled word's rate, worked with its G after this epoch (both from the core)
    rateMath.replaceChildren(...[rare.value, common.value].map((word) => {
      const i = bag.index.get(word);
      return el('p', { className: 'rate-line' }, el('span', { className: 'rate-word' }, `“${word}”`),
        formula('text.rate', { lr: short(run.adaLr), G: short(sums[i], 4), rate: short(rates[i], 4) }));
    }));
    rateNote.textContent = `After epoch ${e}: “${rare.value}” (${reviews(df(rare.value))}) keeps a rate of ${short(r(rare.value), 3)}, `
      + `“${common.value}” (${reviews(df(common.value))}) ${short(r(common.value), 3)}, and “${frequent}” (${reviews(df(frequent))}) ${short(r(frequent), 3)}. `
      + (negligible(sums[V]) ? 'The bias has had no gradient yet (half the reviews are positive, so at P = 0.5 their pushes cancel). ' : `The bias, fed by every review, has ${short(rates[V], 3)}. `)
      + `Dots in one column share a count; they are spread sideways only to be seen.`
      + (zero ? ` ${zero} word${zero === 1 ? ' has' : 's have'} had no gradient yet (their pushes from positive and negative reviews cancelled).` : '');
  }

  function rateDescription(e, rates) {
    // median rate of the words in one review against the words in 5 or more (values from the core)
    const pick = (test) => [...bag.vocabulary.keys()].filter((i) => test(bag.documentFrequency[i])).map((i) => rates[i]).sort((a, b) => a - b);
    const median = (list) => (list.length ? list[list.length >> 1] : NaN);
    return `Effective rate of each word after epoch ${e}, against the number of reviews containing it. `
      + `Median AdaGrad rate of the words in one review: ${short(median(pick((d) => d === 1)), 3)}; of the words in 5 or more reviews: ${short(median(pick((d) => d >= 5)), 3)}. SGD uses ${short(run.sgdLr)} for every word.`;
  }

  function showSentence() {
    if (!run || !sentence) return;
    const { sgd, ada } = run;
    const predict = (r) => { net.setParams(row(r, shownEpoch(r))); return net.predict(sentence.counts)[0]; };
    const p = { sgd: predict(sgd), ada: predict(ada) };
    const verdict = (name, prob, cls) => el('div', { className: `verdict ${cls}` },
      el('span', { className: 'verdict-name' }, name),
      el('span', { className: 'bar', role: 'presentation' }, el('span', { className: 'fill', style: `width: ${(prob * 100).toFixed(1)}%` })),
      el('span', { className: 'verdict-value', dataset: { value: String(prob) } }, `P(positive) = ${short(prob, 3)}: ${prob > 0.5 ? 'positive' : 'negative'}`));
    verdicts.replaceChildren(verdict('SGD', p.sgd, 'sgd'), verdict('AdaGrad', p.ada, 'adagrad'));
    ignored.textContent = sentence.unknown.length
      ? `Ignored (never used in the 40 reviews, so neither model has a weight for them): ${sentence.unknown.join(', ')}.`
      : (sentence.known.length ? 'Every word of it appears in the reviews.' : '');
    if (!sentence.known.length) ignored.textContent += ' None of these words is in the reviews: both models answer from their bias alone.';
    const head = el('tr', {}, el('th', { scope: 'col' }, 'word'), el('th', { scope: 'col' }, 'reviews'),
      el('th', { scope: 'col' }, 'count'), el('th', { scope: 'col' }, 'SGD w'), el('th', { scope: 'col' }, 'AdaGrad w'));
    const body = sentence.known.map((word) => el('tr', {},
      el('th', { scope: 'row' }, word), el('td', {}, String(df(word))), el('td', {}, String(sentence.counts[bag.index.get(word)])),
      el('td', {}, short(weightOf(sgd, word), 3)), el('td', {}, short(weightOf(ada, word), 3))));
    body.push(el('tr', { className: 'bias-row' }, el('th', { scope: 'row' }, 'bias'), el('td', {}, String(bag.n)), el('td', {}, '1'),
      el('td', {}, short(row(sgd, shownEpoch(sgd))[V], 3)), el('td', {}, short(row(ada, shownEpoch(ada))[V], 3))));
    const caption = `The weights each model reads for this sentence, after epoch ${epoch}`;
    wordsTitle.textContent = caption;
    wordsTable.replaceChildren(cards(el('table', { className: 'steps words' },
      el('caption', { className: 'visually-hidden' }, caption),
      el('thead', {}, head), el('tbody', {}, body))));
  }

  function readoutParts() {
    const { sgd, ada } = run;
    const value = (r, v) => (stopped(r) ? ' —' : ` ${short(v, 3)}`);  // the headline says which diverged
    const w = (word) => [el('span', { className: 'key-other' }, 'SGD'), value(sgd, weightOf(sgd, word)), ', ',
      el('span', { className: 'key-adagrad' }, 'AdaGrad'), value(ada, weightOf(ada, word))];
    const parts = [el('strong', {}, `Epoch ${epoch} of ${run.epochs}`),
      ` · loss: SGD ${short(sgd.losses[shownEpoch(sgd)], 3)}, AdaGrad ${short(ada.losses[shownEpoch(ada)], 3)}`,
      ` · “${rare.value}” (${reviews(df(rare.value))}): `, ...w(rare.value),
      ` · “${common.value}” (${reviews(df(common.value))}): `, ...w(common.value)];
    if (stopped(sgd) || stopped(ada)) {
      parts.splice(1, 1, ' · ', ...[[sgd, 'SGD'], [ada, 'AdaGrad']].flatMap(([r, name], i) => [i ? ', ' : '',
        stopped(r) ? el('span', { className: 'danger' }, divergedText(r, name)) : `${name} loss ${short(r.losses[shownEpoch(r)], 3)}`]));
    }
    return parts;
  }

  function announce() {
    if (!run) return;
    let text = readout.textContent;
    if (sentence) text += ` · Your sentence: SGD ${verdicts.querySelector('.sgd .verdict-value')?.textContent}; AdaGrad ${verdicts.querySelector('.adagrad .verdict-value')?.textContent}.`;
    live.textContent = text;
  }

  // ----- settings from a link: words must be in their menus, the sentence is only ever text
  function applyWords(next) {
    for (const [select, list, key] of /** @type {const} */ ([[rare, rareWords, 'rare'], [common, commonWords, 'common']])) {
      const word = next[key];
      if (word === undefined) continue;
      if (list.includes(word)) { select.set(word); select.ok(); } else select.error(`“${word}” is not among the ${key} words of the reviews; showing “${select.value}”.`);
    }
  }
  applyWords(s);
  readSentence();
  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'training');

  return function update(next = {}) {
    for (const k of ['sgd', 'ada', 'epochs']) if (next[k] !== undefined) fields[k].set(next[k]);
    if (next.speed !== undefined && SPEEDS.includes(next.speed)) transport.setSpeed(next.speed);
    applyWords(next);
    if (next.say !== undefined) { sayInput.value = next.say; readSentence(); }
    recompute();
  };
}
