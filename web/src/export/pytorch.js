// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// "Reproduce in PyTorch": a figure's settings → a short Python script that recomputes the
// figure's numbers with torch.optim in float64 and prints them. No DOM: the page's button and
// the node tests (tests/node/pytorch-export.test.js) import it alike.
//
//   pytorchScript(name, settings, data?) → Python 3 source, or null for a figure torch.optim
//                                          cannot reproduce honestly
//   pytorchFigures                        → the names it makes a script for
//   pytorchNeedsData                      → the names whose script needs `data` (below)
//   pytorchData(lab, name, settings)      → that `data`, made by the core
//
// `name` is the figure's readable name (parabola, step-table, race, …); `settings` its settings as
// TEXT, as in its table (figures/<fig>/settings.js); a missing key takes the table's default, and
// a value the table refuses throws. Every number enters the script through pyFloat/pyInt, which
// take finite numbers only: no text from a link is ever written into Python.
//
// `data`: valley, line and why draw their points or gradients from the core's seeded generator,
// which torch cannot replay, so their scripts carry them as literal lists at the end. Pass
// `pytorchData(lab, name, settings)`: valley → {sparse: {x, y}, dense: {x, y}} (the sparse 0/1
// column the four optimizers run on, and the N(0, 1) column of the round bowl), line → {x, y},
// why → {frequent, rare} (lab.gradientHistories). Without it those three throw.
//
// Output: a few human-readable lines, then, as the LAST line of stdout, one JSON object:
//   {"figure": name, "torch": torch.__version__, "runs": {id: run, …}, "note"?: text}
// A run is {"params": [[…], …] (one row per step, row 0 the start), "values": [f at each row],
// "diverged_at": null or the 1-based step at which a gradient, point or f stopped being finite
// (the path stops before it, as the core's runQuadratic does)}, plus, where the figure shows
// them, "rates" (the effective rate after each step, one row per step) and "G" (AdaGrad's sum of
// squared gradients, likewise). The runs, by figure (ids as in the figure's model):
//   parabola: ada (with rates, G), sgd        race: gd, mom, nag, ada, rms, adam
//   valley: gd, mom, nag, ada, dense_gd       line: sgd, ada, adam
//   fading: adagrad (rates, G), rmsprop, adam (rates)
//   update: tiny_outside, tiny_inside, big_outside, big_inside (part A, rates), plain, options
//     (part B, rates)
//   why: ada (params, rates, G), sgd (params): no "values", its gradients are given
//   compare: sgd, momentum, adagrad, rmsprop, adam, each {"changes": [[Δ₁, Δ₂] per step],
//     "final", "diverged_at"}
//   step-table: no runs but "rows": [{t, x, grad, sum, effective_rate, update, x_new}]
// "note" says when ε sits inside the root (written by hand, not torch.optim). Not reproduced: the
// contour grids and least-squares minima, fading's random-gradient panel and η sweep, and the
// update figure's rate-against-G curves. Numbers are Python floats, which json.dumps writes with
// repr, the shortest text that reads back as the same double; null stands for one that is not
// finite, which JSON cannot write (f at a start near 1e300, or G once g² overflows: a run stops
// at the first point or f that is not finite, not at G).
//
// Figures that return null, and why:
//   stochastic, text, spiral: networks trained by the core's TrainingRun, whose initial weights
//     (and stochastic's mini-batch order) come from the core's seeded generator: a script would
//     need them pasted in and a network written anew, a port rather than a reproduction.
//   pitfall: its point is the forgetful AdaGrad bug (the optimizer re-created every step), a
//     misuse of the core's API, not a torch.optim setting.
//   summary: cards that restate the other figures' results.

import { settings as parabolaSettings } from '../figures/parabola/settings.js';
import { settings as stepTableSettings } from '../figures/steptable/settings.js';
import { settings as raceSettings, IDS as RACE_IDS } from '../figures/race/settings.js';
import { settings as valleySettings, IDS as VALLEY_IDS } from '../figures/valley/settings.js';
import { settings as fadingSettings } from '../figures/fading/settings.js';
import { settings as compareSettings } from '../figures/compare/settings.js';
import { settings as lineSettings, IDS as LINE_IDS } from '../figures/line/settings.js';
import { settings as updateSettings } from '../figures/update/settings.js';
import { settings as whySettings } from '../figures/why/settings.js';
import { SPECS as RACE_SPECS, SCALES as RACE_SCALES } from '../figures/race/model.js';
import { SCALES as FADING_SCALES, KINDS as FADING_KINDS } from '../figures/fading/model.js';
import { KINDS as COMPARE_KINDS } from '../figures/compare/model.js';

// ---- numbers into Python, and nothing else ------------------------------------------------------

/** A finite number as a Python float literal (String() gives the shortest round-trip text, as
 *  Python's repr does); anything else throws. */
