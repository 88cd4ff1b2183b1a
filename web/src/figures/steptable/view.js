// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// Figure: the manual step table. AdaGrad on f(x) = x² one row per step, with the update
// formula filled in with the current row's numbers; or, in the "work it out yourself" mode,
// the rows ahead hidden until the learner has predicted G, the rate and the new x. Rows come
// from lab.stepTable (model.js); settings.js declares the settings.
import { cards, el, reducedMotion } from '../../ui/dom.js';
import { numberField, selectField, button, messageOf, restoreDefaults } from '../../ui/controls.js';
import { player } from '../../ui/player.js';
import { copyText } from '../../ui/clipboard.js';
import { checkboxField } from '../../ui/checkbox.js';
import { formula as typeset, formulaPieces, signed } from '../../ui/math.js';
import { lineChart } from '../../draw/linechart.js';
import { colors } from '../../draw/colors.js';
import { short, full } from '../../format.js';
import { settings, coreNames } from './settings.js';
import { pageWords, coreNamesIn } from '../../ui/pagewords.js';
import { stepRows, checkPrediction, PREDICTED } from './model.js';

export const defaults = settings.defaults;

/** The table for the figure's settings (texts as in a link) as plain data, for the JSON export. */
export function results(/** @type {AdagradLab.Lab} */ lab, texts) {
  const { values, ok } = settings.parse(texts);
  return ok ? { objective: 'f(x) = x²', rows: stepRows(lab, values) } : null;
}
export const schema = settings.schema;
const COLUMNS = [
  ['t', 'step', 'step'],
  ['x', 'x', 'x'],
  ['grad', 'gradient g = 2x', 'gradient'],
  ['sum', 'G (sum of g²)', 'G'],
  ['effective_rate', 'effective rate', 'effective_rate'],
  ['update', 'update', 'update'],
  ['x_new', 'new x', 'new_x'],
];

