// Numerics at the edges (issue 13), on the page's side:
//  - every figure's settings at the page's own limits (each numeric setting at its min and its
//    max, the others at their defaults) run through the figure's model: the core never refuses
//    a value the page allows, and the words told from the run contain no NaN, Infinity,
//    undefined or null;
//  - a core refusal shown on the page speaks the figure's words (ui/pagewords.js): real core
//    messages for every option a figure maps come back with the figure's name for the field and
//    none of the core's names.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

const FIG = '../../web/src/figures';
let lab, pageWords, coreNamesIn, bag;
const figures = {};
const textOf = (paragraphs) => paragraphs.map((p) => (Array.isArray(p) ? p : [p]).map((s) => (typeof s === 'string' ? s : s.text)).join('')).join('\n');

test.before(async () => {
  lab = await loadLab();
  ({ pageWords, coreNamesIn } = await import('../../web/src/ui/pagewords.js'));
  const load = async (name, parts) => Object.assign({}, ...(await Promise.all(parts.map((p) => import(`${FIG}/${name}/${p}.js`)))));
  const m = {};
  for (const [name, parts] of Object.entries({
    parabola: ['settings', 'model', 'story'], steptable: ['settings', 'model'], fading: ['settings', 'model', 'story'],
    compare: ['settings', 'model', 'story'], line: ['settings', 'model', 'story'], pitfall: ['settings', 'model', 'story'],
    race: ['settings', 'model', 'story'], valley: ['settings', 'model', 'story'], stochastic: ['settings', 'model', 'story'],
    update: ['settings', 'model', 'story'], why: ['settings', 'model', 'story'], text: ['settings', 'model', 'story'],
    spiral: ['settings', 'model', 'story'],
  })) m[name] = await load(name, parts);
  bag = m.text.corpus(lab);
  // Each figure: its settings table, and values → the words its story tells (or '' for a
  // figure whose words are the table itself), built as its view builds them.
  const racers = (v, ids) => ({ ...v, lr: Object.fromEntries(ids.map((id) => [id, v[id]])) });
  Object.assign(figures, {
    parabola: { m: m.parabola, tell: (v) => textOf(m.parabola.parabolaStory(m.parabola.parabolaRun(lab, v)).paragraphs) },
    steptable: { m: m.steptable, tell: (v) => { const rows = m.steptable.stepRows(lab, v); return rows.map((r) => Object.values(r).join(' ')).join('\n'); } },
    fading: {
      m: m.fading,
      tell: (v) => {
        const run = m.fading.fadingRuns(lab, { ...v, lr: { adagrad: v.ada, rmsprop: v.rms, adam: v.adam } });
        run.sweep = null;
        const s = m.fading.fadingStory(run, v.param === 'b' ? 1 : 0);
        return `${s.caption}\n${s.floorNote}\n${textOf(s.paragraphs)}`;
      },
    },
    compare: { m: m.compare, tell: (v) => textOf([m.compare.compareStory(m.compare.compareRun(lab, v)).paragraph]) },
    // line.js's racers (the view's file cannot be imported here: its math comes from the bundle)
    line: { m: m.line, tell: (v) => { const s = m.line.lineStory(m.line.lineRun(lab, { ...v, lr: { sgd: v.sgd, ada: v.ada, adam: v.adam } }, LINE_RACERS), null); return `${s.caption}\n${textOf(s.paragraphs)}`; } },
    pitfall: { m: m.pitfall, tell: (v) => { const s = m.pitfall.pitfallStory(m.pitfall.pitfallRun(lab, { ...v, b0: v.f === 'valley' ? v.b0 : null })); return `${s.caption}\n${textOf(s.paragraphs ?? [])}`; } },
    race: { m: m.race, tell: (v) => { const run = m.race.raceRun(lab, racers(v, m.race.IDS)); return `${m.race.raceCaption(run)}\n${textOf(m.race.raceParagraphs(run))}`; } },
    valley: { m: m.valley, tell: (v) => { const run = m.valley.valleyRun(lab, racers(v, m.valley.IDS)); return `${m.valley.valleyCaption(run)}\n${textOf(m.valley.valleyParagraphs(run))}`; } },
    stochastic: { m: m.stochastic, tell: (v) => textOf(m.stochastic.stochasticStory(m.stochastic.stochasticRun(lab, bag, v), bag, v).paragraphs) },
    update: { m: m.update, tell: (v) => textOf(m.update.placementStory(m.update.placementRun(lab, v)).paragraphs) },
    why: { m: m.why, tell: (v) => { const s = m.why.whyStory(m.why.whyRun(lab, v)); return `${s.caption}\n${textOf(s.paragraphs)}`; } },
    text: {
      m: m.text,
      tell: (v) => {
        const run = { ...m.text.trainBoth(lab, bag, { sgdLr: v.sgd, adaLr: v.ada, epochs: v.epochs }) };
        run.last = Math.max(run.sgd.done, run.ada.done);
        const rare = bag.vocabulary.find((w) => bag.documentFrequency[bag.index.get(w)] <= 2);
        const common = bag.vocabulary.find((w) => bag.documentFrequency[bag.index.get(w)] > 2);
        return m.text.textCaption(run, bag, { rare, common });
      },
    },
    spiral: {
      m: m.spiral,
      // the boards are built for the whole run; 20 epochs of it are trained and told
      tell: (v, upTo = 20) => {
        const b = m.spiral.spiralRuns(lab, { ...v, hidden: v.hidden === '' ? [] : v.hidden.split(',').map(Number) });
        try {
          while (!b.finished() && b.epoch() < upTo) b.trainBehind();
          return textOf(m.spiral.spiralStory(b));
        } finally { b.free(); }
      },
    },
  });
});