export function pyFloat(value, what = 'a value') {
  const x = typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(x)) throw new Error(`${what} must be a finite number, got ${String(value)}`);
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
/** A whole number as a Python int literal. */
export function pyInt(value, what = 'a value') {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a whole number, got ${String(value)}`);
  return String(value);
}
const pyBool = (value) => (value ? 'True' : 'False');
/** A list of floats, wrapped four to a line. */
function pyList(values, what, indent = '    ') {
  const items = Array.from(values, (v, i) => pyFloat(v, `${what}[${i}]`));
  const lines = [];
  for (let i = 0; i < items.length; i += 4) lines.push(`${indent}${items.slice(i, i + 4).join(', ')},`);
  return items.length ? `[\n${lines.join('\n')}\n${indent.slice(4)}]` : '[]';
}

// ---- an optimizer spec (as the figures give lab.runQuadratic) → a torch.optim constructor ---------

// Every option written out with its default (the core's defaults, which are PyTorch's), so a
// script says exactly what it runs whatever torch's version.
const TORCH = {
  sgd: ['torch.optim.SGD', [['lr'], ['momentum', 0], ['dampening', 0], ['weight_decay', 0], ['nesterov', false]]],
  adagrad: ['torch.optim.Adagrad', [['lr'], ['lr_decay', 0], ['weight_decay', 0], ['initial_accumulator_value', 0], ['eps', 1e-10]]],
  rmsprop: ['torch.optim.RMSprop', [['lr'], ['alpha', 0.99], ['eps', 1e-8], ['weight_decay', 0], ['momentum', 0], ['centered', false]]],
  adam: ['torch.optim.Adam', [['lr'], ['betas'], ['eps', 1e-8], ['weight_decay', 0], ['amsgrad', false]]],
};

/** `spec` → Python making that optimizer for the list `params`. `names` maps an option to the
 *  Python name of the setting holding it ({lr: 'LR'}), written instead of the number. */
function torchOptimizer(spec, params, names = {}) {
  const known = { sgd: ['momentum', 'dampening', 'weight_decay', 'nesterov'], adagrad: ['lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'eps_placement'],
    rmsprop: ['alpha', 'eps', 'weight_decay', 'momentum', 'centered'], adam: ['beta1', 'beta2', 'eps', 'weight_decay', 'amsgrad'] }[spec.kind];
  if (!known) throw new Error(`no torch.optim class for the optimizer kind ${String(spec.kind)}`);
  for (const k of Object.keys(spec)) if (k !== 'kind' && k !== 'lr' && !known.includes(k)) throw new Error(`${spec.kind}: option ${k} has no torch.optim counterpart here`);
  const own = Object.prototype.hasOwnProperty;
  const value = (k, fallback) => (own.call(names, k) ? names[k]
    : typeof fallback === 'boolean' ? pyBool(spec[k] ?? fallback) : pyFloat(spec[k] ?? fallback, k));
  if (spec.kind === 'adagrad' && (spec.eps_placement ?? 'outside') === 'inside') {
    for (const k of ['lr_decay', 'weight_decay', 'initial_accumulator_value']) if (spec[k]) throw new Error(`ε inside the root with ${k} is not written out by hand here`);
    return `AdagradEpsInside(${params}, lr=${value('lr')}, eps=${value('eps', 1e-10)})`;
  }
  const [cls, options] = TORCH[spec.kind];
  const args = options.map(([k, fallback]) => (k === 'betas'
    ? `betas=(${pyFloat(spec.beta1 ?? 0.9, 'beta1')}, ${pyFloat(spec.beta2 ?? 0.999, 'beta2')})`
    : `${k}=${value(k, fallback)}`));
  return `${cls}(${params}, ${args.join(', ')})`;
}

// ---- the Python every script shares ------------------------------------------------------------

/** `text` as Python comment lines of at most 100 characters. */
function comment(text) {
  const lines = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length > 1 && line.length + 1 + word.length > 100) { lines.push(line); line = '#'; }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

const HEAD = (name, what, values) => `# Reproduces AdaGrad Lab's figure "${name}" with PyTorch (torch.optim, float64).
${comment(what)}
# Generated from the figure's current settings (below). Run it with: python3 this_file.py
# It prints a line per run, then, as its last line, one JSON object holding every number.
${comment(`Figure settings: ${Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isSafeInteger(v) ? pyInt(v, k) : pyFloat(v, k)) : safeWord(v)}`).join(', ')}`)}
import json
import math

import torch

torch.set_default_dtype(torch.float64)  # the lab's core computes in float64 (double) too


def json_safe(value):
    """value with every float that is not finite (inf, nan) as None: JSON has no such numbers."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
`;

/** A choice setting's value in a comment: only letters, digits, commas and hyphens pass. */
function safeWord(v) {
  const s = String(v);
  if (!/^[A-Za-z0-9,_-]*$/.test(s)) throw new Error(`unexpected setting text ${JSON.stringify(s)}`);
  return s === '' ? '(none)' : s;
}

const RUN = `

def run(make_optimizer, f, x0, steps, watch=None):
    """Steps an optimizer on f from x0 as the lab's core does (its runQuadratic): at each step the
    gradient at the current point, one optimizer step, f at the new point. The run stops at the
    first step whose gradient, new point or new value is not finite (diverged_at: that step).
    watch: {name: function(opt, p)}, read after every step into the run's list of that name."""
    p = torch.tensor(x0, requires_grad=True)
    opt = make_optimizer([p])
    with torch.no_grad():
        out = {'params': [p.tolist()], 'values': [f(p).item()], 'diverged_at': None}
    watch = watch or {}
    for name in watch:
        out[name] = []
    for step in range(1, steps + 1):
        opt.zero_grad()
        f(p).backward()  # p.grad: the gradient of f at p
        if not torch.isfinite(p.grad).all():
            out['diverged_at'] = step
            break
        opt.step()  # torch.optim's own update
        with torch.no_grad():
            value = f(p)
        if not (torch.isfinite(p).all() and torch.isfinite(value)):
            out['diverged_at'] = step
            break
        out['params'].append(p.tolist())
        out['values'].append(value.item())
        for name, read in watch.items():
            out[name].append(read(opt, p))
    return out

`;

// torch.optim does not report the rate it used: these apply its formula to its own state.
const RATES = {
  adagrad: `

def adagrad_rate(opt, p):
    """AdaGrad's rate after a step, lr_t / (sqrt(G) + eps), from torch's own G (state 'sum')."""
    group, state = opt.param_groups[0], opt.state[p]
    lr_t = group['lr'] / (1 + (float(state['step']) - 1) * group['lr_decay'])
    return (lr_t / (state['sum'].sqrt() + group['eps'])).tolist()
`,
  rmsprop: `

def rmsprop_rate(opt, p):
    """RMSProp's rate after a step, lr / (sqrt(v) + eps), from torch's own v ('square_avg')."""
    group, state = opt.param_groups[0], opt.state[p]
    return (group['lr'] / (state['square_avg'].sqrt() + group['eps'])).tolist()
`,
  adam: `

def adam_rate(opt, p):
    """Adam's rate after step t, lr / (1 - beta1^t) / (sqrt(v / (1 - beta2^t)) + eps), from torch's
    own v (state 'exp_avg_sq') and t (state 'step')."""
    group, state = opt.param_groups[0], opt.state[p]
    beta1, beta2 = group['betas']
    t = float(state['step'])
    v_hat = state['exp_avg_sq'] / (1 - beta2 ** t)
    return (group['lr'] / (1 - beta1 ** t) / (v_hat.sqrt() + group['eps'])).tolist()
`,
};

const INSIDE = `

NOTE = ('eps is INSIDE the root here: torch.optim.Adagrad puts it outside, '
        'so AdaGrad is written out by hand (AdagradEpsInside)')


class AdagradEpsInside(torch.optim.Optimizer):
    """NOT torch.optim: AdaGrad with eps INSIDE the root, x <- x - lr * g / sqrt(G + eps), as the
    figure's setting asks. torch.optim.Adagrad always puts eps outside, lr * g / (sqrt(G) + eps),
    so this step is written out by hand. It keeps G under the same name ('sum') as torch does."""

    def __init__(self, params, lr, eps):
        super().__init__(params, dict(lr=lr, eps=eps, lr_decay=0.0))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['step'] = 0
                    state['sum'] = torch.zeros_like(p)
                state['step'] += 1
                state['sum'].addcmul_(p.grad, p.grad)                   # G <- G + g^2
                rate = group['lr'] / (state['sum'] + group['eps']).sqrt()  # lr / sqrt(G + eps)
                p.sub_(rate * p.grad)                                    # x <- x - rate * g


def adagrad_inside_rate(opt, p):
    """The hand-written AdaGrad's rate after a step, lr / sqrt(G + eps)."""
    group, state = opt.param_groups[0], opt.state[p]
    return (group['lr'] / (state['sum'] + group['eps']).sqrt()).tolist()
`;

const SUM = `

def adagrad_sum(opt, p):
    """AdaGrad's G, the running sum of squared gradients: torch's own state 'sum'."""
    return opt.state[p]['sum'].tolist()
`;


const QUADRATIC = (scales) => `

SCALES = torch.tensor([${scales.map((s) => pyFloat(s, 'scale')).join(', ')}])


def f(x):
    """The figure's objective: f(x) = sum of SCALES[i] * x[i]^2."""
    return (SCALES * x ** 2).sum()
`;

const REGRESSION = `

def mse(x, y):
    """The loss L(w, b) = (1/n) sum of (w x_k + b - y_k)^2 over the data (x, y), as a function
    of p = [w, b]."""
    return lambda p: ((p[0] * x + p[1] - y) ** 2).mean()
`;

const FINISH = (name, lines, extra = '') => `
    for key, r in runs.items():
        ${lines}
    result = {'figure': '${name}', 'torch': torch.__version__, 'runs': runs${extra}}
    print(json.dumps(json_safe(result), allow_nan=False))
`;
const SUMMARY = `end = r['params'][-1]
        print(f"{key}: {len(r['params']) - 1} steps, ends at {end}, f = {r['values'][-1]!r}"
              + (f", diverged at step {r['diverged_at']}" if r['diverged_at'] else ''))`;

// ---- the figures ---------------------------------------------------------------------------------

/** Parses `texts` with the figure's table: missing keys take the defaults; refused ones throw. */
function read(table, texts, name) {
  const { values, errors, ok } = table.parse({ ...table.defaults, ...(texts || {}) });
  if (!ok) throw new Error(`${name}: ${Object.values(errors).join('; ')}`);
  return values;
}

const adagradSpec = (v) => ({ kind: 'adagrad', lr: v.lr, eps: v.eps, eps_placement: v.place });
const rateOf = (spec) => (spec.kind === 'adagrad' && spec.eps_placement === 'inside' ? 'adagrad_inside_rate' : `${spec.kind}_rate`);

const FIGURES = {
  parabola(s) {
    const v = read(parabolaSettings, s, 'parabola');
    const inside = v.place === 'inside';
    return `${HEAD('parabola', 'AdaGrad and plain gradient descent, the same learning rate, on f(x) = x^2 from x0.', v)}
# ---- the figure's settings ----
X0 = ${pyFloat(v.x0, 'x0')}
LR = ${pyFloat(v.lr, 'lr')}
EPS = ${pyFloat(v.eps, 'eps')}  # AdaGrad's eps, ${inside ? 'INSIDE the root: lr / sqrt(G + eps) (not torch.optim.Adagrad\'s placement)' : 'outside the root: lr / (sqrt(G) + eps), as torch.optim.Adagrad'}
STEPS = ${pyInt(v.steps, 'steps')}
${QUADRATIC([1])}${RUN}${inside ? INSIDE : RATES.adagrad}${SUM}

# ---- the two optimizers ----
def adagrad(params):
    """AdaGrad, eps ${inside ? 'INSIDE the root: written out by hand (AdagradEpsInside above)' : 'outside the root: torch.optim.Adagrad'}."""
    return ${torchOptimizer(adagradSpec(v), 'params', { lr: 'LR', eps: 'EPS' })}


def gradient_descent(params):
    """Plain gradient descent with the same learning rate."""
    return ${torchOptimizer({ kind: 'sgd', lr: v.lr }, 'params', { lr: 'LR' })}


def main():
    ${inside ? "print('note:', NOTE)\n    " : ''}runs = {
        'ada': run(adagrad, f, [X0], STEPS, watch={'rates': ${rateOf(adagradSpec(v))}, 'G': adagrad_sum}),
        'sgd': run(gradient_descent, f, [X0], STEPS),
    }
${FINISH('parabola', SUMMARY, inside ? ", 'note': NOTE" : '')}

main()
`;
  },

  'step-table'(s) {
    const v = read(stepTableSettings, s, 'step-table');
    const inside = v.place === 'inside';
    const spec = adagradSpec(v);
    return `${HEAD('step-table', 'The step table: AdaGrad on f(x) = x^2, one row per step with x, its gradient g, G, the rate and the new x.', v)}
# ---- the figure's settings ----
X0 = ${pyFloat(v.x0, 'x0')}
LR = ${pyFloat(v.lr, 'lr')}
EPS = ${pyFloat(v.eps, 'eps')}  # ${inside ? 'INSIDE the root: lr / sqrt(G + eps) (not torch.optim.Adagrad\'s placement)' : 'outside the root: lr / (sqrt(G) + eps), as torch.optim.Adagrad'}
ROWS = ${pyInt(v.steps, 'rows')}
${QUADRATIC([1])}${inside ? INSIDE : RATES.adagrad}

def main():
    ${inside ? `print('note:', NOTE)\n    ` : ''}x = torch.tensor([X0], requires_grad=True)
    opt = ${torchOptimizer(spec, '[x]', { lr: 'LR', eps: 'EPS' })}
    rows = []
    for t in range(1, ROWS + 1):
        before = x.item()
        opt.zero_grad()
        f(x).backward()  # g = 2x
        g = x.grad.item()
        opt.step()
        if not (torch.isfinite(x).all() and torch.isfinite(opt.state[x]['sum']).all()):
            print(f'step {t}: x or G is no longer finite; the lab refuses these settings')
            break
        rate = ${rateOf(spec)}(opt, x)[0]
        # the row as the figure shows it: G is torch's own state, the update is -rate * g
        rows.append({'t': t, 'x': before, 'grad': g, 'sum': opt.state[x]['sum'].item(),
                     'effective_rate': rate, 'update': -rate * g, 'x_new': x.item()})
        print(f"{t:4d}  x = {before!r}  g = {g!r}  G = {rows[-1]['sum']!r}  rate = {rate!r}"
              f"  new x = {x.item()!r}")
    result = {'figure': 'step-table', 'torch': torch.__version__, 'rows': rows${inside ? ", 'note': NOTE" : ''}}
    print(json.dumps(json_safe(result), allow_nan=False))


main()
`;
  },

  race(s) {
    const v = read(raceSettings, s, 'race');
    return `${HEAD('race', 'Six optimizers race on f(w, b) = w^2 + 10 b^2 from one start.', v)}
# ---- the figure's settings ----
START = [${pyFloat(v.w0, 'w0')}, ${pyFloat(v.b0, 'b0')}]  # (w0, b0)
STEPS = ${pyInt(v.steps, 'steps')}
LR = {${RACE_IDS.map((id) => `'${id}': ${pyFloat(v[id], id)}`).join(', ')}}
${QUADRATIC(RACE_SCALES)}${RUN}
# ---- the racers: plain GD, momentum, Nesterov, AdaGrad (eps 1e-10, outside), RMSProp, Adam ----
OPTIMIZERS = {
${RACE_IDS.map((id) => `    '${id}': lambda params: ${torchOptimizer(RACE_SPECS[id](v[id]), 'params', { lr: `LR['${id}']` })},`).join('\n')}
}


def main():
    runs = {key: run(make, f, START, STEPS) for key, make in OPTIMIZERS.items()}
${FINISH('race', SUMMARY)}

main()
`;
  },

  valley(s, data) {
    const v = read(valleySettings, s, 'valley');
    if (!data || !data.sparse || !data.dense) throw new Error('valley: pass its data, pytorchData(lab, \'valley\', settings): the points come from the core\'s seeded generator');
    const { density, n, noise, seed, ...rest } = v;
    const specs = { gd: (lr) => ({ kind: 'sgd', lr }), mom: (lr) => ({ kind: 'sgd', lr, momentum: 0.9 }),
      nag: (lr) => ({ kind: 'sgd', lr, momentum: 0.9, nesterov: true }), ada: (lr) => ({ kind: 'adagrad', lr }) };
    return `${HEAD('valley', 'Least squares on a sparse 0/1 column: four optimizers fit (w, b) from one start; plain GD also on a dense column (the round bowl).', v)}
${comment(`The data: the lab's generator with density=${pyFloat(density)}, n=${pyInt(n)}, noise=${pyFloat(noise)}, seed=${pyInt(seed)}, written out at the end of this file (load_data), since torch cannot replay the lab's random numbers.`)}

# ---- the figure's settings ----
START = [${pyFloat(rest.w0, 'w0')}, ${pyFloat(rest.b0, 'b0')}]  # (w0, b0)
STEPS = ${pyInt(rest.steps, 'steps')}
LR = {${VALLEY_IDS.map((id) => `'${id}': ${pyFloat(v[id], id)}`).join(', ')}}
${REGRESSION}${RUN}
# ---- plain GD, momentum, Nesterov, AdaGrad (torch's default eps 1e-10, outside the root) ----
OPTIMIZERS = {
${VALLEY_IDS.map((id) => `    '${id}': lambda params: ${torchOptimizer(specs[id](v[id]), 'params', { lr: `LR['${id}']` })},`).join('\n')}
}


def main():
    sparse, dense = load_data()
    runs = {key: run(make, mse(*sparse), START, STEPS) for key, make in OPTIMIZERS.items()}
    runs['dense_gd'] = run(OPTIMIZERS['gd'], mse(*dense), START, STEPS)
${FINISH('valley', SUMMARY)}

def load_data():
    """(x, y) of the sparse column and of the dense column, as the lab generated them."""
    sparse_x = torch.tensor(${pyList(data.sparse.x, 'sparse x')})
    sparse_y = torch.tensor(${pyList(data.sparse.y, 'sparse y')})
    dense_x = torch.tensor(${pyList(data.dense.x, 'dense x')})
    dense_y = torch.tensor(${pyList(data.dense.y, 'dense y')})
    return (sparse_x, sparse_y), (dense_x, dense_y)


main()
`;
  },

  line(s, data) {
    const v = read(lineSettings, s, 'line');
    if (!data || !data.x || !data.y) throw new Error('line: pass its data, pytorchData(lab, \'line\', settings): the points come from the core\'s seeded generator');
    // the racers of figures/line.js: SGD (full batch), AdaGrad and Adam, each with the core's defaults
    const specs = { sgd: (lr) => ({ kind: 'sgd', lr }), ada: (lr) => ({ kind: 'adagrad', lr }), adam: (lr) => ({ kind: 'adam', lr }) };
    return `${HEAD('line', 'Fitting a line y = w x + b: full-batch SGD, AdaGrad and Adam from one start.', v)}
${comment(`The data: the lab's generator with n=${pyInt(v.n)}, noise=${pyFloat(v.noise)}, seed=${pyInt(v.seed)}, written out at the end of this file (load_data), since torch cannot replay the lab's random numbers.`)}

# ---- the figure's settings ----
START = [${pyFloat(v.w0, 'w0')}, ${pyFloat(v.b0, 'b0')}]  # (w0, b0)
EPOCHS = ${pyInt(v.epochs, 'epochs')}  # one full-batch step each
LR = {${LINE_IDS.map((id) => `'${id}': ${pyFloat(v[id], id)}`).join(', ')}}
${REGRESSION}${RUN}
# ---- SGD, AdaGrad (torch's default eps 1e-10, outside the root), Adam ----
OPTIMIZERS = {
${LINE_IDS.map((id) => `    '${id}': lambda params: ${torchOptimizer(specs[id](v[id]), 'params', { lr: `LR['${id}']` })},`).join('\n')}
}


def main():
    loss = mse(*load_data())
    runs = {key: run(make, loss, START, EPOCHS) for key, make in OPTIMIZERS.items()}
${FINISH('line', SUMMARY)}

def load_data():
    """(x, y), as the lab generated them."""
    x = torch.tensor(${pyList(data.x, 'x')})
    y = torch.tensor(${pyList(data.y, 'y')})
    return x, y


main()
`;
  },

  why(s, data) {
    const v = read(whySettings, s, 'why');
    if (!data || !data.frequent || !data.rare) throw new Error('why: pass its data, pytorchData(lab, \'why\', settings): the gradients come from the core\'s seeded generator');
    return `${HEAD('why', 'Two parameters fed given gradients: theta1 one every step, theta2 only now and then. AdaGrad and plain SGD with the same learning rate; AdaGrad\'s G and rate per parameter.', v)}
${comment(`The gradients: the lab's generator with steps=${pyInt(v.steps)}, seed=${pyInt(v.seed)}, rare probability=${pyFloat(v.rare)}, written out at the end of this file (load_gradients), since torch cannot replay the lab's random numbers.`)}

# ---- the figure's settings ----
LR = ${pyFloat(v.lr, 'lr')}  # both
EPS = ${pyFloat(v.eps, 'eps')}  # AdaGrad's, outside the root as torch.optim.Adagrad
${RATES.adagrad}${SUM}

def feed(opt, p, gradients, watch=None):
    """Steps opt on p with the given gradients, one (g1, g2) per step. Returns p after each step
    (row 0 the start, 0) and what watch reads after each step."""
    out = {'params': [p.tolist()]}
    watch = watch or {}
    for name in watch:
        out[name] = []
    for g in gradients:
        p.grad = torch.tensor(g)  # no loss: the gradient is given
        opt.step()
        out['params'].append(p.tolist())
        for name, read in watch.items():
            out[name].append(read(opt, p))
    return out


def main():
    gradients = load_gradients()
    p, q = torch.zeros(2, requires_grad=True), torch.zeros(2, requires_grad=True)
    runs = {
        'ada': feed(${torchOptimizer({ kind: 'adagrad', lr: v.lr, eps: v.eps }, '[p]', { lr: 'LR', eps: 'EPS' })}, p, gradients,
                    watch={'rates': adagrad_rate, 'G': adagrad_sum}),
        'sgd': feed(${torchOptimizer({ kind: 'sgd', lr: v.lr }, '[q]', { lr: 'LR' })}, q, gradients),
    }
    for key, r in runs.items():
        print(f"{key}: after {len(r['params']) - 1} steps at {r['params'][-1]}")
    result = {'figure': 'why', 'torch': torch.__version__, 'runs': runs}
    print(json.dumps(json_safe(result), allow_nan=False))


def load_gradients():
    """(g1, g2) for each step, as the lab generated them."""
    frequent = ${pyList(data.frequent, 'frequent')}
    rare = ${pyList(data.rare, 'rare')}
    return list(zip(frequent, rare))


main()
`;
  },

  fading(s) {
    const v = read(fadingSettings, s, 'fading');
    const lr = { adagrad: v.ada, rmsprop: v.rms, adam: v.adam };
    return `${HEAD('fading', 'AdaGrad, RMSProp and Adam on f(w, b) = w^2 + 10 b^2 for a long run, with the rate each uses at every step.', v)}
# Not here: the figure's panel of 1000 random gradients (drawn by the lab's seeded generator) and
# its sweep over 16 learning rates.

# ---- the figure's settings ----
START = [${pyFloat(v.w0, 'w0')}, ${pyFloat(v.b0, 'b0')}]  # (w0, b0)
STEPS = ${pyInt(v.steps, 'steps')}
LR = {${FADING_KINDS.map((k) => `'${k}': ${pyFloat(lr[k], k)}`).join(', ')}}
${QUADRATIC(FADING_SCALES)}${RUN}${FADING_KINDS.map((k) => RATES[k]).join('')}${SUM}

# ---- each with torch's defaults but for lr (AdaGrad's eps 1e-10 outside the root) ----
OPTIMIZERS = {
${FADING_KINDS.map((k) => `    '${k}': lambda params: ${torchOptimizer({ kind: k, lr: lr[k] }, 'params', { lr: `LR['${k}']` })},`).join('\n')}
}
# what to read after each step: the rate each used, and AdaGrad's G
WATCH = {
${FADING_KINDS.map((k) => `    '${k}': {'rates': ${k}_rate${k === 'adagrad' ? ", 'G': adagrad_sum" : ''}},`).join('\n')}
}


def main():
    runs = {key: run(make, f, START, STEPS, watch=WATCH[key]) for key, make in OPTIMIZERS.items()}
${FINISH('fading', SUMMARY)}

main()
`;
  },

  compare(s) {
    const v = read(compareSettings, s, 'compare');
    const ids = Object.keys(COMPARE_KINDS);
    return `${HEAD('compare', 'Five optimizers fed the same constant gradient (g1, g2) k times from 0: the change each makes at every step.', v)}
# ---- the figure's settings ----
GRAD = [${pyFloat(v.g1, 'g1')}, ${pyFloat(v.g2, 'g2')}]  # (g1, g2), the same at every step
LR = ${pyFloat(v.lr, 'lr')}  # all five
MOMENTUM = ${pyFloat(v.mom, 'mom')}
K = ${pyInt(v.k, 'k')}

# ---- the five, each with torch's defaults but for lr (and momentum) ----
OPTIMIZERS = {
${ids.map((id) => `    '${id}': lambda params: ${torchOptimizer(COMPARE_KINDS[id](v), 'params', id === 'momentum' ? { lr: 'LR', momentum: 'MOMENTUM' } : { lr: 'LR' })},`).join('\n')}
}


def feed(make_optimizer):
    """k steps on the constant gradient from 0; the change of each step is new point - old point.
    Stops at the first step whose point is not finite (diverged_at: that step)."""
    p = torch.zeros(2, requires_grad=True)
    opt = make_optimizer([p])
    out = {'changes': [], 'diverged_at': None}
    for step in range(1, K + 1):
        before = p.detach().clone()
        p.grad = torch.tensor(GRAD)  # no loss: the gradient is given
        opt.step()
        if not torch.isfinite(p).all():
            out['diverged_at'] = step
            break
        out['changes'].append((p.detach() - before).tolist())
    out['final'] = p.tolist()
    return out


def main():
    runs = {key: feed(make) for key, make in OPTIMIZERS.items()}
${FINISH('compare', `print(f"{key}: last change {r['changes'][-1] if r['changes'] else None},"
              f" ends at {r['final']}"
              + (f", diverged at step {r['diverged_at']}" if r['diverged_at'] else ''))`)}

main()
`;
  },

  update(s) {
    const v = read(updateSettings, s, 'update');
    const on = (k) => v[k] === 'on';
    const inside = { kind: 'adagrad', lr: v.lr, eps: v.eps, eps_placement: 'inside' };
    const outside = { kind: 'adagrad', lr: v.lr, eps: v.eps };
    const withOpts = { kind: 'adagrad', lr: v.blr, eps: 1e-10, lr_decay: on('decay') ? v.decayv : 0,
      weight_decay: on('wd') ? v.wdv : 0, initial_accumulator_value: on('acc') ? v.accv : 0 };
    return `${HEAD('update', 'Part A: AdaGrad on f(x) = x^2 with eps outside and inside the root, from a tiny and an ordinary start. Part B: torch.optim.Adagrad\'s lr_decay, weight_decay and initial_accumulator_value on a line fit.', v)}
# Part A's inside run is NOT torch.optim: torch.optim.Adagrad puts eps outside the root, so the
# inside variant is written out by hand (AdagradEpsInside). Not here: the figure's curves of the
# two rates against G.

# ---- part A's settings ----
LR = ${pyFloat(v.lr, 'lr')}
EPS = ${pyFloat(v.eps, 'eps')}
STARTS = {'tiny': ${pyFloat(v.tiny, 'tiny')}, 'big': ${pyFloat(v.big, 'big')}}  # x0
STEPS = ${pyInt(v.steps, 'steps')}

# ---- part B's settings: the options as switched (off: torch's default 0) ----
B_LR = ${pyFloat(v.blr, 'blr')}
B_STEPS = ${pyInt(v.bsteps, 'bsteps')}
LR_DECAY = ${pyFloat(withOpts.lr_decay, 'lr_decay')}  # switched ${on('decay') ? 'on' : 'off'}
WEIGHT_DECAY = ${pyFloat(withOpts.weight_decay, 'weight_decay')}  # switched ${on('wd') ? 'on' : 'off'}
INITIAL_ACCUMULATOR_VALUE = ${pyFloat(withOpts.initial_accumulator_value, 'initial_accumulator_value')}  # switched ${on('acc') ? 'on' : 'off'}
# the notes' toy data: y = 2x on four points
B_X = torch.tensor([1.0, 2.0, 3.0, 4.0])
B_Y = torch.tensor([2.0, 4.0, 6.0, 8.0])
${QUADRATIC([1])}${REGRESSION}${RUN}${RATES.adagrad}${INSIDE}

# ---- the optimizers ----
def adagrad_outside(params):
    """Part A, eps outside the root: torch.optim.Adagrad."""
    return ${torchOptimizer(outside, 'params', { lr: 'LR', eps: 'EPS' })}


def adagrad_inside(params):
    """Part A, eps inside the root: written out by hand (AdagradEpsInside above)."""
    return ${torchOptimizer(inside, 'params', { lr: 'LR', eps: 'EPS' })}


def adagrad_plain(params):
    """Part B without the options: torch's defaults but for lr (eps 1e-10, outside the root)."""
    return ${torchOptimizer({ kind: 'adagrad', lr: v.blr, eps: 1e-10 }, 'params', { lr: 'B_LR' })}


def adagrad_options(params):
    """Part B with the options as switched."""
    return ${torchOptimizer(withOpts, 'params', { lr: 'B_LR', lr_decay: 'LR_DECAY', weight_decay: 'WEIGHT_DECAY', initial_accumulator_value: 'INITIAL_ACCUMULATOR_VALUE' })}


def main():
    print('note:', NOTE)
    runs = {}
    for name, x0 in STARTS.items():  # part A
        runs[name + '_outside'] = run(adagrad_outside, f, [x0], STEPS,
                                      watch={'rates': adagrad_rate})
        runs[name + '_inside'] = run(adagrad_inside, f, [x0], STEPS,
                                     watch={'rates': adagrad_inside_rate})
    loss = mse(B_X, B_Y)  # part B, from w = b = 0
    runs['plain'] = run(adagrad_plain, loss, [0.0, 0.0], B_STEPS, watch={'rates': adagrad_rate})
    runs['options'] = run(adagrad_options, loss, [0.0, 0.0], B_STEPS, watch={'rates': adagrad_rate})
${FINISH('update', SUMMARY, ", 'note': NOTE")}

main()
`;
  },
};

/** Breaks a line longer than 100 characters that makes an optimizer at its keyword arguments,
 *  continuing under the argument list (Python allows any indent inside parentheses). */
function wrapLong(script) {
  return script.split('\n').map((line) => {
    const call = line.search(/torch\.optim\.\w+\(|AdagradEpsInside\(/);
    if (line.length <= 100 || call < 0) return line;
    const open = line.indexOf('(', call) + 1;
    const parts = line.slice(open).split(/, (?=[a-z_]+=)/);
    const out = [];
    let current = line.slice(0, open) + parts[0];
    for (const part of parts.slice(1)) {
      if (current.length + 2 + part.length > 100) { out.push(`${current},`); current = ' '.repeat(open) + part; }
      else current += `, ${part}`;
    }
    return [...out, current].join('\n');
  }).join('\n');
}

/** The figures pytorchScript makes a script for. */
export const pytorchFigures = Object.freeze(Object.keys(FIGURES));
/** The figures whose script needs pytorchData's `data`. */
export const pytorchNeedsData = Object.freeze(['valley', 'line', 'why']);

/** Python 3 source reproducing figure `name` with `settings` (texts), or null when torch.optim
 *  cannot reproduce it (see the list at the top). valley, line and why need `data`. Throws on a
 *  setting its table refuses. */
export function pytorchScript(name, settings = {}, data = undefined) {
  if (!Object.prototype.hasOwnProperty.call(FIGURES, name)) return null;
  return wrapLong(FIGURES[name](settings, data));
}

/** The `data` valley, line and why need, made by the core as their models make it; null for the
 *  rest. */
export function pytorchData(/** @type {AdagradLab.Lab} */ lab, name, settings = {}) {
  const copy = (d) => ({ x: Array.from(d.x), y: Array.from(d.y) });
  if (name === 'valley') {
    const v = read(valleySettings, settings, 'valley');
    return {
      sparse: copy(lab.makeRegressionDataset({ kind: 'sparse_column', density: v.density, n_samples: v.n, noise: v.noise, seed: v.seed })),
      dense: copy(lab.makeRegressionDataset({ kind: 'line', n_samples: v.n, noise: v.noise, seed: v.seed })),
    };
  }
  if (name === 'why') {
    const v = read(whySettings, settings, 'why');
    const h = lab.gradientHistories({ steps: v.steps, seed: v.seed, rare_probability: v.rare });
    return { frequent: Array.from(h.frequent), rare: Array.from(h.rare) };
  }
  if (name === 'line') {
    const v = read(lineSettings, settings, 'line');
    return copy(lab.makeRegressionDataset({ kind: 'line', n_samples: v.n, noise: v.noise, seed: v.seed }));
  }
  return null;
}
