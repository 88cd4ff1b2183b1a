// The rare-words figure's caption, from its run: how much a rare word weighs against a common
// one at the end, under each optimizer. Pure.
import { short } from '../../format.js';

const reviews = (k) => `${k} review${k === 1 ? '' : 's'}`;
/** "41% of", "1.3× " : a over b in words. */
const share = (a, b) => (b === 0 ? 'while the other is 0:' : Math.abs(a / b) < 1 ? `${short(Math.abs(a / b) * 100, 2)}% of` : `${short(Math.abs(a / b), 3)}×`);

/** run: trainBoth's result plus `last` (the epoch shown at the end); words: {rare, common}. */
export function textCaption(run, bag, { rare, common }) {
  const i = bag.index.get(rare), j = bag.index.get(common);
  const at = (which, k) => run[which].params[run[which].done * run.P + k];
  const df = (k) => bag.documentFrequency[k];
  const part = (which) => {
    const a = at(which, i), b = at(which, j);
    return `${short(a, 3)}, ${share(a, b)} “${common}”’s ${short(b, 3)}${a * b < 0 ? ' in size' : ''}`;
  };
  return ['SGD moves each word’s weight by the sum of the pushes from the reviews that contain it, so a word in one review gets one push per epoch; ',
    'AdaGrad divides each weight’s step by the root of its own history, so a rarely pushed word keeps a high rate. ',
    `After ${run.ada.done} epochs “${rare}” (${reviews(df(i))}) weighs ${part('ada')} (${reviews(df(j))}) under AdaGrad, `,
    `and ${part('sgd')} under SGD${run.sgd.done !== run.ada.done ? ` (after ${run.sgd.done} epochs)` : ''}.`].join('');
}
