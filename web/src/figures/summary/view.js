// Figure: when to reach for AdaGrad. The view only: settings.js declares the four questions,
// model.js runs each recap card's small experiment in the core, story.js chooses each card's
// words from its run and the advice from the answers; here they become radios, cards and lines.
import { el, uid } from '../../ui/dom.js';
import { sparkline } from '../../draw/sparkline.js';
import { colors } from '../../draw/colors.js';
import { optimizerStyles } from '../../draw/optimizer-styles.js';
import { settings, QUESTIONS } from './settings.js';
import { cardRuns } from './model.js';
import { CARDS, advice } from './story.js';

export const key = 'summary';
export const title = 'When to reach for AdaGrad';
export const defaults = settings.defaults;

/** The cards' runs (the same whatever the answers) as plain data, for the JSON export. */
export function results(lab) {
  return cardRuns(lab);
}
export const schema = settings.schema;

// the page's one style per optimizer (draw/optimizer-styles.js), as in the figures each card links to
const { sgd, adagrad, forgetful } = optimizerStyles;
const sgdStyle = { color: sgd.color, dash: sgd.dash }, adaStyle = { color: adagrad.color, width: 2.2 };
// where each card sits, what it links to, and how its sparkline is drawn from its run
const LAYOUT = {
  sparse: { group: 'helps', href: 'valley', section: '§7 Sparse valley',
    draw: (c) => ({ series: [{ y: column(c.gd.params, 2, 0), ...sgdStyle }, { y: column(c.ada.params, 2, 0), ...adaStyle }], refs: [{ y: c.target }] }) },
  words: { group: 'helps', href: 'text', section: '§8 Rare words', xLabel: 'epochs',
    draw: (c) => ({ series: [{ y: c.rare.sgd, ...sgdStyle }, { y: c.rare.ada, ...adaStyle }] }) },
  scales: { group: 'helps', href: 'race', section: '§5 Race', yLog: true,
    draw: (c) => ({ series: [{ y: c.gdRun.values, ...sgdStyle }, { y: c.adaRun.values, ...adaStyle }] }) },
  fading: { group: 'hurts', href: 'fading', section: '§10 Fading rate', yLog: true,
    draw: (c) => {
      const t = Float64Array.from({ length: c.steps }, (_, i) => i + 1);  // rates[i] is after step i + 1
      const rm = optimizerStyles.rmsprop;
      return { xDomain: [0, c.steps], series: [{ x: t, y: c.rms.rates, color: rm.color, dash: rm.dash }, { x: t, y: c.ada.rates, ...adaStyle }] };
    } },
  eta: { group: 'hurts', href: 'parabola', section: '§3 Parabola',
    draw: (c) => {
      const looks = [{ color: colors.muted, dash: [2, 3] }, { color: colors.other, dash: [6, 3] }, adaStyle];
      return { series: c.runs.map((r, i) => ({ y: r.params, ...looks[i] })), refs: [{ y: 0 }] };
    } },
  bug: { group: 'hurts', href: 'pitfall', section: '§12 Pitfall',
    draw: (c) => ({ series: [{ y: c.bad.params, color: forgetful.color, dash: forgetful.dash }, { y: c.good.params, ...adaStyle }], refs: [{ y: 0 }] }) },
};
const KEY_CLASS = { other: 'key-other', adagrad: 'key-adagrad', rmsprop: 'key-rmsprop', bug: 'key-bug' };
const column = (params, dim, k) => Float64Array.from({ length: params.length / dim }, (_, i) => params[dim * i + k]);
const segment = (s) => (typeof s === 'string' ? s
  : s.href ? el('a', { href: `#${s.href}` }, s.text)
    : el('span', { className: KEY_CLASS[s.key] ?? `eta ${s.key}` }, s.text));

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const answers = { ...defaults };
  for (const q of QUESTIONS) if (settings.get(q.key).accepts(state[q.key])) answers[q.key] = state[q.key];

  container.append(el('p', { className: 'fig-caption' },
    'AdaGrad pays off where gradients are rare or unevenly scaled and the run is not too long; answer four questions, then check each claim against its small live run below.'));

  // ----- the decision panel
  const radios = {};
  const questions = el('div', { className: 'questions' }, QUESTIONS.map((q) => {
    const name = uid(`summary-${q.key}`);
    const choice = (value) => {
      const id = uid(`${name}-${value}`);
      const input = el('input', { type: 'radio', id, name, value, dataset: { question: q.key } });
      input.checked = answers[q.key] === value;
      input.addEventListener('change', () => { if (input.checked) { answers[q.key] = value; onState({ ...answers }); advise(); } });
      (radios[q.key] ||= {})[value] = input;
      return el('label', { for: id, className: 'choice' }, input, ` ${value}`);
    };
    return el('fieldset', { className: 'question' }, el('legend', {}, q.text), choice('yes'), choice('no'));
  }));
  const adviceBox = el('div', { className: 'advice', 'aria-live': 'polite' });
  container.append(el('div', { className: 'decision' }, questions, adviceBox));

  // ----- the recap strip: each card a small run in the core, its words chosen from that run
  const groups = { helps: el('div', { className: 'cards' }), hurts: el('div', { className: 'cards' }) };
  container.append(
    el('h3', { className: 'cards-title' }, 'Reach for it when…'), groups.helps,
    el('h3', { className: 'cards-title' }, 'Think twice when…'), groups.hurts);
  const runs = cardRuns(lab);
  const cards = {};
  for (const [id, layout] of Object.entries(LAYOUT)) {
    const figure = el('figure', { className: 'card', dataset: { card: id } });
    groups[layout.group].append(figure);
    cards[id] = { figure };
    const run = runs[id];
    if (run.error) {
      figure.append(el('figcaption', {}, el('strong', {}, id)), el('p', { className: 'card-number' }, el('span', { className: 'danger' }, `This run failed: ${run.error}`)));
      continue;
    }
    const words = CARDS[id](run);
    figure.append(el('figcaption', {}, el('strong', {}, words.title), ' ', words.claim));
    const draw = sparkline(figure, { yLog: layout.yLog ?? false, xLabel: layout.xLabel ?? 'steps', label: words.title });
    draw({ ...layout.draw(run), description: words.description });
    figure.append(el('p', { className: 'card-number', dataset: { value: String(words.value) } }, ...words.numbers.map(segment)),
      el('p', { className: 'card-link' }, el('a', { href: `#${layout.href}` }, `See it in full: ${layout.section} ›`)));
  }
  container.append(el('p', { className: 'note' }, 'In every card: ', segment({ text: 'AdaGrad', key: 'adagrad' }), ' is the solid violet line, plain ',
    segment({ text: 'GD/SGD', key: 'other' }), ' the dashed grey one; dotted horizontal lines mark the target. Each card is a fresh run of the core when the page loads.'));

  function advise() {
    const a = advice(answers);
    adviceBox.replaceChildren(el('p', { className: 'verdict-line' }, el('strong', {}, a.verdict)), el('p', {}, ...a.parts.map(segment)));
    for (const [id, on] of Object.entries(a.related)) cards[id]?.figure.classList.toggle('related', on);
  }
  advise();

  return function update(next = {}) {
    for (const q of QUESTIONS) {
      const v = next[q.key];
      if (!settings.get(q.key).accepts(v)) continue;
      answers[q.key] = v;
      radios[q.key][v].checked = true;
    }
    advise();
    onState({ ...answers });   // the page's address follows a pasted link's answers
  };
}
