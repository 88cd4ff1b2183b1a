// The parabola's words, chosen from its run: what each optimizer did (story/verdict.js decides),
// which ended closer, and why, with the reason picked to fit what happened. Pure: returns
// paragraphs of text segments; view.js turns them into DOM.
import { verdict, ranking, THRESHOLDS } from '../../story/verdict.js';
import { short } from '../../format.js';

const NAMES = { ada: 'AdaGrad', sgd: 'plain gradient descent' };
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Whether AdaGrad's rate fell over the run (it stays put once the gradients are all 0). */
const rateFell = (rows) => rows[rows.length - 1].effective_rate < rows[0].effective_rate;

/** {verdicts, order, paragraphs: [[segment, …], …]}; a segment is a string or
 *  {text, strong?, tone?: 'danger', value?} (value: the number behind a rounded one). */
export function parabolaStory(run) {
  const minimizer = [0];
  const verdicts = { ada: verdict(run.ada, { minimizer }), sgd: verdict(run.sgd, { minimizer }) };
  const order = ranking(verdicts);
  const xEnd = (id) => { const r = run[id]; return r.params[r.stepsTaken]; };
  const paragraphs = [];

  // 1. what each did
  paragraphs.push([`After ${plural(run.steps, 'step')} from x₀ = ${short(run.x0)} with η = ${short(run.lr)}, `,
    ...outcome('ada', NAMES.ada, verdicts.ada, xEnd('ada')), ' ',
    ...outcome('sgd', cap(NAMES.sgd), verdicts.sgd, xEnd('sgd'))]);

  // 2. who ended closer
  const [first, second] = order;
  const a = verdicts[first], b = verdicts[second];
  const tie = a.kind === b.kind && (a.kind === 'start' || (a.kind === 'arrived' && a.step === b.step) || (a.gap === b.gap && a.kind !== 'diverged'));
  if (tie) {
    paragraphs.push([a.kind === 'start' ? 'Neither has anything to do.' : `Both end in the same place${a.kind === 'arrived' ? `, having arrived at step ${a.step}` : ''}.`]);
  } else if (a.kind === 'arrived' && b.kind === 'arrived') {
    paragraphs.push([`Both reach the minimum; ${cap(NAMES[first])} gets there ${plural(b.step - a.step, 'step')} sooner.`]);
  } else if (b.kind === 'diverged') {
    paragraphs.push([`${cap(NAMES[first])} ends closer: ${NAMES[second]} overflowed.`]);
  } else {
    const da = Math.abs(xEnd(first)), db = Math.abs(xEnd(second));
    paragraphs.push([`${cap(NAMES[first])} ends closer to the minimum: |x| = ${short(da, 3)} against ${short(db, 3)}`,
      da > 0 ? ` for ${NAMES[second]}, ${short(db / da, 3)} times farther.` : ` for ${NAMES[second]}.`]);
  }

  // 3. why, for the case at hand
  if (!tie) paragraphs.push(first === 'sgd' ? whyAdagradTrails(run, verdicts) : whyFixedRateTrails(run, verdicts));
  return { verdicts, order, paragraphs };
}

/** One run's outcome as segments: the verdict in words, with its numbers. */
function outcome(id, name, v, x) {
  const at = { text: `x ≈ ${short(x, 3)}`, strong: true, value: x };
  switch (v.kind) {
    case 'start': return [`${name} stays at x = 0: it started at the minimum, where the gradient is 0.`];
    // x itself, not f: f = x² underflows to 0 long before x does (x = 3.7e-203 has f = 0)
    case 'arrived': return x === 0
      ? [`${name} reaches the minimum at step ${v.step} (f below a millionth of its start) and ends exactly at x = 0.`]
      : [`${name} reaches the minimum at step ${v.step} (f below a millionth of its start) and ends at `, at, '.'];
    case 'closing': return [`${name} is at `, at, ` and still closing in: at the pace of its last ${plural(Math.min(THRESHOLDS.window, v.steps), 'step')} it needs about ${v.toGo} more to bring f below a millionth of its start.`];
    case 'stalls': return [`${name} has only reached `, at, `. It is stalling: its last step moved x by ${short(v.lastStep, 3)}, and at the pace of its last steps it would need `,
      Number.isFinite(v.toGo) ? `about ${v.toGo} more steps` : 'for ever', ' to bring f below a millionth of its start.'];
    case 'oscillates': return [`${name} `, { text: `bounces between x = ${short(v.low, 3)} and x = ${short(v.high, 3)}`, strong: true },
      ': every step jumps across the minimum and lands as far out on the other side.'];
    case 'diverging': return [`${name} `, { text: 'moves away from the minimum', strong: true, tone: 'danger' },
      `: every step overshoots by more than it corrects, and it ends at `, at, `, with f ${short(v.factor, 3)} times its start.`];
    case 'diverged': return [`${name} `, { text: `diverged at step ${v.step}`, strong: true, tone: 'danger' },
      ': every step overshot the minimum by more than it corrected, until x overflowed.'];
    default: throw new Error(`no words for the verdict ${v.kind}`);
  }
}

