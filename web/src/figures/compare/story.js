// The comparison's "read it" line, from the run: which optimizers' steps depend on the gradient's
// size, which keep shrinking, and how far momentum multiplies SGD's step. Pure: segments.
import { short } from '../../format.js';

/** Thresholds, each with its reason. */
export const COMPARE = Object.freeze({
  /** "Blind to the gradient's scale": its steps for g₁ and g₂ within 10% of each other. */
  sameShare: 0.1,
  /** "Keeps shrinking": its last step is under 90% of its step halfway (AdaGrad's is 71%). */
  fading: 0.9,
});

const NAMES = { sgd: 'SGD', momentum: 'Momentum', adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' };
const abs = Math.abs;
const listOf = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** run: compareRun's result. Returns {paragraph: segments, blind: [ids], fading: [ids]}. */
export function compareStory(run) {
  const { k, results } = run;
  const ok = (id) => results[id].divergedAt === null;
  const last = (id, p) => abs(results[id].steps[p][k - 1]);
  const first = (id, p) => abs(results[id].steps[p][0]);
  const blind = Object.keys(results).filter((id) => ok(id) && last(id, 1) > 0
    && abs(last(id, 0) / last(id, 1) - 1) <= COMPARE.sameShare);
  const fading = k >= 4 ? Object.keys(results).filter((id) => ok(id) && last(id, 0) < COMPARE.fading * abs(results[id].steps[0][Math.floor(k / 2) - 1])) : [];
  const seg = [{ text: 'Read it: ', strong: true }];
  for (const id of Object.keys(results).filter((i) => !ok(i))) seg.push({ text: `${NAMES[id]} diverged at step ${results[id].divergedAt}. `, tone: 'danger' });
  // with gradients of one size there is nothing to be blind to: say so instead
  const sameSize = abs(run.g1) === abs(run.g2);
  if (sameSize) seg.push(`Both parameters get gradients of the same size here (${short(abs(run.g1), 3)}), so every optimizer moves them alike; make g₁ and g₂ differ to see which optimizers care how large the gradient is. `);
  else if (ok('sgd')) seg.push(`SGD’s steps are η·g: ${short(first('sgd', 0), 3)} for w₁ but ${short(first('sgd', 1), 3)} for w₂. `);
  if (!sameSize) seg.push(blind.length
    ? `By step ${k}, ${listOf(blind.map((id) => NAMES[id]))} take${blind.length === 1 ? 's' : ''} steps of the same size for both gradients, within ${COMPARE.sameShare * 100}%: blind to the gradient’s scale. `
    : `By step ${k}, no optimizer takes steps of the same size for both gradients. `);
  if (ok('adagrad')) {
    seg.push({ text: 'AdaGrad', strong: true },
      `’s first steps are ${short(first('adagrad', 0), 3)} and ${short(first('adagrad', 1), 3)}, its last ${short(last('adagrad', 0), 3)} and ${short(last('adagrad', 1), 3)}. `);
  }
  if (k >= 4) {
    seg.push(fading.length
      ? `Still shrinking at the end: ${listOf(fading.map((id) => NAMES[id]))}; `
      : 'None is still shrinking at the end; ');
    const steady = ['rmsprop', 'adam'].filter((id) => ok(id) && !fading.includes(id));
    seg.push(steady.length ? `${listOf(steady.map((id) => NAMES[id]))} settle${steady.length === 1 ? 's' : ''} to a steady step, because ${steady.length === 1 ? 'its average forgets' : 'their averages forget'} old gradients. ` : '');
  }
  if (ok('momentum') && ok('sgd') && first('sgd', 0) > 0) {
    const grow = last('momentum', 0) / first('sgd', 0);
    seg.push(`Momentum copies SGD’s scale and multiplies it as speed builds: by step ${k} its step for w₁ is ${short(grow, 3)}× SGD’s (the limit is 1/(1 − μ) = ${short(1 / (1 - run.mom), 3)}).`);
  }
  return { paragraph: seg, blind, fading };
}
