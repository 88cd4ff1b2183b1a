// The first figure's words, chosen from its run: how often θ₂ had a gradient, how far each
// parameter travelled under one fixed η and under AdaGrad, which went further, and whose rate
// ended larger. Pure: paragraphs of segments.
import { short } from '../../format.js';

/** θ₁'s distance against θ₂'s, in words that fit the direction: "87.5× as far as θ₂". */
export function compareDistance(a, b) {
  if (b === 0) return a === 0 ? 'no further than θ₂: neither moved' : 'while θ₂ did not move';
  const r = a / b;
  if (Math.abs(r - 1) < 0.005) return 'about as far as θ₂';
  return r > 1 ? `${short(r, 3)}× as far as θ₂` : `${short(1 / r, 3)}× less far than θ₂`;
}

/** How uneven two distances are, whichever is larger: ≥ 1. */
const spread = (a, b) => Math.max(a / b, b / a);

export function whyStory(run) {
  const { n, cfg } = run;
  const last = n - 1;
  const events = run.rareSteps.length;
  const at = (a) => a[last];
  const d = { sgd: run.far.sgd.map(at), ada: run.far.ada.map(at) };
  const num = (v, digits = 4) => ({ text: short(v, digits), strong: true, value: v });
  const paragraphs = [];
  paragraphs.push([`Over ${n} step${n === 1 ? '' : 's'} the rare parameter θ₂ received a gradient ${events} time${events === 1 ? '' : 's'}. `,
    `With one fixed η = ${short(cfg.lr)}, θ₁ travelled `, num(d.sgd[0]), ' in all and θ₂ ', num(d.sgd[1]),
    d.sgd[1] > 0 ? ` (θ₁ went ${compareDistance(d.sgd[0], d.sgd[1])}). ` : ': θ₂ did not move. ',
    'AdaGrad, fed exactly the same gradients, moved them ', num(d.ada[0]), ' and ', num(d.ada[1]),
    d.ada[1] > 0 ? ` (θ₁ ${compareDistance(d.ada[0], d.ada[1])}).` : '.']);
  if (events > 0 && d.sgd[1] > 0 && d.ada[1] > 0 && d.sgd[0] > 0 && d.ada[0] > 0) {
    const s0 = spread(d.sgd[0], d.sgd[1]), s1 = spread(d.ada[0], d.ada[1]);
    paragraphs.push([s1 < s0
      ? `Under AdaGrad the two distances are within ${short(s1, 3)}× of each other, against ${short(s0, 3)}× under the fixed rate.`
      : `Here AdaGrad does not even the distances out: they are ${short(s1, 3)}× apart, against ${short(s0, 3)}× under the fixed rate.`]);
    const r0 = run.rate[0][last], r1 = run.rate[1][last];
    paragraphs.push([`Why: by the last step θ₁’s G has reached ${short(run.G[0][last], 4)}, so its rate is ${short(r0, 3)}; `,
      `θ₂’s G is ${short(run.G[1][last], 3)}, so its rate is ${short(r1, 3)}`,
      r0 === r1 ? ': the same. ' : `: ${r1 > r0 ? 'θ₂’s' : 'θ₁’s'} rate is ${short(Math.max(r0, r1) / Math.min(r0, r1), 3)}× the other’s. `,
      'Each parameter is measured against its own history: the one whose squared gradients add up to less keeps the larger rate.']);
  } else if (events === 0) {
    paragraphs.push(['With these settings θ₂ never received a gradient, so neither rule moved it. Raise the probability or the number of steps.']);
  }
  return { caption: captionOf(events, d), paragraphs, distances: d };
}

/** The sentence over the charts: what this run shows, or what it would take to show it. */
function captionOf(events, d) {
  if (events === 0) return 'What to notice: with these settings θ₂ never receives a gradient, so neither rule moves it; raise the rare gradient’s probability or the number of steps.';
  if (!(d.sgd[0] > 0 && d.sgd[1] > 0 && d.ada[0] > 0 && d.ada[1] > 0)) return 'What to notice: how far each parameter travels under one fixed η and under AdaGrad, fed the same gradients.';
  const s0 = spread(d.sgd[0], d.sgd[1]), s1 = spread(d.ada[0], d.ada[1]);
  return s1 < s0
    ? `What to notice: with one fixed η, θ₁ travels ${compareDistance(d.sgd[0], d.sgd[1])}; AdaGrad divides each parameter’s step by the root of its own G, which brings the two within ${short(s1, 3)}× of each other.`
    : `What to notice: here AdaGrad does not even the two out: their distances are ${short(s1, 3)}× apart, against ${short(s0, 3)}× with one fixed η.`;
}
