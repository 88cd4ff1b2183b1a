// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Figure: AdaGrad among SGD, Momentum, RMSProp and Adam. A comparison table (what each adapts,
// what it remembers per parameter, its rule, its weak spot, where this page shows it, PyTorch's
// defaults as the core reports them, lab.optionDefaults) and a live experiment:
// the same constant gradient fed k times to each optimizer created by lab.createOptimizer,
// with every step read back from the core (opt.lastUpdate).
export const key = 'compare';
export const title = 'AdaGrad among its neighbours';

import { cards, el } from '../ui/dom.js';
import { numberField, button, fieldOfMessage, messageOf, restoreDefaults } from '../ui/controls.js';
import { readFields as readSettings } from '../settings.js';
import { segmentsToNodes } from '../story/segments.js';
import { settings, coreNames } from './compare/settings.js';
import { pageWords } from '../ui/pagewords.js';
import { compareRun } from './compare/model.js';
import { compareStory } from './compare/story.js';
import { formulaLines } from '../ui/math.js';
import { lineChart } from '../draw/linechart.js';
import { legend as dashLegend, swatch as styleSwatch } from '../ui/legend.js';
import { optimizerStyles } from '../draw/optimizer-styles.js';
import { cssColor } from '../draw/colors.js';
import { short } from '../format.js';

export const defaults = settings.defaults;

/** The figure's run for its settings (texts as in a link) as plain data, for the JSON export. */
export function results(/** @type {AdagradLab.Lab} */ lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? compareRun(lab, values).results : null;
}
export const schema = settings.schema;

// Options of the core that PyTorch does not have, with what their default means.
const LAB_ONLY = { eps_placement: '(this lab’s option; outside is where PyTorch puts ε)' };
// A default as PyTorch's documentation writes it.
const pythonic = (v) => (v === true ? 'True' : v === false ? 'False' : typeof v === 'string' ? `‘${v}’` : short(v));
const PYTORCH_CLASS = { sgd: 'torch.optim.SGD', adagrad: 'torch.optim.Adagrad', rmsprop: 'torch.optim.RMSprop', adam: 'torch.optim.Adam' };

const TABLE_TITLE = 'Five optimizers, what they remember per parameter, and where this page shows each one';
const link = (href, text) => el('a', { href: `#${href}` }, text);
const ROWS = [
  {
    id: 'sgd', kind: 'sgd', adapts: 'No', momentum: 'No', state: 'nothing',
    weak: 'One η for every parameter: a rate safe for the steep direction crawls along the flat one, and rarely active features hardly move.',
    see: [link('valley', 'Sparse valley'), link('race', 'Race')],
  },
  {
    id: 'momentum', kind: 'sgd', adapts: 'No', momentum: 'Yes', state: 'a velocity v',
    weak: 'Gathers speed on a steady slope and overshoots a narrow valley; still one η for all, so rare features stay slow.',
    see: [link('race', 'Race'), link('valley', 'Sparse valley')], note: 'SGD with momentum μ',
  },
  {
    id: 'adagrad', kind: 'adagrad', adapts: 'Yes', momentum: 'No', state: 'G = Σ g², the sum of all squared gradients',
    weak: 'G only grows, so the rate only falls: long runs slow to a crawl before the minimum. Implemented wrongly (G forgotten) it takes fixed steps.',
    see: [link('fading', 'Fading rate'), link('pitfall', 'Pitfall'), link('text', 'Rare words')],
  },
  {
    id: 'rmsprop', kind: 'rmsprop', adapts: 'Yes', momentum: 'No (optional)', state: 'v, a leaky average of g²',
    weak: 'Forgets old gradients, so its rate does not fade; but v starts at 0 without correction, so the first steps are large (η/√(1−α) = 10η by default).',
    see: [link('fading', 'Fading rate')],
  },
  {
    id: 'adam', kind: 'adam', adapts: 'Yes', momentum: 'Yes', state: 'm and v, leaky averages of g and g²',
    weak: 'Two numbers of state per parameter. While the gradient’s sign holds steady its steps stay about η long; with exact gradients they shrink near the minimum as the gradient does, but with noisy ones they do not, and it needs a decaying η to settle. It can also fail to converge on some problems (AMSGrad is the patch).',
    see: [link('line', 'Line fit'), link('fading', 'Fading rate')],
  },
];

