// The pitfall's caption, from its two runs: how long the forgetful run's steps are against η,
// what it ends up doing (story/verdict.js), and what the real AdaGrad does. Pure.
import { verdict } from '../../story/verdict.js';
import { short } from '../../format.js';

/** A step "is η long" when it is within this share of η (ε and a tiny gradient shorten it). */
export const ETA_SHARE = 0.01;

const steps = (r, dim) => {
  const out = [];
  for (let t = 1; t <= r.stepsTaken; t++) for (let i = 0; i < dim; i++) {
    if (r.grads[(t - 1) * dim + i] !== 0) out.push(Math.abs(r.params[t * dim + i] - r.params[(t - 1) * dim + i]));
  }
  return out;
};

function doing(v) {
  switch (v.kind) {
    case 'start': return 'has nothing to do: it starts at the minimum';
    case 'arrived': return `reaches the minimum at step ${v.step}`;
    case 'closing': return 'is still closing in';
    case 'stalls': return 'is still far from the minimum';
    case 'oscillates': return `rattles around the minimum, between ${short(v.low, 3)} and ${short(v.high, 3)} in the first coordinate, and does not settle`;
    case 'diverging': return 'moves away from the minimum';
    case 'diverged': return `diverged at step ${v.step}`;
    default: throw new Error(`no words for ${v.kind}`);
  }
}

/** run: pitfallRun's result. */
export function pitfallStory(run) {
  const minimizer = run.x0.map(() => 0);
  const good = verdict(run.good, { minimizer }), bad = verdict(run.bad, { minimizer });
  const sizes = steps(run.bad, run.dim);
  const eta = sizes.filter((d) => Math.abs(d - run.lr) <= ETA_SHARE * run.lr).length;
  const stride = sizes.length === 0 ? 'The forgetful run takes no step: every gradient is 0.'
    : eta === sizes.length ? `Forget G and every step has the same length η = ${short(run.lr)}: all ${sizes.length} of the forgetful run’s moves are η long, whatever the gradient.`
      : `Forget G and ${eta} of the forgetful run’s ${sizes.length} moves are η = ${short(run.lr)} long, whatever the gradient${eta < sizes.length ? ' (the rest are shorter: there the gradient was within a hundred ε of 0)' : ''}.`;
  return {
    verdicts: { good, bad },
    caption: `${stride} The forgetful run ${doing(bad)}; the real AdaGrad ${doing(good)}.`,
  };
}
