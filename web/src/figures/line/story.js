// The line fit's words, chosen from its runs: each optimizer's fate, why Adam and AdaGrad moved
// as they did, whether the bowl is round, and a caption that ranks only what the runs rank.
// Pure: {caption, paragraphs} of segments.
import { short } from '../../format.js';

/** A bowl this close to round (largest over smallest curvature) gives a per-parameter rate
 *  nothing to fix: 1.5 keeps "nearly round" honest. */
export const ROUND = 1.5;

const NAMES = { sgd: 'SGD', ada: 'AdaGrad', adam: 'Adam' };

/** run: lineRun's result; preset: 'article' | 'tuned' | null (the η's match one exactly). */
export function lineStory(run, preset) {
  const { runs, cfg, arrive, minimum, crossings } = run;
  const ids = Object.keys(runs);
  const end = (t) => t.stepsTaken;
  const w = (t, i) => short(t.params[2 * i], 3);
  // two values with as many digits as it takes to tell them apart ("5 to 4.999", not "5 to 5")
  const apart = (a, b) => {
    let d = 3;
    while (d < 17 && a !== b && short(a, d) === short(b, d)) d++;
    return `${short(a, d)} to ${short(b, d)}`;
  };
  const fate = (id) => {
    const t = runs[id];
    if (t.divergedAt !== null) return [{ text: `diverged at epoch ${t.divergedAt}`, tone: 'danger' }];
    return [arrive[id] !== null ? `is within 1% of the lowest loss from epoch ${arrive[id]} on`
      : `ends at MSE ${short(t.values[end(t)], 3)}, w = ${w(t, end(t))} (the best w is ${short(minimum[0], 3)})`];
  };
  const paragraphs = [];
  paragraphs.push(['Every epoch is one step on the whole data set, so the article’s “SGD” is plain gradient descent. ',
    ...ids.flatMap((id, i) => [{ text: NAMES[id], strong: true }, ` (η = ${short(cfg.lr[id])}) `, ...fate(id), i < ids.length - 1 ? '; ' : '.'])]);

  const adam = runs.adam, ada = runs.ada;
  if (adam && adam.divergedAt === null && adam.stepsTaken >= 1) {
    const reach = cfg.lr.adam * cfg.epochs, distance = Math.abs(minimum[0] - cfg.w0);
    const seg = ['Adam’s step is η·m̂/(√v̂ + ε). While the gradient keeps its sign, m̂/√v̂ stays close to ±1, so each epoch moves each parameter by about η, however large or small the gradient. ',
      `Here its w went from ${apart(adam.params[0], adam.params[2])} in the first epoch and is at ${w(adam, end(adam))} after ${end(adam)}.`];
    if (arrive.adam === null && reach < distance) {
      seg.push(` At η = ${short(cfg.lr.adam)}, ${cfg.epochs} epochs can carry w at most about ${short(reach, 3)} of the ${short(distance, 3)} it has to travel: the rate, not the method, keeps it from the best line.`);
    } else if (crossings.adam > 0) {
      seg.push(` Its momentum (β₁ = 0.9) carries w past the best w ${crossings.adam === 1 ? 'once' : `${crossings.adam} times`}`,
        arrive.adam !== null ? ` before it stays within 1% (epoch ${arrive.adam}).` : '.');
    }
    paragraphs.push(seg);
  }
  if (ada && ada.divergedAt === null && ada.stepsTaken >= 2) {
    const first = Math.abs(ada.params[2] - ada.params[0]);
    const lastStep = Math.abs(ada.params[2 * end(ada)] - ada.params[2 * end(ada) - 2]);
    const isEta = Math.abs(first - cfg.lr.ada) <= 1e-3 * cfg.lr.ada;
    paragraphs.push([`AdaGrad’s first step in w is ${isEta ? `η = ${short(cfg.lr.ada)}` : short(first, 3)} (w: ${w(ada, 0)} → ${w(ada, 1)}), because G is then g²`,
      isEta ? '. ' : ` (not quite η: the gradient is not far above ε, or it is 0). `,
      lastStep < first ? `Its later steps shrink as G grows: the last one moved w by ${short(lastStep, 3)}, ${short(first / lastStep, 3)}× less than the first. ` : '',
      'A straight line on dense data has no rare feature for per-parameter rates to help with.']);
  }
  const round = run.roundness < ROUND;
  paragraphs.push([round
    ? `On these points the loss is a nearly round bowl in (w, b) (its curvatures differ by ${short(run.roundness, 3)}×, since x is close to centred with variance 1): one well-chosen η is all plain gradient descent needs. `
    : `On these points the loss bowl is stretched: its curvatures differ by ${short(run.roundness, 3)}×. `,
    preset === 'tuned' ? '' : 'Learning rates do not transfer between optimizers: SGD’s η multiplies the gradient, while AdaGrad’s and Adam’s η is roughly a step length. Press “Each at its best η” for a fairer race.']);
  paragraphs.push([`A fair start: the article’s code draws new random weights for each optimizer, so its curves also differ by where they began. Here all three start from (w, b) = (${short(cfg.w0)}, ${short(cfg.b0)}) on the same ${cfg.n} points.`]);

  const loss = (id) => short(runs[id].values[end(runs[id])], 3);
  const order = ids.filter((id) => arrive[id] !== null).sort((a, b) => arrive[a] - arrive[b]);
  let caption;
  if (preset === 'article') {
    caption = `With the article’s rates, after ${cfg.epochs} epochs ${ids.map((id) => (runs[id].divergedAt !== null ? `${NAMES[id]} diverged` : `${NAMES[id]} is at MSE ${loss(id)}`)).join(', ')}`
      + `${arrive.adam === null && runs.adam.divergedAt === null ? ` (Adam started at ${short(runs.adam.values[0], 3)})` : ''}. Try “Each at its best η” to see whether the ranking survives fair rates.`;
  } else if (order.length) {
    caption = `Within 1% of the lowest loss for good: ${order.map((id) => `${NAMES[id]} from epoch ${arrive[id]}`).join(', ')}`
      + `${order.length < ids.length ? `; ${ids.filter((id) => arrive[id] === null).map((id) => NAMES[id]).join(' and ')} not in ${cfg.epochs} epochs` : ''}.`
      + (round ? ' On a round bowl a per-parameter rate has nothing to fix.' : '');
  } else {
    caption = `Nobody gets within 1% of the lowest loss in ${cfg.epochs} epochs with these rates.`;
  }
  return { caption, paragraphs };
}