/** AdaGrad ends behind: its rate has fallen while plain GD's has not, or (before G has grown)
 *  its first steps, about η long, were shorter than η times a large gradient. */
function whyAdagradTrails(run, verdicts) {
  const rows = run.rows, first = rows[0], last = rows[rows.length - 1];
  if (rows.length > 1 && rateFell(rows)) {
    return [`Why is AdaGrad behind? Each step adds g² to G and nothing takes it away: after ${plural(run.steps, 'step')} G = ${short(last.sum)}, `,
      `so AdaGrad’s rate has fallen from ${short(first.effective_rate, 3)} at step 1 to ${short(last.effective_rate, 3)}. `,
      `Its first step moved x by ${short(Math.abs(first.update), 3)}, its last by ${short(Math.abs(last.update), 3)}. `,
      `Plain gradient descent keeps the rate η = ${short(run.lr)}, which ${verdicts.sgd.kind === 'arrived' ? 'suits this bowl' : 'serves this bowl better'}: its steps shrink only as the gradient does. `,
      'AdaGrad pays for never forgetting an old gradient.'];
  }
  const d1 = Math.abs(run.sgd.params[1] - run.sgd.params[0]);
  return [`Why is AdaGrad behind? Its first step divides the gradient g = ${short(first.grad, 3)} by √G with G = g², so it moved x by ${short(Math.abs(first.update), 3)}`,
    Math.abs(Math.abs(first.update) - run.lr) <= 0.01 * run.lr ? ', that is η. ' : ` (η = ${short(run.lr)}: ε is not small next to this G). `,
    `Gradient descent’s step is η·g, here ${short(d1, 3)}: with a gradient this large, the fixed rate takes the longer step.`];
}

/** Plain GD ends behind: either its fixed η overshoots, or its steps are as small as its gradients. */
function whyFixedRateTrails(run, verdicts) {
  const rows = run.rows, first = rows[0], last = rows[rows.length - 1];
  const v = verdicts.sgd, x = run.sgd.params;
  const overshoots = ['oscillates', 'diverging', 'diverged'].includes(v.kind) || v.zigzag;
  const adaArrivedAtOnce = verdicts.ada.kind === 'arrived' && verdicts.ada.step === 1 && run.ada.params[1] === 0;
  const fade = adaArrivedAtOnce
    ? `AdaGrad’s first step, η long whatever the gradient, landed exactly on the minimum, where every later gradient is 0`
    : rateFell(rows)
      ? `AdaGrad divides by the root of all its squared gradients, so its rate fell from ${short(first.effective_rate, 3)} at step 1 to ${short(last.effective_rate, 3)} at step ${rows.length}, and its steps shrank until they fitted the bowl`
      : `AdaGrad’s rate is ${short(first.effective_rate, 3)}, and its step is η long however large the gradient`;
  if (overshoots && x[0] !== 0) {
    const factor = x[1] / x[0];
    return [`Why does the fixed rate do worse? On x² one step of gradient descent multiplies x by 1 − 2η = ${short(factor, 4)}. `,
      Math.abs(factor) > 1 ? 'That is larger than 1 in size, so every step lands farther from the minimum than the one before. '
        : Math.abs(factor) === 1 ? 'That is exactly 1 in size, so every step lands as far from the minimum as the one before. '
          : `It is negative, so every step crosses the minimum and lands ${short(Math.abs(factor) * 100, 3)}% as far out as the step before. `,
      `${fade}.`];
  }
  return [`Why is gradient descent slower here? Its step is η times the gradient, so it is only as large as the gradient: its first step moved x by ${short(Math.abs(x[1] - x[0]), 3)}. `,
    `AdaGrad divides the gradient by the root of its own squared history, so the gradient’s size cancels: its first step moved x by ${short(Math.abs(first.update), 3)}, with the same η.`];
}