/** The rows as CSV with every digit (a header line, then one line per step). */
export function toCsv(rows) {
  return [COLUMNS.map((c) => c[2]).join(','), ...rows.map((r) => COLUMNS.map(([k]) => full(r[k])).join(','))].join('\n') + '\n';
}
/** The rows as a Markdown table, six significant digits. */
export function toMarkdown(rows) {
  const head = `| ${COLUMNS.map((c) => c[1]).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---:').join('|')}|`;
  const body = rows.map((r) => `| ${COLUMNS.map(([k]) => (k === 't' ? String(r[k]) : short(r[k], 6).replace('−', '-'))).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}

export function render(/** @type {HTMLElement} */ container, /** @type {AdagradLab.Lab} */ lab,
  /** @type {import('../../registry.js').RenderOptions} */ { state = {}, onState = () => {} } = {}) {
  const s = { ...defaults, ...state };
  let rows = null, cfg = null;
  let shown = 0;       // rows revealed
  let current = 0;     // row whose numbers fill the formula (1-based; 0: none yet)
  let carry = 0;

  const d = settings.declarations;
  const fields = {
    x0: numberField({ label: d.x0.label, name: 'x0', value: s.x0, onCommit: recompute, slide: d.x0.slide }),
    lr: numberField({ label: d.lr.label, name: 'lr', value: s.lr, onCommit: recompute, slide: d.lr.slide }),
    eps: numberField({ label: d.eps.label, name: 'eps', value: s.eps, onCommit: recompute, slide: d.eps.slide }),
    steps: numberField({ label: d.steps.label, name: 'steps', value: s.steps, inputMode: 'numeric', width: 's', onCommit: recompute, slide: d.steps.slide }),
  };
  const place = selectField({ label: d.place.label, name: 'eps_placement', value: s.place, options: d.place.options, onChange: recompute });
  const mode = selectField({ label: d.mode.label, name: 'mode', value: s.mode, options: d.mode.options, onChange: recompute });
  const practice = () => mode.value === 'practice';
  const formMessage = el('p', { className: 'form-msg', 'aria-live': 'polite' });

  const playButton = button('Play', () => (loop.playing ? loop.pause() : play()), { kind: 'primary', name: 'play' });
  const loop = player(advance, (playing) => {
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
  });
  const transport = el('div', { className: 'transport', role: 'group', 'aria-label': 'Step through the table' },
    playButton,
    button('Next step', () => { loop.pause(); nextStep(); }, { name: 'next' }),
    button('Show all', () => { loop.pause(); if (rows) { shown = rows.length; current = shown; show(); } }, { name: 'all' }),
    button('Clear', () => { loop.pause(); shown = 0; current = 0; show(); }, { name: 'clear' }));

  container.append(
    el('div', { className: 'controls', role: 'group', 'aria-label': 'Settings of the step table' },
      fields.x0.root, fields.lr.root, fields.eps.root, place.root, fields.steps.root, mode.root),
    formMessage, transport);

  const top = el('div', { className: 'figure-grid two' });
  const walkPanel = el('figure', { className: 'panel' }, el('figcaption', {}, 'Where each step lands on f(x) = x²'));
  const formulaPanel = el('figure', { className: 'panel formula-panel' }, el('figcaption', {}, 'The current row, worked out'));
  const formula = el('div', { className: 'formula', 'aria-live': 'polite' });
  formulaPanel.append(formula);
  top.append(walkPanel, formulaPanel);
  container.append(top);
  const walkChart = lineChart(walkPanel, { xLabel: 'x', yLabel: 'f(x)', label: 'steps of the table on the parabola' });

  const tbody = el('tbody');
  const table = el('table', { className: 'steps' },
    el('caption', {}, 'AdaGrad on f(x) = x², one row per step'),
    el('thead', {}, el('tr', {}, COLUMNS.map(([, label]) => el('th', { scope: 'col' }, label)))),
    tbody);
  const copyStatus = el('span', { className: 'copy-status', role: 'status' });
  const fallback = el('textarea', { className: 'copy-fallback', readonly: true, rows: 6, 'aria-label': 'Table text to copy by hand', hidden: true });
  // ----- "work it out yourself": predict the next row, then check or reveal it
  // Checked on the button or Enter only: leaving a box must not check a half-typed prediction.
  const guessFields = Object.fromEntries(PREDICTED.map(([key, label]) => [key,
    numberField({ label: `your ${label}`, name: `guess-${key}`, value: '', onCommit: () => {} })]));
  for (const [key] of PREDICTED) guessFields[key].input.addEventListener('keydown', (e) => { if (e.key === 'Enter') check(); });
  const givens = el('p', { className: 'practice-givens' });
  const verdictLine = el('p', { className: 'practice-verdict', 'aria-live': 'polite' });
  const practicePanel = el('div', { className: 'practice', role: 'group', 'aria-label': 'Predict the next row' },
    givens,
    el('div', { className: 'controls' }, ...PREDICTED.map(([key]) => guessFields[key].root)),
    el('div', { className: 'transport' },
      button('Check', () => check(), { kind: 'primary', name: 'check' }),
      button('Reveal the row', () => nextStep(), { name: 'reveal' })),
    verdictLine);

  // every digit of each number, by a switch (a title on hover reaches no phone and no keyboard)
  const digits = checkboxField({ label: 'every digit', name: 'all-digits', checked: false, onChange: () => show() });
  container.append(
    practicePanel,
    el('div', { className: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Step table (one card per step on a phone)' }, table),
    el('div', { className: 'copy-row' },
      digits.root,
      button('Copy as CSV', () => copy('csv'), { name: 'copy-csv' }),
      button('Copy as Markdown', () => copy('md'), { name: 'copy-md' }),
      copyStatus),
    fallback);

  function readFields() {
    const { values, errors, ok } = settings.parse({
      x0: fields.x0.text, lr: fields.lr.text, eps: fields.eps.text, steps: fields.steps.text, place: place.value, mode: mode.value,
    });
    for (const [key, field] of Object.entries(fields)) if (errors[key]) field.error(errors[key]); else field.ok();
    return ok ? values : null;
  }

  function recompute() {
    const next = readFields();
    if (!next) { formMessage.textContent = 'Fix the marked field; the table still shows the last valid run.'; return false; }
    let table;
    try {
      table = stepRows(lab, next);
    } catch (error) {
      const msg = messageOf(error);
      // every field the refusal names is marked (η, ε and x₀ together when G = 0 makes η / ε
      // overflow), so a refused link keeps all of their texts beside the message
      const keys = coreNamesIn(msg, ['x0', 'lr', 'eps', 'steps']);
      const said = pageWords(msg, coreNames);
      for (const key of keys) fields[key].error(said);
      if (!keys.length) place.error(said);
      formMessage.textContent = 'The core refused this setting; the table still shows the last valid run.';
      return false;
    }
    place.ok();
    formMessage.textContent = '';
    loop.pause();
    rows = table; cfg = next;
    // filled: every row, the first one worked out; practice: nothing yet, row 1 to predict
    if (practice()) { shown = 0; current = 0; } else { shown = rows.length; current = 1; }
    onState({ x0: fields.x0.text.trim(), lr: fields.lr.text.trim(), eps: fields.eps.text.trim(), place: place.value, steps: fields.steps.text.trim(), mode: mode.value });
    show();
    return true;
  }

  /** Next step: reveal the next hidden row, or (all shown) work out the next row's formula. */
  function nextStep() {
    if (!rows) return;
    if (shown < rows.length) { shown++; current = shown; } else if (current < rows.length) current++;
    show();
  }

  /** Checks the learner's three numbers against the next hidden row; all right reveals it. */
  function check() {
    if (!rows || shown >= rows.length) return;
    const r = rows[shown];
    const result = checkPrediction(r, Object.fromEntries(PREDICTED.map(([key]) => [key, guessFields[key].text])));
    const right = PREDICTED.filter(([key]) => result[key].state === 'right');
    for (const [key, label] of PREDICTED) {
      const { state } = result[key];
      if (state === 'right') guessFields[key].ok();
      else guessFields[key].error(state === 'empty' ? `enter your ${label}` : state === 'unreadable' ? `${label}: that is not a number` : `${label}: not quite, try again (within 0.5%)`);
      guessFields[key].root.classList.toggle('right', state === 'right');
    }
    if (right.length === PREDICTED.length) {
      const k = shown + 1;
      nextStep();
      verdictLine.textContent = `All three right: step ${k} is revealed below.`;
    } else {
      verdictLine.textContent = `${right.length} of 3 right${right.length ? ` (${right.map(([, l]) => l).join(', ')})` : ''}.`;
    }
  }

  function cell(value, key) {
    if (key === 't') return el('td', {}, String(value));
    return el('td', { title: full(value), dataset: { value: full(value) } }, digits.checked ? full(value) : short(value));
  }

  function show() {
    if (!rows) return;
    const visible = rows.slice(0, shown);
    tbody.replaceChildren(...visible.map((r, i) => {
      const tr = el('tr', { tabindex: '0', 'aria-current': i + 1 === current ? 'step' : undefined, dataset: { step: String(r.t) } },
        COLUMNS.map(([k]) => cell(r[k], k)));
      tr.addEventListener('click', () => { current = i + 1; show(); });
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); current = i + 1; show(); tbody.children[i]?.focus(); } });
      return tr;
    }));
    if (!visible.length) tbody.append(el('tr', {}, el('td', { colSpan: COLUMNS.length, className: 'empty' }, practice() ? 'Predict step 1 above and press Check, or press Next step to reveal it.' : 'Press Play or Next step to fill the table.')));
    cards(table);
    drawWalk();
    formula.replaceChildren(...formulaFor(current));
    showPractice();
  }

  function showPractice() {
    practicePanel.hidden = !practice();
    if (!practice()) return;
    for (const [key] of PREDICTED) { guessFields[key].set(''); guessFields[key].ok(); guessFields[key].root.classList.remove('right'); }
    if (shown >= rows.length) {
      givens.textContent = `All ${rows.length} rows are revealed. Change a setting to practise on another table.`;
      return;
    }
    const r = rows[shown];
    givens.textContent = `Step ${r.t}: x = ${full(r.x)}, so g = 2x = ${full(r.grad)}; G before this step = ${full(shown ? rows[shown - 1].sum : 0)}; `
      + `η = ${full(cfg.lr)}, ε = ${full(cfg.eps)} ${cfg.place === 'inside' ? 'inside' : 'outside'} the root. Predict this row’s G, rate and new x.`;
  }

  function drawWalk() {
    const xs = [rows[0].x, ...rows.slice(0, shown).map((r) => r.x_new)];
    const fs = xs.map((x) => lab.quadraticValue([1], [x]));
    const reach = Math.abs(cfg.x0) * 1.15 || 1;
    const cx = [], cy = [];
    for (let i = 0; i <= 120; i++) { const x = -reach + (2 * reach * i) / 120; cx.push(x); cy.push(lab.quadraticValue([1], [x])); }
    walkChart({
      xDomain: [-reach, reach], yDomain: [0, lab.quadraticValue([1], [reach]) * 1.05],
      series: [
        { label: 'f(x) = x²', color: colors.curve, x: cx, y: cy },
        { label: 'AdaGrad steps', color: colors.adagrad, x: xs, y: fs, dots: true, width: 1.5 },
        ...(current > 0 ? [{ color: colors.adagrad, x: [xs[current - 1], xs[current]], y: [fs[current - 1], fs[current]], width: 3.5, last: true }] : []),
      ],
      description: shown ? `After ${shown} steps x = ${short(xs[xs.length - 1])}.` : `Start at x = ${short(cfg.x0)}.`,
    });
  }

  // The update rule, filled in with row `k`'s numbers (every number read from the row).
  function formulaFor(k) {
    const inside = cfg.place === 'inside';
    // ε under the root or after it: two shapes of formula, not one with a moving part
    const symbolic = typeset(inside ? 'table.ruleInside' : 'table.ruleOutside');
    if (!rows || k < 1) {
      return [symbolic, el('p', { className: 'formula-note' }, 'Step through the table to see this rule filled in with numbers.')];
    }
    const r = rows[k - 1];
    const prevG = k > 1 ? rows[k - 2].sum : 0;
    const n = (v) => short(v);
    const paren = (v) => signed(n(v), v);
    // each line in pieces that wrap between them on a narrow panel (no number is ever cut off)
    const lines = [
      ['gradient', formulaPieces('table.gradient', { x: paren(r.x), g: n(r.grad) })],
      ['running total', formulaPieces('table.total', { prev: n(prevG), g: paren(r.grad), G: n(r.sum) })],
      ['effective rate', formulaPieces(inside ? 'table.rateInside' : 'table.rateOutside', { lr: n(cfg.lr), G: n(r.sum), eps: n(cfg.eps), rate: n(r.effective_rate) })],
      ['new x', formulaPieces('table.next', { x: n(r.x), rate: n(r.effective_rate), g: paren(r.grad), next: n(r.x_new) })],
    ];
    return [el('p', { className: 'formula-step' }, `Step ${k} of ${rows.length}`),
      el('dl', { className: 'formula-lines' }, lines.map(([label, body]) => [el('dt', {}, label), el('dd', { className: 'wraps' }, ...body)])),
      el('p', { className: 'formula-note' }, k > 1 ? `G starts from the previous row’s ${short(prevG)}.` : 'G starts at 0.')];
  }

  async function copy(kind) {
    if (!rows) return;
    const text = kind === 'csv' ? toCsv(rows) : toMarkdown(rows);
    const ok = await copyText(text);
    if (ok) {
      fallback.hidden = true;
      copyStatus.textContent = `Copied ${rows.length} rows as ${kind === 'csv' ? 'CSV' : 'Markdown'}.`;
    } else {
      fallback.value = text;
      fallback.hidden = false;
      fallback.focus(); fallback.select();
      copyStatus.textContent = 'The clipboard is not available here: the text is selected below, press Ctrl+C (⌘C).';
    }
  }

  function advance(dt) {
    if (!rows || shown >= rows.length) return false;
    carry += dt * 2;  // two rows a second: time to read each
    const whole = Math.floor(carry);
    if (whole > 0) { carry -= whole; shown = Math.min(rows.length, shown + whole); current = shown; show(); }
    return shown < rows.length;
  }
  function play() {
    if (!rows) return;
    if (reducedMotion()) { shown = rows.length; current = shown; show(); return; }
    if (shown >= rows.length) shown = 0;
    carry = 1;
    loop.play();
  }

  if (!recompute()) restoreDefaults(fields, defaults, () => { place.set(defaults.place); return recompute(); }, formMessage, 'table');

  return function update(next = {}) {
    for (const key of ['x0', 'lr', 'eps', 'steps']) if (next[key] !== undefined) fields[key].set(next[key]);
    if (next.place !== undefined) place.set(next.place);
    if (next.mode !== undefined) mode.set(next.mode);
    recompute();
  };
}