const LINE_RACERS = [
  { id: 'sgd', spec: (lr) => ({ kind: 'sgd', lr }) },
  { id: 'ada', spec: (lr) => ({ kind: 'adagrad', lr }) },
  { id: 'adam', spec: (lr) => ({ kind: 'adam', lr }) },
];
const BAD = /NaN|Infinity|undefined|null/;
/** The text a setting's limit is written as: the smallest positive double for a rate open at 0. */
const limitText = (d, which) => String(which === 'min' && d.minOpen !== false && d.kind === 'rate' && d.min === 0 ? Number.MIN_VALUE : d[which]);

test('every figure, every numeric setting at the page’s min and max: the core runs it and the words hold no NaN, Infinity, undefined', () => {
  const cheap = { steps: 200, epochs: 200, n: 2000, bsteps: 300, k: 2000 };  // the longest runs, capped where it does not change the rule tested
  let runs = 0;
  for (const [name, f] of Object.entries(figures)) {
    const table = f.m.settings;
    for (const key of table.keys) {
      const d = table.get(key);
      if (!['rate', 'real', 'count'].includes(d.kind)) continue;
      for (const which of ['min', 'max']) {
        if (d[which] === undefined) continue;
        const text = limitText(d, which);
        const { values, errors } = table.parse({ ...table.defaults, [key]: text });
        assert.deepEqual(errors, {}, `${name}.${key} = ${text} is not accepted by the page`);
        // Long counts at their max are checked by the core's own limits below; the run here is shortened.
        if (d.kind === 'count' && which === 'max' && cheap[key] !== undefined && d.max > cheap[key] && name !== 'spiral') values[key] = Math.max(cheap[key], d.min ?? 0);
        let words;
        try { words = f.tell(values); } catch (error) { assert.fail(`${name}.${key} = ${text}: the core refused a value the page allows: ${error.message}`); }
        assert.doesNotMatch(words, BAD, `${name}.${key} = ${text}\n${words}`);
        runs++;
      }
    }
  }
  assert.ok(runs > 80, `only ${runs} runs`);
});

