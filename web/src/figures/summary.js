// Figure: when to reach for AdaGrad. A short decision panel (a few yes/no questions about the
// reader's problem and the advice that follows) above a recap strip: one card per lesson, each
// with a sparkline from a quick run in the WASM core and a link to the figure that shows it in
// full. The advice is plain reasoning; every number and line comes from the core.
export const key = 'summary';
export const title = 'When to reach for AdaGrad';

import { el, uid } from '../ui/dom.js';
import { sparkline } from '../draw/sparkline.js';
import { colors } from '../draw/colors.js';
import { optimizerStyles } from '../draw/optimizer-styles.js';
import { short } from '../format.js';
import { oneOf } from '../state.js';
import { corpus, trainBoth } from './text/model.js';
import { defaults as textDefaults } from './text.js';
import { defaults as pitfallDefaults } from './pitfall.js';

const YES_NO = oneOf(['yes', 'no']);
const QUESTIONS = [
  { key: 'sparse', text: 'Are most of your input values zero (words, IDs, one-hot columns)?' },
  { key: 'scales', text: 'Are your features on very different scales, and not normalised?' },
  { key: 'convex', text: 'Is the model linear, or the problem otherwise convex?' },
  { key: 'deep', text: 'Will you train a deep network for many epochs?' },
];
export const defaults = { sparse: 'yes', scales: 'no', convex: 'yes', deep: 'no' };
export const schema = Object.fromEntries(QUESTIONS.map((q) => [q.key, YES_NO]));
const BUG = '#c2255c';

