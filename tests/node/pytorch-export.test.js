// "Reproduce in PyTorch": each generated script (web/src/export/pytorch.js), run by python3 with
// Debian's python3-torch, against the core's own numbers for the same settings, through the same
// model functions the figures call. Several settings per figure (the defaults, other values,
// runs that diverge or stall) and a seeded sweep within each figure's rules. Tolerance: the
// reference cases' `abs + rel·|want|` (tests/reference/README.md).
//
// PyTorch missing is a failure saying to run build-scripts/setup; ADAGRAD_SKIP_TORCH=1 skips
// instead. ADAGRAD_PYTHON names the interpreter; by default `python3`, then /usr/bin/python3
// (Debian's python3-torch is installed for Debian's own python, which a pyenv or venv `python3`
// earlier on PATH does not see).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, execFileSync } = require('node:child_process');
const { loadLab, root } = require('./lab.js');

const { tolerance: TOL } = JSON.parse(fs.readFileSync(path.join(root, 'tests/reference/adagrad_wb_valley.json'), 'utf8'));

const candidates = process.env.ADAGRAD_PYTHON ? [process.env.ADAGRAD_PYTHON] : ['python3', '/usr/bin/python3'];
function torchPython() {
  for (const python of candidates) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120000 });
      return python;
    } catch { /* the next one */ }
  }
  return null;
}
const python = torchPython();
const skip = !python && process.env.ADAGRAD_SKIP_TORCH === '1'
  ? 'ADAGRAD_SKIP_TORCH=1: PyTorch is not installed, the generated scripts are not run' : false;
const missing = `PyTorch is missing: \`${candidates.join('` and `')} -c "import torch"\` failed. ` +
  'Run build-scripts/setup (it installs Debian\'s python3-torch), or set ADAGRAD_SKIP_TORCH=1 to skip this suite.';

let lab, exp, models, tmp, sweep = [];
test.before(async () => {
  lab = await loadLab();
  exp = await import('../../web/src/export/pytorch.js');
  models = {
    parabola: await import('../../web/src/figures/parabola/model.js'),
    steptable: await import('../../web/src/figures/steptable/model.js'),
    race: await import('../../web/src/figures/race/model.js'),
    valley: await import('../../web/src/figures/valley/model.js'),
    line: await import('../../web/src/figures/line/model.js'),
    fading: await import('../../web/src/figures/fading/model.js'),
    compare: await import('../../web/src/figures/compare/model.js'),
    update: await import('../../web/src/figures/update/model.js'),
    why: await import('../../web/src/figures/why/model.js'),
  };
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'adagrad-torch-'));
  sweep = await sweepCases();
  // every script starts now, a few at a time; each test awaits its own
  if (!python) return;
  for (const [name, [cases]] of Object.entries(CASES)) for (const over of cases) runScript(name, over);
  for (const [name, over] of sweep) runScript(name, over);
});
test.after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

/** Writes the figure's script, runs it, and resolves to the JSON of its last line. The scripts
 *  run a few at a time (most of each one's second is importing torch): every case's run starts
 *  in test.before, and its test awaits it. */
const started = new Map();
let running = 0, files = 0;
const waiting = [];
const limit = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
function runScript(name, settings) {
  const key = label(name, settings);
  if (!started.has(key)) {
    const result = new Promise((resolve, reject) => {
      waiting.push(() => {
        running++;
        const done = () => { running--; if (waiting.length) waiting.shift()(); };
        try {
          assert.ok(python, missing);
          const data = exp.pytorchData(lab, name, settings);
          const script = exp.pytorchScript(name, settings, data ?? undefined);
          assert.equal(typeof script, 'string', `${name}: no script`);
          const file = path.join(tmp, `${files++}-${name}.py`);
          fs.writeFileSync(file, script);
          execFile(python, [file], { encoding: 'utf8', timeout: 300000, maxBuffer: 1 << 28 }, (error, out) => {
            done();
            if (error) return reject(error);
            try {
              const lines = out.trimEnd().split('\n');
              const json = JSON.parse(lines[lines.length - 1]);
              assert.equal(json.figure, name);
              resolve(json);
            } catch (e) { reject(e); }
          });
        } catch (e) { done(); reject(e); }
      });
      if (running < limit) waiting.shift()();
    });
    result.catch(() => {});  // awaited by its test; not an unhandled rejection meanwhile
    started.set(key, result);
  }
  return started.get(key);
}

