// Every formula the figures show, as TeX. build-scripts/typeset renders each one to MathML with
// Temml at build time (into build/web/typeset.js); the page never ships Temml. At run time
// ui/math.js clones a rendered formula and fills in its slots with the live numbers.
//
//   \slot{name}     a number filled in at run time (class "slot-name"; the TeX's 0 is a stand-in)
//   \eps            ε, coloured as ε everywhere (class "eps")
//   \epsslot{name}  a number that is ε's value: both of the above
//
// A string is one formula. An array is a list of formulas typeset one by one: either one worked
// line cut into pieces that wrap between them on a narrow panel (each piece never breaks inside),
// cut before each "=" or "←" as a reader would break the line by hand; or (compare) a rule's
// lines, one display formula each.
// A formula that changes shape with the settings (ε inside or outside the root, which
// parameter, which optimizer) is one entry per shape; the figure picks the entry.

const PARAMS = ['w', 'b'];
const each = (names, f) => Object.fromEntries(names.map((p) => [p, f(p)]));
const ETA_OVER = (den) => `\\frac{\\eta}{${den}}`;
const OUTSIDE = (g) => `\\sqrt{${g}} + \\eps`;
const INSIDE = (g) => `\\sqrt{${g} + \\eps}`;

export default {
  // where ε goes: the update figure's library table and its worked placement
  eps: {
    outside: ETA_OVER(OUTSIDE('G')),
    inside: ETA_OVER(INSIDE('G')),
    outsideNamed: `\\text{outside}\\quad ${ETA_OVER(OUTSIDE('G'))}`,
    insideNamed: `\\text{inside}\\quad ${ETA_OVER(INSIDE('G'))}`,
    total: 'G_{\\slot{t}} = \\slot{G}',
    outsideAt: '\\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\epsslot{eps}} = \\slot{rate}',
    insideAt: '\\frac{\\slot{lr}}{\\sqrt{\\slot{G} + \\epsslot{eps}}} = \\slot{rate}',
  },

  // the step table, x² from x₀ by hand
  table: {
    ruleOutside: `x_{\\text{new}} = x - ${ETA_OVER(OUTSIDE('G'))} \\cdot g`,
    ruleInside: `x_{\\text{new}} = x - ${ETA_OVER(INSIDE('G'))} \\cdot g`,
    gradient: ['g = 2x', '= 2 \\cdot \\slot{x}', '= \\slot{g}'],
    total: ['G = \\slot{prev} + \\slot{g}^2', '= \\slot{G}'],
    rateOutside: ['\\text{rate} = \\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\epsslot{eps}}', '= \\slot{rate}'],
    rateInside: ['\\text{rate} = \\frac{\\slot{lr}}{\\sqrt{\\slot{G} + \\epsslot{eps}}}', '= \\slot{rate}'],
    next: ['x_{\\text{new}} = \\slot{x} -', '\\slot{rate} \\cdot \\slot{g}', '= \\slot{next}'],
  },

  // the update figure's options, PyTorch's rule line by line
  options: {
    etaDecay: ['\\eta_t = \\frac{\\eta}{1 + (t - 1) \\cdot \\text{lr\\_decay}}', '= \\frac{\\slot{lr}}{1 + \\slot{t} \\cdot \\slot{decay}}'],
    eta: ['\\eta_t = \\eta', '= \\slot{lr}'],
    gradient: each(PARAMS, (p) => [`g_t = \\frac{\\partial L}{\\partial ${p}}`]),
    gradientDecay: each(PARAMS, (p) => [`g_t = \\frac{\\partial L}{\\partial ${p}} + \\lambda ${p}`,
      `= \\frac{\\partial L}{\\partial ${p}} + \\slot{wd} \\cdot \\slot{theta}`]),
    total: ['G_t = \\slot{G0} + g_1^2 + \\cdots + g_t^2'],
    rate: [`\\frac{\\eta_t}{${OUTSIDE('G_t')}}`, '= \\slot{rate}'],
    update: each(PARAMS, (p) => [p, '\\leftarrow \\slot{theta} - \\slot{rate} \\cdot g_t', '= \\slot{next}']),
  },

  // the opening figure: a frequent and a rare parameter
  why: {
    total: 'G_i \\leftarrow G_i + g_i^2',
    step: `\\Delta\\theta_i = -${ETA_OVER(OUTSIDE('G_i'))}\\, g_i`,
    totalAt: ['G_{\\slot{i}} = \\slot{prev} + \\slot{g}^2', '= \\slot{G}'],
    rateAt: ['\\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\epsslot{eps}}', '= \\slot{rate}'],
    adaAt: ['\\Delta\\theta_{\\slot{i}} = -\\slot{rate} \\cdot \\slot{g}', '= \\slot{step}'],
    sgdAt: ['\\Delta\\theta_{\\slot{i}} = -\\slot{lr} \\cdot \\slot{g}', '= \\slot{step}'],
  },

  // the race on w² + 10b²
  race: {
    bowl: 'f = w^2 + 10 b^2',
    sums: 'G_w = \\sum g_w^2,\\quad G_b = \\sum g_b^2',
    rule: `w \\leftarrow w - ${ETA_OVER(OUTSIDE('G_w'))}\\, g_w,\\quad b \\leftarrow b - ${ETA_OVER(OUTSIDE('G_b'))}\\, g_b`,
    gradient: each(PARAMS, (p) => `g_${p} = \\slot{g}`),
    total: each(PARAMS, (p) => `G_${p} = \\slot{G}`),
    rate: ['\\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\class{eps}{10^{-10}}}', '= \\slot{rate}'],
    next: ['\\slot{x} -', '\\slot{rate} \\cdot \\slot{g}', '= \\slot{next}'],
  },

  // the valley of a sparse column
  valley: {
    gradW: '\\frac{\\partial L}{\\partial w} = \\frac{2}{n} \\sum x_k (w x_k + b - y_k)',
    gradB: '\\frac{\\partial L}{\\partial b} = \\frac{2}{n} \\sum (w x_k + b - y_k)',
    rate: each(PARAMS, (p) => `${ETA_OVER(OUTSIDE(`G_${p}`))} = \\slot{rate}`),
  },

  // the rate fading with t: AdaGrad against the forgetting averages
  fading: {
    total: each(PARAMS, (p) => [`G_${p} = g_1^2 + \\cdots + g_{\\slot{t}}^2`, '= \\slot{G}']),
    adagrad: ['\\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\eps}', '= \\slot{rate}'],
    rmsprop: each(PARAMS, (p) => [`\\frac{\\slot{lr}}{\\sqrt{v_${p}} + \\eps}`, '= \\slot{rate}']),
    adam: each(PARAMS, (p) => [`\\frac{\\slot{lr}}{(1 - \\beta_1^t)(\\sqrt{\\hat v_${p}} + \\eps)}`, '= \\slot{rate}']),
  },

  // words in reviews: each word's rate
  text: {
    rate: `${ETA_OVER(OUTSIDE('G_j'))} = \\frac{\\slot{lr}}{\\sqrt{\\slot{G}} + \\class{eps}{10^{-10}}} = \\slot{rate}`,
  },

  // the fitted lines
  line: {
    plus: '\\hat y = \\slot{w}\\, x + \\slot{b}',
    minus: '\\hat y = \\slot{w}\\, x - \\slot{b}',
  },

  // the forgetful implementation against the right one
  pitfall: {
    total: ['G_{\\slot{t}}', '= G_{\\slot{prev}} + g_{\\slot{t}}^2'],
    totalAt: ['= \\slot{prevG} + {(\\slot{g})}^2', '= \\slot{G}'],
    forgotten: ['G', '= 0 + g_{\\slot{t}}^2'],
    forgottenAt: ['= {(\\slot{g})}^2', '= \\slot{G}'],
    step: each(['x', 'w'], (p) => [`\\Delta ${p}`, `= -${ETA_OVER(OUTSIDE('G_{\\slot{t}}'))} \\cdot g_{\\slot{t}}`]),
    forgetfulStep: each(['x', 'w'], (p) => [`\\Delta ${p}`, '= -\\frac{\\eta}{\\lvert g_{\\slot{t}} \\rvert + \\eps} \\cdot g_{\\slot{t}}']),
    stepAt: ['= -\\slot{rate} \\cdot \\slot{g}', '= \\slot{step}'],
  },

  // the five optimizers' rules, one display line each
  compare: {
    sgd: ['x_{t+1} = x_t - \\eta\\, g_t'],
    momentum: ['v_t = \\mu\\, v_{t-1} + g_t', 'x_{t+1} = x_t - \\eta\\, v_t'],
    adagrad: ['G_t = G_{t-1} + g_t^2', `x_{t+1} = x_t - ${ETA_OVER(OUTSIDE('G_t'))}\\, g_t`],
    rmsprop: ['v_t = \\alpha\\, v_{t-1} + (1 - \\alpha)\\, g_t^2', `x_{t+1} = x_t - ${ETA_OVER(OUTSIDE('v_t'))}\\, g_t`],
    adam: ['m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t', 'v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2',
      'x_{t+1} = x_t - \\frac{\\eta\\, \\hat m_t}{\\sqrt{\\hat v_t} + \\eps}'],
  },
};