test('the page’s long counts at their max are inside the core’s limits (trajectory steps, table rows, epochs per call)', () => {
  // A trajectory takes up to 10⁷ steps ((steps + 1) × dim ≤ 2²⁵), a step table 10⁵ rows, epochs() 10⁶ a call.
  for (const [name, key, coreMax] of [['parabola', 'steps', 1e7], ['steptable', 'steps', 1e5], ['fading', 'steps', (2 ** 25) / 2 - 1],
    ['pitfall', 'steps', 2 ** 24 - 1], ['race', 'steps', 2 ** 24 - 1], ['valley', 'steps', 2 ** 24 - 1], ['why', 'steps', 1e7],
    ['compare', 'k', 1e7], ['update', 'steps', 1e7], ['update', 'bsteps', 1e7], ['line', 'epochs', 1e7], ['spiral', 'epochs', 1e6]]) {
    const d = figures[name].m.settings.get(key);
    assert.ok(d.max <= coreMax, `${name}.${key}: the page allows ${d.max}, the core ${coreMax}`);
  }
  // the parabola's longest run really runs: 5000 steps of AdaGrad and of the table
  const p = figures.parabola.m.settings;
  const { values } = p.parse({ ...p.defaults, steps: String(p.get('steps').max) });
  assert.doesNotMatch(figures.parabola.tell(values), BAD);
  assert.equal(figures.steptable.m.stepRows(lab, { ...values, steps: figures.steptable.m.settings.get('steps').max }).length, 200);
});

test('spiral: widths 1 and the page’s largest, in one layer and in the most layers, build and train; the page’s cap is inside the core’s', () => {
  const { settings, MAX_WIDTH, MAX_LAYERS, presets } = figures.spiral.m;
  assert.ok(MAX_WIDTH <= 4096, 'the core builds layers up to 4096 wide (nn::kMaxWidth)');
  const base = settings.parse(presets.notebook).values;
  for (const hidden of ['1', Array(MAX_LAYERS).fill('1').join(','), String(MAX_WIDTH), `${MAX_WIDTH},${MAX_WIDTH}`]) {
    const words = figures.spiral.tell({ ...base, hidden }, 2);
    assert.doesNotMatch(words, BAD, hidden);
  }
  // one past the page's cap is refused by the page, with the page's own words
  const r = figures.spiral.m.width(1).parse(String(MAX_WIDTH + 1));
  assert.equal(r.error, `layer 2 must be at most ${MAX_WIDTH}, got ${MAX_WIDTH + 1}`);
});

test('the fading figure at its extreme starts: G overflowing is said, a frozen AdaGrad is never said to stall', () => {
  for (const w0 of ['1e300', '-1e300', '1e154', '7e153', '1e153']) {
    const f = figures.fading, t = f.m.settings;
    const { values } = t.parse({ ...t.defaults, w0 });
    const words = f.tell(values);
    assert.doesNotMatch(words, BAD, w0);
    const run = f.m.fadingRuns(lab, { ...values, lr: { adagrad: values.ada, rmsprop: values.rms, adam: values.adam } });
    const overflowed = run.runs.adagrad.divergedAt === null && Array.from(run.runs.adagrad.moments).includes(Infinity);
    assert.equal(/G overflowed to ∞/.test(words), overflowed, `${w0}\n${words}`);
    if (overflowed) assert.doesNotMatch(words, /AdaGrad stalls/, w0);
  }
});

// ---- the page's words for core refusals

const CORE = ['lr', 'eps', 'x0', 'steps', 'seed', 'noise', 'n_samples', 'layers', 'grad', 'momentum', 'lr_decay', 'weight_decay',
  'initial_accumulator_value', 'rare_probability', 'batch_size', 'shuffle_seed', 'eps_placement', 'activation', 'init', 'scale'];

test('pageWords: names, indexed names and functions of the index are replaced; formulas and unknown words are left alone', () => {
  const names = { lr: 'η', eps: 'ε', 'x0[1]': 'start b₀', layers: (i) => `layer ${i}` };
  assert.equal(pageWords('lr = 0.1 is too large for eps = 1e-320: at step 1 the rate η / (√G + ε) overflows with G = 0', names),
    'η = 0.1 is too large for ε = 1e-320: at step 1 the rate η / (√G + ε) overflows with G = 0');
  assert.equal(pageWords('x0[1] must be finite, got nan', names), 'start b₀ must be finite, got nan');
  assert.equal(pageWords('x0[0] must be finite, got nan', names), 'x0[0] must be finite, got nan');  // not in the map: kept
  assert.equal(pageWords('layers[2] must be between 1 and 4096, got 5000', names), 'layer 2 must be between 1 and 4096, got 5000');
  assert.equal(pageWords('the lrs and lr_decay, and helper.lr() stay', names), 'the lrs and lr_decay, and helper.lr() stay');
  assert.equal(pageWords('toString', { toString: 'x' }), 'x');
  assert.equal(pageWords('constructor', {}), 'constructor');  // own properties only
});