/** Collects every value outside tolerance, naming where it is; fails once, listing the first few. */
class Diff {
  constructor(label) { this.label = label; this.lines = []; this.count = 0; }
  close(got, want, where) {
    // null: a number the script could not write in JSON (inf, nan), where the core's is not finite too
    const ok = got === null ? !Number.isFinite(want)
      : typeof got === 'number' && Math.abs(got - want) <= TOL.abs + TOL.rel * Math.abs(want);
    if (!ok && this.count++ < 8) this.lines.push(`${where}: torch ${got}, core ${want}`);
  }
  equal(got, want, where) {
    if (got !== want && this.count++ < 8) this.lines.push(`${where}: torch ${got}, core ${want}`);
  }
  done() {
    if (this.count) assert.fail(`${this.label}: ${this.count} value(s) differ (tolerance ${TOL.abs} + ${TOL.rel}·|core|)\n  ${this.lines.join('\n  ')}`);
  }
}

/** A torch run {params, values, diverged_at, rates?, G?} against a core trajectory. */
function sameRun(d, got, want, id) {
  const dim = want.dim, n = want.stepsTaken;
  d.equal(got.diverged_at, want.divergedAt, `${id} diverged_at`);
  d.equal(got.params.length, n + 1, `${id} rows`);
  d.equal(got.values.length, n + 1, `${id} values`);
  for (let t = 0; t <= n && t < got.params.length; t++) {
    for (let c = 0; c < dim; c++) d.close(got.params[t][c], want.params[t * dim + c], `${id} step ${t} param ${c}`);
    d.close(got.values[t], want.values[t], `${id} step ${t} f`);
  }
  for (const [key, core] of [['rates', 'rates'], ['G', 'moments']]) {
    if (!got[key]) continue;
    d.equal(got[key].length, n, `${id} ${key} rows`);
    for (let t = 0; t < n && t < got[key].length; t++)
      for (let c = 0; c < dim; c++) d.close(got[key][t][c], want[core][t * dim + c], `${id} step ${t + 1} ${key} ${c}`);
  }
}

const parse = (table, over) => {
  const { values, errors } = table.parse({ ...table.defaults, ...over });
  assert.deepEqual(errors, {}, JSON.stringify(over));
  return values;
};
const lrOf = (v, ids) => Object.fromEntries(ids.map((id) => [id, v[id]]));
const label = (name, over) => `${name} ${JSON.stringify(over)}`;