export function render(/** @type {HTMLElement} */ container, /** @type {AdagradLab.Lab} */ lab,
  /** @type {import('../registry.js').RenderOptions} */ { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let run = null;

  container.append(el('p', { className: 'fig-caption' },
    'Notice the two columns that matter: whether the step is scaled per parameter, and what each optimizer must remember to do it; then feed them all the same gradient below.'));

  // ----- the comparison table
  const table = el('table', { className: 'compare-table' },
    el('caption', { className: 'visually-hidden' }, TABLE_TITLE),
    el('thead', {}, el('tr', {},
      ...['Optimizer', 'Rate scaled per parameter?', 'Momentum?', 'State kept per parameter', 'Update rule', 'Weak spot', 'See it'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ROWS.map((r) => el('tr', { dataset: { optimizer: r.id }, className: r.id === 'adagrad' ? 'is-adagrad' : '' },
      el('th', { scope: 'row' }, el('span', { className: 'opt-name' }, swatch(r.id), optimizerStyles[r.id].label), r.note ? el('span', { className: 'sub' }, r.note) : null,
        el('details', { className: 'defaults' }, el('summary', {}, 'PyTorch defaults'), defaultsOf(r))),
      el('td', { className: `yn ${r.adapts.startsWith('Yes') ? 'yes' : 'no'}` }, r.adapts),
      el('td', { className: `yn ${r.momentum.startsWith('Yes') ? 'yes' : 'no'}` }, r.momentum),
      el('td', {}, r.state),
      el('td', { className: 'rule' }, formulaLines(`compare.${r.id}`)),
      el('td', { className: 'weak' }, r.weak),
      el('td', { className: 'see' }, r.see.flatMap((a, i) => (i ? [el('br'), a] : [a])))))));
  // the caption is also shown above the scrolling box, so it stays in view when the table scrolls
  container.append(el('p', { className: 'table-title', 'aria-hidden': 'true' }, TABLE_TITLE),
    el('div', { className: 'table-wrap compare-wrap', tabindex: '0', role: 'region', 'aria-label': 'Optimizer comparison table (one card per optimizer on a phone)' }, cards(table)));
  container.append(el('p', { className: 'note' },
    'Rules as PyTorch implements them (weight decay and the other options left at their defaults); AdaGrad’s ε sits outside the root there, inside it in the notebook this lab follows. ',
    'In Adam, m̂ and v̂ are m and v divided by 1 − β₁ᵗ and 1 − β₂ᵗ, which undoes their start at zero. ',
    'Under each name, “PyTorch defaults” lists the options this lab’s core accepts for that kind with their defaults, read from the core (lab.optionDefaults), which are PyTorch’s torch.optim defaults; “Momentum” is SGD with its momentum option set, whose PyTorch default is 0.'));

  function defaultsOf(r) {
    let d;  // the core's defaults, which are PyTorch's (the conformance suites check the behaviour)
    try { d = lab.optionDefaults(r.kind); } catch (error) { return el('span', { className: 'danger' }, messageOf(error)); }
    const items = Object.entries(d).map(([name, v]) => {
      const value = r.id === 'momentum' && name === 'momentum' ? '0 (set it, e.g. 0.9)' : pythonic(v);
      return el('li', {}, el('code', {}, name), ` ${value}`, LAB_ONLY[name] ? ` ${LAB_ONLY[name]}` : '');
    });
    return [el('span', { className: 'sub' }, PYTORCH_CLASS[r.kind]), el('ul', { className: 'opt-defaults' }, items)];
  }

  // ----- the experiment: the same gradient, k times
  const lab2 = el('div', { className: 'same-gradient' });
  container.append(lab2);
  lab2.append(el('h3', {}, 'The same gradient, step after step'),
    el('p', { className: 'prose' }, 'Two parameters on a long, straight slope: one always gets the gradient g₁, the other g₂ (by default g₁ is a hundred times g₂). Every optimizer starts at 0 with the same η and takes k steps. Which ones care how large the gradient is?'));
  const fields = {
    g1: numberField({ label: 'gradient g₁', name: 'g1', value: s.g1, width: 's', onCommit: recompute, slide: settings.get('g1')?.slide }),
    g2: numberField({ label: 'gradient g₂', name: 'g2', value: s.g2, width: 's', onCommit: recompute, slide: settings.get('g2')?.slide }),
    lr: numberField({ label: 'η (all five)', name: 'lr', value: s.lr, width: 's', onCommit: recompute, slide: settings.get('lr')?.slide }),
    mom: numberField({ label: 'momentum μ', name: 'mom', value: s.mom, width: 's', onCommit: recompute, slide: settings.get('mom')?.slide }),
    k: numberField({ label: 'steps k', name: 'k', value: s.k, inputMode: 'numeric', width: 's', onCommit: recompute, slide: settings.get('k')?.slide }),
  };
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });
  lab2.append(el('div', { className: 'controls', role: 'group', 'aria-label': 'The gradient fed to every optimizer' }, ...Object.values(fields).map((f) => f.root),
    button('Run again', () => recompute(), { name: 'run' })), formMessage,
  el('p', { className: 'note' }, 'RMSProp and Adam keep PyTorch’s defaults for α, β₁, β₂ and ε; AdaGrad its ε = 10⁻¹⁰.'));
  const liveTable = el('div', { className: 'table-wrap compare-wrap', tabindex: '0', role: 'region', 'aria-label': 'Steps of each optimizer (one card per optimizer on a phone)' });
  const liveTableTitle = el('p', { className: 'table-title', 'aria-hidden': 'true' });
  lab2.append(liveTableTitle, liveTable);
  const grid = el('div', { className: 'figure-grid two' });
  lab2.append(grid);
  // the charts draw lines without markers: so does their legend
  const legendItems = ROWS.map((r) => { const { label, color, dash } = optimizerStyles[r.id]; return { label, color, dash, width: r.id === 'adagrad' ? 2.6 : 2 }; });
  const chartPanel = (title) => { const f = el('figure', { className: 'panel own-legend' }, el('figcaption', {}, title)); grid.append(f); return f; };
  const heads = [el('span'), el('span')];   // which gradient each chart shows, from the run
  const panel1 = chartPanel(heads[0]);
  const panel2 = chartPanel(heads[1]);
  const chart1 = lineChart(panel1, { xLabel: 'step', yLabel: '|step|', yLog: true, label: 'step size for gradient g₁' });
  const chart2 = lineChart(panel2, { xLabel: 'step', yLabel: '|step|', yLog: true, label: 'step size for gradient g₂' });
  panel1.append(dashLegend(legendItems));
  panel2.append(dashLegend(legendItems));
  const summary = el('p', { className: 'readout' });
  const live = el('p', { className: 'visually-hidden', 'aria-live': 'polite' });
  lab2.append(summary, live);

  const readFields = () => readSettings(settings, fields);

  function recompute() {
    const cfg = readFields();
    if (!cfg) { formMessage.textContent = 'Fix the marked field; the table still shows the last valid run.'; return false; }
    let next;
    try {
      next = compareRun(lab, cfg);
    } catch (error) {
      const msg = messageOf(error);
      const name = fieldOfMessage(msg);
      const field = name === 'grad' ? (/^grad\[1\]/.test(msg) ? 'g2' : 'g1') : name === 'momentum' ? 'mom' : name === 'lr' ? 'lr' : 'k';
      fields[field].error(pageWords(msg, coreNames));
      formMessage.textContent = 'The core refused this setting; the table still shows the last valid run.';
      return false;
    }
    formMessage.textContent = '';
    run = next;
    onState(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.text.trim()])));
    show();
    return true;
  }

  function show() {
    const { k, results } = run;
    const cell = (v) => el('td', { dataset: { value: String(v) } }, short(v, 4));
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Optimizer'),
      el('th', { scope: 'col' }, 'step 1, w₁'), el('th', { scope: 'col' }, 'step 1, w₂'),
      el('th', { scope: 'col' }, `step ${k}, w₁`), el('th', { scope: 'col' }, `step ${k}, w₂`),
      el('th', { scope: 'col' }, `w₁ after ${k}`), el('th', { scope: 'col' }, `w₂ after ${k}`));
    const body = ROWS.map((r) => {
      const res = results[r.id];
      const name = el('th', { scope: 'row' }, el('span', { className: 'opt-name' }, swatch(r.id), optimizerStyles[r.id].label));
      if (res.divergedAt !== null) {
        return el('tr', { dataset: { optimizer: r.id } }, name, el('td', { colSpan: 6, className: 'danger' }, `diverged at step ${res.divergedAt}`));
      }
      return el('tr', { dataset: { optimizer: r.id }, className: r.id === 'adagrad' ? 'is-adagrad' : '' }, name,
        cell(res.steps[0][0]), cell(res.steps[1][0]), cell(res.steps[0][k - 1]), cell(res.steps[1][k - 1]), cell(res.params[0]), cell(res.params[1]));
    });
    const liveTitle = `Each optimizer’s change to w₁ (gradient ${short(run.g1)}) and w₂ (gradient ${short(run.g2)}), η = ${short(run.lr)}, computed by the core`;
    liveTableTitle.textContent = liveTitle;
    heads[0].textContent = `Size of each step for g₁ = ${short(run.g1)}`;
    heads[1].textContent = `Size of each step for g₂ = ${short(run.g2)}`;
    liveTable.replaceChildren(cards(el('table', { className: 'steps same-table' },
      el('caption', { className: 'visually-hidden' }, liveTitle),
      el('thead', {}, head), el('tbody', {}, body))));

    const ks = Float64Array.from({ length: k }, (_, t) => t + 1);
    const seriesFor = (p) => ROWS.map((r) => {
      const st = optimizerStyles[r.id];
      const res = results[r.id];
      return { label: st.label, color: st.color, dash: st.dash, width: r.id === 'adagrad' ? 2.6 : 2, x: ks, y: res.steps[p].map(Math.abs), count: res.divergedAt ?? k };
    });
    const describe = (p) => `Step sizes over ${k} steps for gradient ${short(p ? run.g2 : run.g1)}: ` + ROWS.map((r) => {
      const res = results[r.id];
      return res.divergedAt !== null ? `${optimizerStyles[r.id].label} diverged at step ${res.divergedAt}` : `${optimizerStyles[r.id].label} from ${short(Math.abs(res.steps[p][0]), 3)} to ${short(Math.abs(res.steps[p][k - 1]), 3)}`;
    }).join('; ') + '.';
    chart1({ xDomain: [1, Math.max(2, k)], series: seriesFor(0), description: describe(0) });
    chart2({ xDomain: [1, Math.max(2, k)], series: seriesFor(1), description: describe(1) });

    summary.replaceChildren(...segmentsToNodes(compareStory(run).paragraph));
    live.textContent = `${describe(0)} ${describe(1)}`;
  }

  if (!recompute()) restoreDefaults(fields, defaults, recompute, formMessage, 'run');

  return function update(next = {}) {
    for (const k of Object.keys(fields)) if (next[k] !== undefined) fields[k].set(next[k]);
    recompute();
  };
}

const swatch = (id) => styleSwatch(optimizerStyles[id]);