export function render(container, lab, { state = {}, onState = () => {} } = {}) {
  const answers = { ...defaults };
  for (const q of QUESTIONS) if (state[q.key] === 'yes' || state[q.key] === 'no') answers[q.key] = state[q.key];

  container.append(el('p', { className: 'fig-caption' },
    'AdaGrad pays off where gradients are rare or unevenly scaled and the run is not too long; answer four questions, then check each claim against its small live run below.'));

  // ----- the decision panel
  const radios = {};
  const questions = el('div', { className: 'questions' }, QUESTIONS.map((q) => {
    const name = uid(`summary-${q.key}`);
    const choice = (value, text) => {
      const id = uid(`${name}-${value}`);
      const input = el('input', { type: 'radio', id, name, value, dataset: { question: q.key } });
      input.checked = answers[q.key] === value;
      input.addEventListener('change', () => { if (input.checked) { answers[q.key] = value; onState({ ...answers }); advise(); } });
      (radios[q.key] ||= {})[value] = input;
      return el('label', { for: id, className: 'choice' }, input, ` ${text}`);
    };
    return el('fieldset', { className: 'question' }, el('legend', {}, q.text), choice('yes', 'yes'), choice('no', 'no'));
  }));
  const advice = el('div', { className: 'advice', 'aria-live': 'polite' });
  container.append(el('div', { className: 'decision' }, questions, advice));

  // ----- the recap strip: each card a quick run in the core
  const helps = el('div', { className: 'cards' });
  const hurts = el('div', { className: 'cards' });
  container.append(
    el('h3', { className: 'cards-title' }, 'Reach for it when…'), helps,
    el('h3', { className: 'cards-title' }, 'Think twice when…'), hurts);
  const cards = {};
  const card = (parent, id, { title, text, href, section, yLog = false, xLabel = 'steps' }) => {
    const figure = el('figure', { className: 'card', dataset: { card: id } });
    const caption = el('figcaption', {}, el('strong', {}, title), ' ', text);
    const number = el('p', { className: 'card-number' });
    figure.append(caption);
    const draw = sparkline(figure, { yLog, xLabel, label: title });
    figure.append(number, el('p', { className: 'card-link' }, el('a', { href: `#${href}` }, `See it in full: ${section} ›`)));
    parent.append(figure);
    cards[id] = { figure, number, draw };
    return cards[id];
  };
  const tag = (name, cls) => el('span', { className: cls }, name);
  const fail = (c, error) => { c.number.replaceChildren(el('span', { className: 'danger' }, `This run failed: ${error && error.message ? error.message : error}`)); };
  const sgdStyle = { color: colors.other, dash: [6, 3] }, adaStyle = { color: colors.adagrad, width: 2.2 };

  // 1. sparse features: the rare column's weight under GD and AdaGrad, same η
  {
    const c = card(helps, 'sparse', { title: 'Sparse features.', text: 'A column that is 1 in only 5% of rows gets tiny gradients; plain GD crawls along it, AdaGrad does not.', href: 'valley', section: '§7 Sparse valley' });
    try {
      const data = lab.makeRegressionDataset({ kind: 'sparse_column', n_samples: 200, density: 0.05, seed: 7 });
      const target = lab.linearRegressionMinimum(data)[0];
      const lr = 0.5, steps = 50, at = 10;
      const gd = lab.runLinearRegression({ ...data, steps, optimizer: { kind: 'sgd', lr } });
      const ada = lab.runLinearRegression({ ...data, steps, optimizer: { kind: 'adagrad', lr } });
      const w = (r) => r.params.filter((_, i) => i % 2 === 0);
      c.draw({ series: [{ y: w(gd), ...sgdStyle }, { y: w(ada), ...adaStyle }], refs: [{ y: target }],
        description: `Weight of the sparse column over ${steps} steps, η = ${lr}: after ${at} steps plain GD has ${short(gd.params[2 * at], 3)}, AdaGrad ${short(ada.params[2 * at], 3)}; the least-squares value is ${short(target, 3)}.` });
      c.number.replaceChildren(`After ${at} steps (η = ${lr}), the rare column’s weight: `, tag('GD', 'key-other'), ` ${short(gd.params[2 * at], 3)}, `,
        tag('AdaGrad', 'key-adagrad'), ` ${short(ada.params[2 * at], 3)}; target ${short(target, 3)} (dotted).`);
      c.number.dataset.value = String(ada.params[2 * at]);
    } catch (error) { fail(c, error); }
  }

  // 2. rare words: "masterpiece" under SGD and AdaGrad, the text figure's default training
  {
    const c = card(helps, 'words', { title: 'Rare words and IDs.', text: 'A word seen in one review keeps a large rate under AdaGrad, so its weight grows as fast as a common word’s.', href: 'text', section: '§8 Rare words', xLabel: 'epochs' });
    try {
      const bag = corpus(lab);
      const cfg = { sgdLr: Number(textDefaults.sgd), adaLr: Number(textDefaults.ada), epochs: Number(textDefaults.epochs) };
      const runs = trainBoth(lab, bag, cfg);
      const word = textDefaults.rare, i = bag.index.get(word);
      const path = (r) => Float64Array.from({ length: r.done + 1 }, (_, e) => r.params[e * runs.P + i]);
      const end = (r) => r.params[r.done * runs.P + i];
      c.draw({ series: [{ y: path(runs.sgd), ...sgdStyle }, { y: path(runs.ada), ...adaStyle }],
        description: `Weight of “${word}” over ${cfg.epochs} epochs: SGD (η ${cfg.sgdLr}) ends at ${short(end(runs.sgd), 3)}, AdaGrad (η ${cfg.adaLr}) at ${short(end(runs.ada), 3)}.` });
      c.number.replaceChildren(`Weight of “${word}” (1 review) after ${cfg.epochs} epochs: `, tag('SGD', 'key-other'), ` ${short(end(runs.sgd), 3)}, `, tag('AdaGrad', 'key-adagrad'), ` ${short(end(runs.ada), 3)}.`);
      c.number.dataset.value = String(end(runs.ada));
    } catch (error) { fail(c, error); }
  }

  // 3. very different scales (seed 003's CGPA next to a salary): f = w² + 100 b²
  {
    const c = card(helps, 'scales', { title: 'Very different scales.', text: 'On w² + 100b², GD’s η is capped by the steep b; AdaGrad scales each coordinate for itself (normalising the features first is still the usual cure).', href: 'race', section: '§5 Race', yLog: true });
    try {
      const scales = [1, 100], x0 = [3, 2], steps = 100;
      const gd = lab.runQuadratic({ scales, x0, steps, optimizer: { kind: 'sgd', lr: 0.009 } });
      const over = lab.runQuadratic({ scales, x0, steps, optimizer: { kind: 'sgd', lr: 0.011 } });
      const ada = lab.runQuadratic({ scales, x0, steps, optimizer: { kind: 'adagrad', lr: 0.5 } });
      const last = (r) => r.values[r.stepsTaken];
      c.draw({ series: [{ y: gd.values, ...sgdStyle }, { y: ada.values, ...adaStyle }],
        description: `f over ${steps} steps: plain GD with η 0.009 ends at ${short(last(gd), 3)}, AdaGrad with η 0.5 at ${short(last(ada), 3)}. GD with η 0.011 ${over.divergedAt ? `diverges at step ${over.divergedAt}` : `grows to ${short(last(over), 3)}`}.` });
      c.number.replaceChildren(`f after ${steps} steps: `, tag('GD', 'key-other'), ` (η 0.009) ${short(last(gd), 3)}, `, tag('AdaGrad', 'key-adagrad'), ` (η 0.5) ${short(last(ada), 3)}. `,
        `GD at η 0.011 ${over.divergedAt ? `diverges at step ${over.divergedAt}` : `blows up to ${short(last(over), 2)}`}.`);
      c.number.dataset.value = String(last(ada));
    } catch (error) { fail(c, error); }
  }

  // 4. long runs: the effective rate only falls (RMSProp's does not)
  {
    const c = card(hurts, 'fading', { title: 'The run is long.', text: 'G only grows, so AdaGrad’s rate only falls, minimum or not. RMSProp forgets old gradients and keeps going.', href: 'fading', section: '§10 Fading rate', yLog: true });
    try {
      const steps = 1000, lr = 0.1;
      const ada = lab.runQuadratic({ scales: [1], x0: [5], steps, optimizer: { kind: 'adagrad', lr } });
      const rms = lab.runQuadratic({ scales: [1], x0: [5], steps, optimizer: { kind: 'rmsprop', lr } });
      const rm = optimizerStyles.rmsprop;
      const t = Float64Array.from({ length: steps }, (_, i) => i + 1);  // rates[i] is after step i + 1
      c.draw({ xDomain: [0, steps], series: [{ x: t, y: rms.rates, color: rm.color, dash: rm.dash }, { x: t, y: ada.rates, ...adaStyle }],
        description: `Effective rate on x² from 5 with η = ${lr}: AdaGrad from ${short(ada.rates[0], 3)} down to ${short(ada.rates[steps - 1], 3)} at step ${steps}, where x is still ${short(ada.params[steps], 3)}; RMSProp's is ${short(rms.rates[steps - 1], 3)} and x is ${short(rms.params[steps], 3)}.` });
      c.number.replaceChildren(`Rate at step ${steps} on x² (η ${lr}): `, tag('AdaGrad', 'key-adagrad'), ` ${short(ada.rates[steps - 1], 3)} with x still ${short(ada.params[steps], 3)}; `,
        tag('RMSProp', 'key-rmsprop'), ` ${short(rms.rates[steps - 1], 3)}, x = ${short(rms.params[steps], 2)}.`);
      c.number.dataset.value = String(ada.rates[steps - 1]);
    } catch (error) { fail(c, error); }
  }

  // 5. the initial η decides everything that follows
  {
    const c = card(hurts, 'eta', { title: 'η is hard to pick.', text: 'The first step is η long and later steps only get shorter, so a small η is never made up for. The same x² from 5, three values of η:', href: 'parabola', section: '§3 Parabola' });
    try {
      const steps = 100, etas = [0.01, 0.1, 1];
      const runs = etas.map((lr) => lab.runQuadratic({ scales: [1], x0: [5], steps, optimizer: { kind: 'adagrad', lr } }));
      const looks = [{ color: colors.curve, dash: [2, 3] }, { color: colors.other, dash: [6, 3] }, adaStyle];
      c.draw({ series: runs.map((r, i) => ({ y: r.params, ...looks[i] })), refs: [{ y: 0 }],
        description: `x over ${steps} AdaGrad steps from 5: ` + runs.map((r, i) => `η ${etas[i]} ends at ${short(r.params[steps], 3)}`).join(', ') + '.' });
      c.number.replaceChildren(`x after ${steps} steps: `, ...runs.flatMap((r, i) => [el('span', { className: `eta eta-${i}` }, `η ${etas[i]}`), ` ${short(r.params[steps], 3)}${i < runs.length - 1 ? ', ' : '.'}`]));
      c.number.dataset.value = String(runs[1].params[steps]);
    } catch (error) { fail(c, error); }
  }

  // 6. the implementation forgets G
  {
    const c = card(hurts, 'bug', { title: 'Your own code resets G.', text: 'Then every step is η long and the run rattles around the minimum for ever. Check: the second of two equal gradients must give a smaller step.', href: 'pitfall', section: '§12 Pitfall' });
    try {
      const x0 = Number(pitfallDefaults.x0), lr = Number(pitfallDefaults.lr), steps = 60;
      const opt = { kind: 'adagrad', lr, eps: 1e-10 };
      const good = lab.runQuadratic({ scales: [1], x0: [x0], steps, optimizer: opt });
      const bad = lab.runQuadratic({ scales: [1], x0: [x0], steps, optimizer: opt, reset_state_every_step: true });
      c.draw({ series: [{ y: bad.params, color: BUG, dash: [2, 3] }, { y: good.params, ...adaStyle }], refs: [{ y: 0 }],
        description: `x over ${steps} steps from ${x0} with η ${lr}: correct AdaGrad ends at ${short(good.params[steps], 3)}, the version that forgets G at ${short(bad.params[steps], 3)}, still jumping by ${lr} each step.` });
      c.number.replaceChildren(`x after ${steps} steps: `, tag('AdaGrad', 'key-adagrad'), ` ${short(good.params[steps], 3)}, `, tag('forgetful', 'key-bug'),
        ` ${short(bad.params[steps - 1], 3)} then ${short(bad.params[steps], 3)}…`);
      c.number.dataset.value = String(bad.params[steps]);
    } catch (error) { fail(c, error); }
  }

  const legend = el('p', { className: 'note' }, 'In every card: ', tag('AdaGrad', 'key-adagrad'), ' is the solid violet line, plain ', tag('GD/SGD', 'key-other'), ' the dashed grey one; dotted horizontal lines mark the target. Each card is a fresh run of the core when the page loads.');
  container.append(legend);

  // ----- the advice: plain reasoning over the answers, pointing at the cards
  const a = (href, text) => el('a', { href: `#${href}` }, text);
  function advise() {
    const yes = (k) => answers[k] === 'yes';
    const parts = [];
    let verdict;
    if (yes('deep')) {
      verdict = 'Prefer Adam or RMSProp.';
      parts.push('Over a long deep-network run AdaGrad’s rate keeps falling and learning stalls (', a('fading', '§10'), '). ');
      if (yes('sparse') || yes('scales')) parts.push('They keep AdaGrad’s per-parameter scaling of the step, which is what your sparse or unevenly scaled inputs need, without the fade (', a('compare', '§11'), ').');
      else parts.push('SGD with momentum, well tuned, is also a sound choice.');
    } else if (yes('sparse') || yes('scales')) {
      verdict = 'AdaGrad is a good fit.';
      if (yes('sparse')) parts.push('Rare features keep large rates, so they learn as fast as common ones (', a('valley', '§7'), ', ', a('text', '§8'), '). ');
      if (yes('scales')) parts.push('It also evens out features on different scales, though normalising them first is the usual, cheaper cure. ');
      parts.push(yes('convex') ? 'On a convex problem a moderate number of steps is where it shines; still try a few values of η (' : 'Try a few values of η: it sets the whole schedule (', a('parabola', '§3'), ').');
    } else if (yes('convex')) {
      verdict = 'AdaGrad works, but nothing calls for it.';
      parts.push('On a dense, well-scaled convex problem, plain gradient descent or momentum with a tuned η is as good and simpler (', a('race', '§5'), ', ', a('line', '§9'), ').');
    } else {
      verdict = 'Start with Adam, or SGD with momentum.';
      parts.push('Nothing in your problem plays to AdaGrad’s strength, and its fading rate can hurt on long non-convex runs (', a('fading', '§10'), ', ', a('compare', '§11'), ').');
    }
    advice.replaceChildren(el('p', { className: 'verdict-line' }, el('strong', {}, verdict)), el('p', {}, ...parts));
    const related = { sparse: yes('sparse'), words: yes('sparse'), scales: yes('scales'), fading: yes('deep'), eta: !yes('deep'), bug: false };
    for (const [id, on] of Object.entries(related)) cards[id]?.figure.classList.toggle('related', on);
  }
  advise();

  return function update(next = {}) {
    for (const q of QUESTIONS) {
      const v = next[q.key];
      if (v !== 'yes' && v !== 'no') continue;
      answers[q.key] = v;
      radios[q.key][v].checked = true;
    }
    advise();
  };
}