test('every figure’s map: real core refusals come back in the figure’s words, with the name its settings give the field', async () => {
  // One real message per core option: the core's own text for a bad value.
  const refusal = (fn) => { try { fn(); } catch (e) { return e.message; } assert.fail('the core took it'); };
  const messages = {
    lr: refusal(() => lab.createOptimizer({ kind: 'adagrad', lr: -1 })),
    eps: refusal(() => lab.createOptimizer({ kind: 'adagrad', eps: 0 })),
    lr_decay: refusal(() => lab.createOptimizer({ kind: 'adagrad', lr_decay: -1 })),
    weight_decay: refusal(() => lab.createOptimizer({ kind: 'adagrad', weight_decay: -1 })),
    initial_accumulator_value: refusal(() => lab.createOptimizer({ kind: 'adagrad', initial_accumulator_value: -1 })),
    momentum: refusal(() => lab.createOptimizer({ kind: 'sgd', momentum: -1 })),
    'x0[0]': refusal(() => lab.runQuadratic({ scales: [1, 10], x0: [NaN, 0], steps: 1, optimizer: { kind: 'sgd', lr: 0.1 } })),
    'x0[1]': refusal(() => lab.runQuadratic({ scales: [1, 10], x0: [0, NaN], steps: 1, optimizer: { kind: 'sgd', lr: 0.1 } })),
    steps: refusal(() => lab.runQuadratic({ scales: [1], x0: [1], steps: -1, optimizer: { kind: 'sgd', lr: 0.1 } })),
    n_samples: refusal(() => lab.makeDataset({ kind: 'spiral', n_samples: 0, noise: 0.1, seed: 1 })),
    noise: refusal(() => lab.makeDataset({ kind: 'spiral', n_samples: 10, noise: -1, seed: 1 })),
    layers: refusal(() => new lab.Network({ layers: [2, 5000, 1], activation: 'tanh', init: 'auto', seed: 1 })),
    tableEps: refusal(() => lab.stepTable({ x0: 0, lr: 0.1, eps: 1e-320, eps_placement: 'outside', steps: 1, scale: 1 })),
  };
  assert.match(messages.tableEps, /^lr = 0\.1 is too large for eps = /);
  const cases = [
    ['parabola', figures.parabola.m.coreNames, ['lr', 'eps', 'x0[0]', 'steps', 'tableEps'], { lr: 'lr', eps: 'eps', steps: 'steps', 'x0[0]': 'x0' }],
    ['steptable', figures.steptable.m.coreNames, ['lr', 'eps', 'x0[0]', 'steps', 'tableEps'], { lr: 'lr', eps: 'eps', steps: 'steps', 'x0[0]': 'x0' }],
    ['fading (AdaGrad)', figures.fading.m.coreNames('adagrad'), ['lr', 'x0[0]', 'x0[1]', 'steps'], { lr: 'ada', 'x0[0]': 'w0', 'x0[1]': 'b0', steps: 'steps' }],
    ['fading (Adam)', figures.fading.m.coreNames('adam'), ['lr'], { lr: 'adam' }],
    ['compare', figures.compare.m.coreNames, ['lr', 'momentum', 'steps'], { lr: 'lr', momentum: 'mom', steps: 'k' }],
    ['line', figures.line.m.coreNames, ['lr', 'x0[0]', 'x0[1]', 'steps', 'n_samples', 'noise'], { 'x0[0]': 'w0', 'x0[1]': 'b0', steps: 'epochs', n_samples: 'n', noise: 'noise' }],
    ['pitfall', figures.pitfall.m.coreNames, ['lr', 'x0[0]', 'x0[1]', 'steps'], { lr: 'lr', 'x0[0]': 'x0', 'x0[1]': 'b0', steps: 'steps' }],
    ['race', figures.race.m.coreNames, ['lr', 'x0[0]', 'x0[1]', 'steps'], { 'x0[0]': 'w0', 'x0[1]': 'b0', steps: 'steps' }],
    ['valley', figures.valley.m.coreNames, ['lr', 'x0[0]', 'x0[1]', 'steps', 'n_samples', 'noise'], { 'x0[0]': 'w0', 'x0[1]': 'b0', steps: 'steps', n_samples: 'n', noise: 'noise' }],
    ['why', figures.why.m.coreNames, ['lr', 'eps', 'steps'], { lr: 'lr', eps: 'eps', steps: 'steps' }],
    ['update (options)', figures.update.m.optionsCoreNames, ['lr', 'steps', 'lr_decay', 'weight_decay', 'initial_accumulator_value'],
      { lr: 'blr', steps: 'bsteps', lr_decay: 'decayv', weight_decay: 'wdv', initial_accumulator_value: 'accv' }],
    ['update (placement)', figures.update.m.placementCoreNames('tiny'), ['lr', 'eps', 'x0[0]', 'steps'], { lr: 'lr', eps: 'eps', 'x0[0]': 'tiny', steps: 'steps' }],
    ['stochastic', figures.stochastic.m.coreNames('ada'), ['lr'], { lr: 'ada' }],
    ['text', figures.text.m.coreNames('sgd'), ['lr'], { lr: 'sgd' }],
    ['spiral (network)', figures.spiral.m.coreNames('network'), ['layers'], {}],
    ['spiral (data)', figures.spiral.m.coreNames('data'), ['n_samples', 'noise'], { n_samples: 'n', noise: 'noise' }],
    ['spiral (left board)', figures.spiral.m.coreNames('a'), ['lr'], { lr: 'lr' }],
  ];
  for (const [name, names, which, fieldOf] of cases) {
    const table = figures[name.split(' ')[0]].m.settings;
    for (const w of which) {
      const said = pageWords(messages[w], names);
      // a core name may stay only where it is the page's own label too (steps; the update
      // figure teaches PyTorch's lr_decay by that name)
      const labels = new Set(Object.values(names).filter((v) => typeof v === 'string').flatMap((v) => v.split(' ')));
      assert.deepEqual(coreNamesIn(said, CORE).filter((n) => !labels.has(n)), [], `${name}: ${messages[w]} → ${said}`);
      const key = fieldOf[w === 'tableEps' ? 'lr' : w];
      if (key) assert.ok(said.startsWith(table.get(key).name), `${name}: “${said}” should start with the page’s name “${table.get(key).name}”`);
    }
  }
  // the spiral's layer message names the layer as its editor labels it
  assert.equal(pageWords(messages.layers, figures.spiral.m.coreNames('network')), 'layer 1 must be between 1 and 4096, got 5000');
  assert.equal(figures.spiral.m.width(0).label, 'layer 1');
});

test('G = 0 with the smallest ε (x₀ = 0): the parabola refuses in its own words, the update and why figures say what the rate is', () => {
  const p = figures.parabola.m.settings;
  const { values } = p.parse({ ...p.defaults, x0: '0', eps: '5e-324' });
  let said = null;
  try { figures.parabola.tell(values); } catch (error) { said = pageWords(error.message, figures.parabola.m.coreNames); }
  assert.match(said, /^η = 0\.1 is too large for ε = 4\.94065645841247e-324 with x₀ = 0: at step 1 the rate η \/ \(√G \+ ε\) overflows with G = 0$/);
  const u = figures.update.m.settings;
  const words = figures.update.tell(u.parse({ ...u.defaults, tiny: '0', eps: '5e-324' }).values);
  assert.match(words, /overflows to ∞/);
  assert.doesNotMatch(words, BAD);
  const w = figures.why.m.settings;
  assert.doesNotMatch(figures.why.tell(w.parse({ ...w.defaults, eps: '5e-324' }).values), BAD);
});
