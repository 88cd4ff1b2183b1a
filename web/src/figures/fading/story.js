// The fading-rate figure's words, chosen from its runs (story/verdict.js decides what each run
// did): the caption, the note about the log axes' floor, and the paragraphs. Pure.
import { verdict } from '../../story/verdict.js';
import { short } from '../../format.js';
import { KINDS, RANDOM_STEPS } from './model.js';

export const NAMES = { adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' };
/** Thresholds, each with its reason. */
export const FADING = Object.freeze({
  /** "Within 0.1 of the minimum": the distance the lesson's notes use for "close". */
  near: 0.1,
  /** The rate falls "like 1/√t" when, over the last nine tenths of the run, it falls as t to a
   *  power within this distance of −1/2 (a log-log slope between −0.65 and −0.35). */
  slopeTolerance: 0.15,
  /** A rate "stays near η" on noise when it ends within this factor of η. */
  nearEta: 3,
  /** Came close and left: it ended more than this many times farther out than its closest. */
  leftFactor: 10,
});
/** The log axes stop here; smaller values sit on the floor. */
export const FLOOR = 1e-16;

/** Where a run's statistic of squared gradients (AdaGrad's sum G, RMSProp's and Adam's average
 *  v: the trajectory's moments) passed the largest double and became ∞ in coordinate c (0: w,
 *  1: b): the 1-based step, or null. The core, like PyTorch, goes on: ∞ stays ∞ (a sum only
 *  grows; 0.99·∞ is still ∞), the rate is then 0, and that coordinate never moves again. */
export function overflowStep(run, c) {
  const G = run.moments, dim = run.dim ?? 2;
  for (let t = 0; t * dim < G.length; t++) if (G[t * dim + c] === Infinity) return t + 1;
  return null;
}

/** Each optimizer's statistic, named as the figure's formulas name it. */
const STAT = { adagrad: 'sum of squared gradients G', rmsprop: 'average of squared gradients v', adam: 'average of squared gradients v' };
const RATE = { adagrad: 'η / (√G + ε)', rmsprop: 'η / (√v + ε)', adam: 'its rate' };

/** The rate panel cannot draw a rate of 0: whose line stops where. zeros: [[kind, step], …],
 *  step: the first whose rate is 0. */
function zeroNote(zeros, name) {
  if (!zeros.length) return '';
  const one = ([k, at], i) => `${NAMES[k]}’s ${i === 0 ? `line for ${name} ` : ''}${at > 1 ? `stops at step ${at - 1}` : 'is missing'} (${k === 'adagrad' ? 'G' : 'v'} = ∞ from step ${at})`;
  return `Rates of 0 cannot be drawn on a log axis: in the rate panel ${listOf(zeros.map(one))}.`;
}

const listOf = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
const diverged = (r) => r.divergedAt !== null && r.divergedAt !== undefined;

/** What a run did, in a few words, from its verdict and its distance. */
function fate(v, d) {
  switch (v.kind) {
    case 'start': return 'starts at the minimum';
    case 'arrived': return `gets there (f below a millionth of its start) at step ${v.step}`;
    case 'closing': return `is still closing in, ${short(d, 3)} away`;
    case 'stalls': return `stalls ${short(d, 3)} from the minimum`;
    case 'oscillates': return `keeps circling the minimum, ${short(d, 3)} away`;
    case 'diverging': return `moves away from the minimum, ending ${short(d, 3)} from it`;
    case 'diverged': return `diverged at step ${v.step}`;
    default: throw new Error(`no words for ${v.kind}`);
  }
}

/** run: fadingRuns' result plus `sweep` (sweepRuns' result, or null while it is computed);
 *  c: the coordinate the rate panel shows (0: w, 1: b). */
export function fadingStory(run, c = 0) {
  const { cfg, runs, dist, random } = run;
  const N = cfg.steps;
  const name = c ? 'b' : 'w';
  const verdicts = Object.fromEntries(KINDS.map((k) => [k, verdict(runs[k], { minimizer: [0, 0] })]));
  const end = (k) => runs[k].stepsTaken;
  const far = (k) => dist[k][end(k)];
  const same = cfg.lr.adagrad === cfg.lr.rmsprop && cfg.lr.rmsprop === cfg.lr.adam;
  const rates = same ? `all three with η = ${short(cfg.lr.adagrad)}` : `with η = ${short(cfg.lr.adagrad)} (AdaGrad), ${short(cfg.lr.rmsprop)} (RMSProp) and ${short(cfg.lr.adam)} (Adam)`;
  const broken = KINDS.filter((k) => diverged(runs[k]));
  // f at the start already past the largest double: no step can be judged
  if (broken.length && !Number.isFinite(runs.adagrad.values[0])) {
    const f0 = `f(${short(cfg.w0)}, ${short(cfg.b0)}) = w₀² + 10b₀²`;
    return {
      verdicts,
      caption: `What to notice: ${f0} is already past the largest number a double can hold (about 1.8e308), so the loss is ∞ before any step and all three runs stop at step 1.`,
      floorNote: '',
      paragraphs: [[{ text: `The loss at the start overflowed to ∞`, tone: 'danger' }, `: ${f0} must stay below about 1.8e308 (|w₀| below 1.3e154 and |b₀| below 4.2e153 at the most). Bring the start closer.`]],
    };
  }
  if (broken.length) {
    const list = broken.map((k) => `${NAMES[k]} diverged at step ${runs[k].divergedAt}`).join(', ');
    return {
      verdicts,
      caption: `What to notice: ${list}; the numbers overflowed, so there is nothing to compare from there on.`,
      floorNote: '',
      paragraphs: [[{ text: list, tone: 'danger' }, ': a loss, gradient or parameter stopped being a finite number, and the core stopped the run before that step. Bring the start closer or η down.']],
    };
  }
  const ada = run.rate.adagrad[c];
  const firstRate = ada[0], lastRate = ada[ada.length - 1];
  // A statistic = ∞ in some coordinate: that optimizer's rate there is 0 from that step on, and
  // it is frozen in that coordinate.
  const overOf = Object.fromEntries(KINDS.map((k) => [k, [0, 1].map((i) => overflowStep(runs[k], i))]));
  const over = overOf.adagrad;
  const frozen = over[c];
  const fell = lastRate < firstRate && frozen === null;
  const wb = (i) => (i ? 'b' : 'w');
  const atEnd = (k, i) => runs[k].params[2 * end(k) + i];
  const overflowWords = (k) => {
    const at = [0, 1].filter((i) => overOf[k][i] !== null);
    if (!at.length) return '';
    return `${NAMES[k]}’s ${STAT[k]} overflowed to ∞ ${at.map((i) => `for ${wb(i)} at step ${overOf[k][i]}`).join(' and ')}: `
      + `${k === 'adam' ? 'its rate' : `its rate ${RATE[k]}`} is 0 from then on, so it stays at ${at.map((i) => `${wb(i)} ≈ ${short(atEnd(k, i), 3)}`).join(', ')}`;
  };
  const adaPart = overflowWords('adagrad')
    || `AdaGrad ${fate(verdicts.adagrad, far('adagrad'))}${fell ? ` while its rate for ${name} only falls, from ${short(firstRate, 3)} to ${short(lastRate, 3)}` : ''}`;
  const caption = `What to notice: ${rates}, ${adaPart}; ${overflowWords('rmsprop') || `RMSProp ${fate(verdicts.rmsprop, far('rmsprop'))}`}, `
    + `and ${overflowWords('adam') || `Adam ${fate(verdicts.adam, far('adam'))}`}.`;

  // The loss, distance and rate panels stop at FLOOR: a positive value below it is drawn at the
  // floor (a rate of exactly 0 cannot be drawn on a log axis at all: said below).
  let least = Infinity, what = '';
  for (const k of KINDS) for (const v of runs[k].values) if (v > 0 && v < least) { least = v; what = 'loss'; }
  for (const k of KINDS) for (const v of run.rate[k][c]) if (v > 0 && v < least) { least = v; what = `rate for ${name}`; }
  const floorNote = [least < FLOOR ? `The log axes stop at 10⁻¹⁶; smaller values (the smallest ${what} here is ${short(least, 2)}) are drawn at 10⁻¹⁶.` : '',
    zeroNote(KINDS.filter((k) => overOf[k][c] !== null).map((k) => [k, overOf[k][c]]), name)]
    .filter(Boolean).join(' ');

  const paragraphs = [];
  // 1. how close each came, and whether it stayed
  const reach = (k) => { const d = dist[k]; for (let i = 0; i < d.length; i++) if (d[i] < FADING.near) return i; return null; };
  const r = Object.fromEntries(KINDS.map((k) => [k, reach(k)]));
  const p1 = [`From (${short(cfg.w0)}, ${short(cfg.b0)}), ${rates}: after ${N} steps AdaGrad is `,
    { text: `${short(far('adagrad'), 3)} away`, strong: true, value: far('adagrad') },
    ` from the minimum (loss ${short(runs.adagrad.values[end('adagrad')], 3)}), RMSProp ${short(far('rmsprop'), 3)} and Adam ${short(far('adam'), 3)}. `,
    KINDS.map((k) => `${NAMES[k]} ${r[k] === null ? `never comes within ${FADING.near}` : `comes within ${FADING.near} at step ${r[k]}`}`).join(', '), '. '];
  let left = false;   // did RMSProp or Adam come close and leave?
  for (const k of ['rmsprop', 'adam']) {
    const d = dist[k];
    let closest = 0;
    for (let i = 1; i < d.length; i++) if (d[i] < d[closest]) closest = i;
    if (d[closest] < FADING.near && far(k) > FADING.leftFactor * d[closest] && far(k) > FLOOR) {
      const rt = run.rate[k][c];
      const climbed = closest > 0 && rt[rt.length - 1] > rt[closest - 1];
      left = true;
      p1.push(`${NAMES[k]} does not stay put: it came within ${short(d[closest], 2)} at step ${closest} and ends ${short(far(k), 2)} away`,
        climbed ? `; once the gradients were tiny its average forgot the large ones and its rate for ${name} climbed from ${short(rt[closest - 1], 3)} to ${short(rt[rt.length - 1], 3)}. ` : '. ');
    }
  }
  if (fell && left) p1.push('AdaGrad’s rate, by contrast, can never climb back.');
  paragraphs.push(p1);

  // 2. AdaGrad's rate against 1/√t, for the coordinate on show: the log-log slope of the rate
  // between a tenth of the run and its end says how it fell there.
  if (frozen !== null) {
    paragraphs.push([{ text: `AdaGrad’s G for ${name} overflowed to ∞ at step ${frozen}`, tone: 'danger' },
      `: the squared gradients added up past the largest double (about 1.8e308). G can only grow, so it stays ∞, and the rate η / (√G + ε) is exactly 0: `,
      `from step ${frozen} on every step moves ${name} by 0 (PyTorch does the same), so AdaGrad ends at ${name} ≈ ${short(atEnd('adagrad', c), 3)}, ${frozen > 1 ? `where it was after step ${frozen - 1}` : 'where it started'}. `,
      'This is the fading rate at its extreme: a sum that never forgets, grown until no step is left.']);
  } else if (ada.length >= 20) {
    const ratio = firstRate / lastRate, root = Math.sqrt(ada.length);
    const t1 = Math.floor(ada.length / 10);
    const slope = Math.log(lastRate / ada[t1 - 1]) / Math.log(ada.length / t1);
    const p2 = [`The reason is in the rate panel. AdaGrad’s rate for ${name} starts at ${short(firstRate, 3)} and ends at ${short(lastRate, 3)}: `,
      `${short(ratio, 3)} times smaller after ${ada.length} steps (√${ada.length} ≈ ${short(root, 3)}). `];
    if (Math.abs(slope + 0.5) <= FADING.slopeTolerance) {
      p2.push(`From step ${t1} on it falls like 1/√t: the gradients stay about the same size, so G, which adds every squared gradient and never lets one go, grows in proportion to t. `,
        'Steps of about η/√t add up to only about 2η√t over t steps: the distance AdaGrad can still cover grows far more slowly than the number of steps.');
    } else if (slope > -0.5) {
      p2.push(`From step ${t1} on it falls more slowly than 1/√t${slope > -0.01 ? ' (it hardly moves)' : ''}: the gradients shrank as the run closed in, so G grew more slowly than t. G never lets a gradient go, so the rate never rises.`);
    } else {
      p2.push(`From step ${t1} on it falls faster than 1/√t: the gradients grew, so G grew faster than t.`);
    }
    paragraphs.push(p2);
  }

  // 2b. RMSProp's or Adam's average overflowed too: forgetting cannot bring ∞ back
  const leaky = ['rmsprop', 'adam'].filter((k) => overOf[k][c] !== null);
  if (leaky.length) {
    paragraphs.push([{ text: leaky.map((k) => `${NAMES[k]}’s v for ${name} overflowed to ∞ at step ${overOf[k][c]}`).join(' and '), tone: 'danger' },
      `: ${leaky.length === 1 ? 'its' : 'each'} average adds a share of g² every step, and this far out g² itself is about as large as a double can hold. `,
      `An average forgets by multiplying by less than 1, but a fraction of ∞ is still ∞, so ${leaky.length === 1 ? 'its rate stays' : 'their rates stay'} 0 and ${leaky.length === 1 ? 'it stays' : 'they stay'} put as well.`]);
  }

  // 3. the article's noise, and what it means for settling
  const endRate = (k) => random[k][RANDOM_STEPS - 1];
  const nearEta = (k) => endRate(k) < FADING.nearEta * cfg.lr[k] && endRate(k) > cfg.lr[k] / FADING.nearEta;
  const keep = ['rmsprop', 'adam'].filter(nearEta);
  const arrived = KINDS.filter((k) => verdicts[k].kind === 'arrived');
  const p3 = [`Fed ${RANDOM_STEPS} pure random gradients, as in the article (fourth panel): at the end AdaGrad’s rate is ${short(endRate('adagrad'), 3)}, next to η/√t = ${short(random.guide[RANDOM_STEPS - 1], 3)}, `,
    `while RMSProp’s is ${short(endRate('rmsprop'), 3)} and Adam’s ${short(endRate('adam'), 3)}. `];
  if (keep.length) {
    p3.push(`${keep.map((k) => NAMES[k]).join(' and ')} ${keep.length === 1 ? 'stays' : 'stay'} within ${FADING.nearEta}× of ${keep.length === 1 ? 'its' : 'their'} η, because ${keep.length === 1 ? 'its average tracks' : 'their averages track'} the recent size of the gradients instead of their total: `,
      'on noisy gradients their steps stay about η long, so they keep moving and need a decaying η to settle. ');
  }
  p3.push(arrived.length
    ? `With the exact gradients above there is no noise, and ${listOf(arrived.map((k) => NAMES[k]))} ${arrived.length === 1 ? 'does' : 'do'} settle with a constant η.`
    : 'With the exact gradients above there is no noise, yet none of the three settles within these steps.');
  paragraphs.push(p3);

  // 4. the η sweep
  const sw = run.sweep;
  if (sw) {
    const at = (lr) => sw.adagrad[sw.eta.findIndex((v) => Math.abs(Math.log10(v) - Math.log10(lr)) < 1e-9)];
    const [d01, d1, d10] = [at(0.1), at(1), at(10)];
    const words = (d) => (Number.isNaN(d) ? 'diverges' : `ends ${short(d, 3)} away`);
    let best = -1;
    for (let i = 0; i < sw.eta.length; i++) if (Number.isFinite(sw.adagrad[i]) && (best < 0 || sw.adagrad[i] < sw.adagrad[best])) best = i;
    const ends = sw.adagrad.filter(Number.isFinite);
    const same = ends.length === sw.eta.length && ends.every((d) => d === ends[0]);
    paragraphs.push([`The last chart reruns all three for ${sw.eta.length} values of η. AdaGrad ${words(d01)} with η = 0.1, ${words(d1)} with η = 1 and ${words(d10)} with η = 10; `,
      same ? `it ends at the same distance for every η on this grid${over.some((k) => k !== null) ? ' (its G overflows whatever η is)' : ''}. `
        : best >= 0 ? `its best η on this grid is ${short(sw.eta[best], 3)}. ` : 'it diverges for every η on this grid. ',
      `The η that works depends on how far the start is and how long the run lasts: the article’s third limitation.`]);
  }
  return { verdicts, caption, floorNote, paragraphs };
}