// name → [settings to try, (torch result, settings texts, diff) → compares]
const CASES = {
  parabola: [[{}, { lr: '1' }, { lr: '1.5', steps: '600' }, { place: 'inside', eps: '0.5', x0: '-3', steps: '80' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/parabola/settings.js');
      const run = models.parabola.parabolaRun(lab, parse(settings, over));
      if (over.place === 'inside') assert.match(got.note, /^eps is INSIDE the root here: torch\.optim\.Adagrad puts it outside/);
      else assert.equal(got.note, undefined);
      sameRun(d, got.runs.ada, run.ada, 'ada');
      sameRun(d, got.runs.sgd, run.sgd, 'sgd');
    }],
  'step-table': [[{}, { place: 'inside', eps: '1e-3', x0: '0.5', lr: '0.3', steps: '40' }, { x0: '-1e6', lr: '1e3', steps: '200' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/steptable/settings.js');
      const rows = models.steptable.stepRows(lab, parse(settings, over));
      if (over.place === 'inside') assert.match(got.note, /^eps is INSIDE the root here/);
      d.equal(got.rows.length, rows.length, 'rows');
      rows.forEach((row, i) => {
        for (const key of ['t', 'x', 'grad', 'sum', 'effective_rate', 'update', 'x_new']) d.close(got.rows[i]?.[key], row[key], `row ${i + 1} ${key}`);
      });
    }],
  race: [[{}, { w0: '3', b0: '-1', steps: '150', gd: '2', adam: '0.05', rms: '1e-3', ada: '20' }],
    async (got, over, d) => {
      const { settings, IDS } = await import('../../web/src/figures/race/settings.js');
      const v = parse(settings, over);
      const run = models.race.raceRun(lab, { w0: v.w0, b0: v.b0, steps: v.steps, lr: lrOf(v, IDS) });
      for (const id of IDS) sameRun(d, got.runs[id], run.runs[id], id);
    }],
  valley: [[{}, { density: '0.2', n: '50', noise: '0', seed: '3', w0: '5', b0: '-1', steps: '600', gd: '1.5', ada: '0.05' }],
    async (got, over, d) => {
      const { settings, IDS } = await import('../../web/src/figures/valley/settings.js');
      const v = parse(settings, over);
      const run = models.valley.valleyRun(lab, { ...v, lr: lrOf(v, IDS) });
      for (const id of IDS) sameRun(d, got.runs[id], run.runs[id], id);
      sameRun(d, got.runs.dense_gd, run.denseGd, 'dense_gd');
    }],
  line: [[{}, { n: '200', noise: '2', seed: '11', w0: '-3', b0: '4', epochs: '300', sgd: '1.2', ada: '1', adam: '0.3' }],
    async (got, over, d) => {
      const { settings, IDS } = await import('../../web/src/figures/line/settings.js');
      const v = parse(settings, over);
      // the racers of web/src/figures/line.js (not importable here: it builds the DOM)
      const racers = [{ id: 'sgd', spec: (lr) => ({ kind: 'sgd', lr }) }, { id: 'ada', spec: (lr) => ({ kind: 'adagrad', lr }) }, { id: 'adam', spec: (lr) => ({ kind: 'adam', lr }) }];
      const run = models.line.lineRun(lab, { ...v, lr: lrOf(v, IDS) }, racers);
      for (const id of IDS) sameRun(d, got.runs[id], run.runs[id], id);
    }],
  why: [[{}, { lr: '2', eps: '1e-3', steps: '400', seed: '7', rare: '0.02' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/why/settings.js');
      const r = models.why.whyRun(lab, parse(settings, over));
      for (const id of ['ada', 'sgd']) {
        // the core's positions: its updates added up in order, as its step adds them
        const p = [0, 0];
        d.equal(got.runs[id].params.length, r.n + 1, `${id} rows`);
        for (let t = 0; t < r.n; t++) {
          for (const c of [0, 1]) {
            p[c] += r[id][c][t];
            d.close(got.runs[id].params[t + 1]?.[c], p[c], `${id} step ${t + 1} param ${c}`);
            if (id === 'ada') {
              d.close(got.runs.ada.G[t][c], r.G[c][t], `G step ${t + 1} ${c}`);
              d.close(got.runs.ada.rates[t][c], r.rate[c][t], `rate step ${t + 1} ${c}`);
            }
          }
        }
      }
    }],
  // the third: f at the start is finite but g² overflows, so G is ∞ and AdaGrad stands still
  fading: [[{}, { w0: '-2', b0: '0.5', steps: '500', ada: '3', rms: '0.01', adam: '1' }, { w0: '1e154', b0: '0', steps: '20' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/fading/settings.js');
      const v = parse(settings, over);
      const run = models.fading.fadingRuns(lab, { w0: v.w0, b0: v.b0, steps: v.steps, seed: v.seed, lr: { adagrad: v.ada, rmsprop: v.rms, adam: v.adam } });
      for (const kind of models.fading.KINDS) sameRun(d, got.runs[kind], run.runs[kind], kind);
    }],
  compare: [[{}, { g1: '-3', g2: '1e-4', lr: '2', mom: '0.99', k: '500' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/compare/settings.js');
      const run = models.compare.compareRun(lab, parse(settings, over));
      for (const [id, r] of Object.entries(run.results)) {
        const g = got.runs[id];
        d.equal(g.diverged_at, r.divergedAt, `${id} diverged_at`);
        d.equal(g.changes.length, r.divergedAt ? r.divergedAt - 1 : r.steps[0].length, `${id} steps`);
        g.changes.forEach((row, t) => { for (const c of [0, 1]) d.close(row[c], r.steps[c][t], `${id} step ${t + 1} change ${c}`); });
        for (const c of [0, 1]) d.close(g.final[c], r.params[c], `${id} final ${c}`);
      }
    }],
  update: [[{}, { decay: 'on', wd: 'off', acc: 'on', eps: '0.01', tiny: '-1e-3', big: '50', steps: '100', bsteps: '200', blr: '0.3' }],
    async (got, over, d) => {
      const { settings } = await import('../../web/src/figures/update/settings.js');
      const v = parse(settings, over);
      for (const [name, x0] of [['tiny', v.tiny], ['big', v.big]]) {
        const r = models.update.fromStart(lab, { lr: v.lr, eps: v.eps, steps: v.steps }, x0);
        sameRun(d, got.runs[`${name}_outside`], r.out, `${name}_outside`);
        sameRun(d, got.runs[`${name}_inside`], r.inn, `${name}_inside`);
      }
      // part B as web/src/figures/update/options.js runs it (not importable here: it builds the DOM)
      const DATA = { x: [1, 2, 3, 4], y: [2, 4, 6, 8], dim: 1 };
      const base = { kind: 'adagrad', lr: v.blr, eps: 1e-10 };
      const on = (k, value) => (v[k] === 'on' ? value : undefined);
      const withOpts = { ...base, lr_decay: on('decay', v.decayv), weight_decay: on('wd', v.wdv), initial_accumulator_value: on('acc', v.accv) };
      sameRun(d, got.runs.plain, lab.runLinearRegression({ ...DATA, steps: v.bsteps, optimizer: base }), 'plain');
      sameRun(d, got.runs.options, lab.runLinearRegression({ ...DATA, steps: v.bsteps, optimizer: withOpts }), 'options');
    }],
};

// the runs each case must see diverge (so the divergence rule is compared, not just assumed)
const DIVERGES = {
  'parabola {"lr":"1.5","steps":"600"}': ['sgd'],
  'race {"w0":"3","b0":"-1","steps":"150","gd":"2","adam":"0.05","rms":"1e-3","ada":"20"}': ['gd'],
  'valley {"density":"0.2","n":"50","noise":"0","seed":"3","w0":"5","b0":"-1","steps":"600","gd":"1.5","ada":"0.05"}': ['gd'],
};

for (const [name, [cases, check]] of Object.entries(CASES)) {
  for (const over of cases) {
    test(`${label(name, over)}: the PyTorch script's numbers are the core's`, { skip }, async () => {
      const got = await runScript(name, over);
      const d = new Diff(label(name, over));
      await check(got, over, d);
      d.done();
      for (const id of DIVERGES[label(name, over)] ?? []) assert.notEqual(got.runs[id].diverged_at, null, `${label(name, over)}: ${id} was meant to diverge`);
    });
  }
}

// A seeded sweep: settings drawn from each figure's own rules (short runs, so it stays quick; η up
// to the rules' 10³, so many runs diverge), two per figure.
const SWEEP = {
  parabola: ['parabola/settings.js', { steps: { max: 300 } }],
  'step-table': ['steptable/settings.js', {}],
  race: ['race/settings.js', { steps: { max: 300 } }],
  valley: ['valley/settings.js', { n: { max: 200 }, steps: { max: 300 } }],
  line: ['line/settings.js', { n: { max: 300 }, epochs: { max: 300 } }],
  fading: ['fading/settings.js', { steps: { max: 300 } }],
  compare: ['compare/settings.js', { k: { max: 300 } }],
  update: ['update/settings.js', { steps: { max: 300 }, bsteps: { max: 300 } }],
  why: ['why/settings.js', { steps: { max: 300 } }],
};
/** The sweep's settings: two per figure, drawn with a fixed seed. */
async function sweepCases() {
  const { sampler } = await import('../../web/src/settings.js');
  const rnd = sampler(11);
  const cases = [];
  for (const [name, [file, limits]] of Object.entries(SWEEP)) {
    const { settings } = await import(`../../web/src/figures/${file}`);
    for (let i = 0; i < 2; i++) {
      const over = {};
      for (const key of settings.keys) {
        const decl = settings.get(key);
        if (decl.kind !== 'subset') over[key] = rnd.draw(decl, limits[key]);
      }
      cases.push([name, over]);
    }
  }
  return cases;
}

test('sweep: settings drawn from each figure\'s rules give the core\'s numbers in PyTorch too', { skip }, async (t) => {
  for (const [name, over] of sweep) {
    await t.test(label(name, over), async () => {
      const got = await runScript(name, over);
      const d = new Diff(label(name, over));
      await CASES[name][1](got, over, d);
      d.done();
    });
  }
});

test('every figure either has a script or is listed as not reproducible; the rest give null', () => {
  const supported = ['parabola', 'step-table', 'race', 'valley', 'line', 'why', 'fading', 'compare', 'update'];
  assert.deepEqual([...exp.pytorchFigures].sort(), [...supported].sort());
  for (const name of ['stochastic', 'text', 'pitfall', 'spiral', 'summary', 'nonsense', '__proto__', 'constructor'])
    assert.equal(exp.pytorchScript(name, {}), null, name);
  assert.deepEqual([...exp.pytorchNeedsData].sort(), ['line', 'valley', 'why']);
  assert.throws(() => exp.pytorchScript('valley', {}), /pass its data/);
});

test('settings a table refuses never reach Python, and only finite numbers are written', () => {
  for (const lr of ['nan', 'Infinity', '0.1\nimport os', "0.1'", '1e999'])
    assert.throws(() => exp.pytorchScript('parabola', { lr }), /η/, JSON.stringify(lr));
  assert.throws(() => exp.pytorchScript('race', { hide: 'gd\nimport os' }));
  assert.throws(() => exp.pyFloat(NaN), /finite/);
  assert.throws(() => exp.pyFloat('1'), /finite/);
  assert.equal(exp.pyFloat(-0), '-0.0');
  assert.equal(exp.pyFloat(5), '5.0');
  assert.equal(exp.pyFloat(0.1 + 0.2), '0.30000000000000004');
});

test('ε inside the root says so, in the script and in what it prints', () => {
  const script = exp.pytorchScript('parabola', { place: 'inside' });
  assert.match(script, /class AdagradEpsInside\(torch\.optim\.Optimizer\):\n    """NOT torch\.optim/);
  assert.match(script, /NOTE = \('eps is INSIDE the root here: torch\.optim\.Adagrad puts it outside, '/);
  assert.match(script, /print\('note:', NOTE\)/);
  assert.doesNotMatch(exp.pytorchScript('parabola', {}), /AdagradEpsInside/);
});
