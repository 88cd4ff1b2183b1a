// The placement comparison's words, chosen from its runs: how G compares with ε at the first
// step, how far apart the two placements' rates and paths are, and whether the runs' own rates
// stay apart after ε has stopped mattering. Pure: paragraphs of segments (see parabola/story.js).
import { short } from '../../format.js';
import { hasDiverged } from '../../story/steps.js';

/** Thresholds, each with its reason. */
export const PLACEMENT = Object.freeze({
  /** G at least this many times ε: ε changes the rate by well under 1% either way. */
  farAbove: 100,
  /** G under this share of ε: ε dominates the denominator. */
  below: 0.5,
  /** Two paths "cannot be told apart" on the charts: at every step they agree to this share of
   *  the start (far below a pixel). */
  sameShare: 1e-6,
  /** The runs' own rates stay apart: at the end they differ by this many times more than the
   *  two formulas do at the same G (the difference is the history, not ε). */
  historyFactor: 10,
});

export const pct = (v) => (v === undefined || !Number.isFinite(v) ? '—' : `${short(v * 100, v >= 0.001 ? 3 : 2)}%`);

const diverged = hasDiverged;
const endX = (r) => r.params[r.stepsTaken];

/** How G compares with ε, in words. */
export function comparedWithEps(G, eps) {
  const ratio = G / eps;
  if (ratio >= PLACEMENT.farAbove) return 'far above';
  if (ratio < PLACEMENT.below) return 'below';
  return 'comparable to';
}

/** run: placementRun's result. */
export function placementStory(run) {
  const { cfg } = run;
  const paragraphs = [];
  for (const [start, name] of [[run.tiny, 'tiny'], [run.big, 'ordinary']]) {
    for (const [r, place] of [[start.out, 'outside'], [start.inn, 'inside']]) {
      if (diverged(r)) {
        paragraphs.push([{ text: `From the ${name} start x₀ = ${short(start.x0)}, the run with ε ${place} diverged at step ${r.divergedAt}`, tone: 'danger' },
          ': f or its gradient stopped being a finite number, so the core stopped it there.']);
      }
    }
  }
  for (const [start, name] of [[run.tiny, 'tiny'], [run.big, 'ordinary']]) {
    if (start.n === 0) continue;
    paragraphs.push(startParagraph(start, name, cfg));
  }
  const memory = historyParagraph(run.tiny);
  if (memory) paragraphs.push(memory);
  return { paragraphs };
}

function startParagraph(start, name, cfg) {
  const { same, out, inn, n } = start;
  const G0 = same.G[0], rel0 = same.rel[0], relN = same.rel[n - 1];
  const where = comparedWithEps(G0, cfg.eps);
  const head = `From the ${name} start x₀ = ${short(start.x0)}, the first gradient makes G = ${short(G0, 4)}, ${where} ε = ${short(cfg.eps)}: `;
  // G = 0 and an ε so small that η / ε passes the largest double: the outside rate is ∞. It
  // multiplies a zero gradient (G = 0 means every g so far was 0), so the step is 0 all the same.
  const seg = Number.isFinite(same.out[0]) && Number.isFinite(same.in[0])
    ? [head, `the rate is ${short(same.out[0], 4)} with ε outside and ${short(same.in[0], 4)} with ε inside, `,
      { text: `a ${pct(rel0)} difference`, strong: true, value: rel0 }, '. ']
    : [head, { text: `the rate with ε outside, η / ε, overflows to ∞`, strong: true }, ` (the rate panel cannot draw it), and with ε inside it is ${short(same.in[0], 4)}; `,
      'the gradient is 0, so both steps are 0 all the same. '];
  if (diverged(out) || diverged(inn)) return seg;
  const xo = endX(out), xi = endX(inn);
  let apart = 0;
  for (let t = 0; t <= n; t++) apart = Math.max(apart, Math.abs(out.params[t] - inn.params[t]));
  if (apart <= PLACEMENT.sameShare * Math.abs(start.x0)) {
    seg.push(`The two paths cannot be told apart: at no step are they more than ${short(apart, 2)} apart, and after ${n} steps x = ${short(xo, 6)} and ${short(xi, 6)}.`);
  } else {
    seg.push(`The first step lands at x = ${short(out.params[1], 4)} with ε outside and x = ${short(inn.params[1], 4)} with ε inside; `,
      `after ${n} steps the two runs are at ${short(xo, 4)} and ${short(xi, 4)}. `);
    if (n > 1) seg.push(`By then G has grown to ${short(same.G[n - 1], 3)} and, fed the same gradients, the two formulas ${relN < rel0 ? 'differ by only' : 'still differ by'} ${pct(relN)}.`);
  }
  return seg;
}

/** When the runs' own rates end further apart than the formulas at the same G: the first steps
 *  differed, so each run collected different gradients, and G keeps them. */
function historyParagraph(start) {
  const { out, inn, same, n } = start;
  if (n < 2 || diverged(out) || diverged(inn)) return null;
  const own = Math.abs(inn.rates[n - 1] / out.rates[n - 1] - 1);
  const formula = same.rel[n - 1];
  if (!(own > PLACEMENT.historyFactor * formula)) return null;
  return [`From the tiny start the runs’ own rates end ${pct(own)} apart, while the two formulas at the same G differ by ${pct(formula)}: `,
    'once the first steps have differed, the two runs collect different gradients, and G never forgets them (the “Each run’s effective rate” panels).'];
}
