// The summary's settings: the four questions of the decision panel, each a yes/no choice. Link
// names (summary.sparse, …) are the ones links have always used.
import { table, choice } from '../../settings.js';

export const QUESTIONS = [
  { key: 'sparse', text: 'Are most of your input values zero (words, IDs, one-hot columns)?' },
  { key: 'scales', text: 'Are your features on very different scales, and not normalised?' },
  { key: 'convex', text: 'Is the model linear, or the problem otherwise convex?' },
  { key: 'deep', text: 'Will you train a deep network for many epochs?' },
];
const YES_NO = [['yes', 'yes'], ['no', 'no']];
const DEFAULTS = { sparse: 'yes', scales: 'no', convex: 'yes', deep: 'no' };

export const settings = table(Object.fromEntries(QUESTIONS.map((q) => [q.key, choice(DEFAULTS[q.key], YES_NO, { label: q.text, name: q.key })])));
