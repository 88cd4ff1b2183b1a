// Where each library and each of the lesson's sources puts ε, with its defaults. Static facts,
// checked against each library's source: PyTorch's _single_tensor_adagrad (std = sqrt(G) + eps),
// TensorFlow's ApplyAdagradV2 kernel (sqrt(accum) + epsilon), which tf.keras's OptimizerV2
// Adagrad called (TensorFlow 2.0–2.10, and tf.keras.optimizers.legacy.Adagrad until 2.15);
// Keras 2's new optimizer from TensorFlow 2.11 and Keras 3's Adagrad.update_step
// (sqrt(accumulator + epsilon)); Optax's scale_by_rss (rsqrt(sum_of_squares + eps)).
import { cards, el } from '../../ui/dom.js';
import { formula } from '../../ui/math.js';

const outside = () => formula('eps.outside');
const inside = () => formula('eps.inside');
const code = (t) => el('code', {}, t);

const ROWS = [
  [[code('torch.optim.Adagrad'), ' (PyTorch)'], 'outside', '1e-10', '0', '0.01'],
  [[code('ApplyAdagradV2'), ' (TensorFlow’s kernel)'], 'outside', 'an input, no default', 'given', 'an input'],
  [[code('tf.keras.optimizers.Adagrad'), ' (TensorFlow 2.0–2.10; ', code('legacy.Adagrad'), ' until 2.15)'], 'outside', '1e-7', '0.1', '0.001'],
  [[code('tf.keras.optimizers.Adagrad'), ' (Keras 2, TensorFlow 2.11–2.15)'], 'inside', '1e-7', '0.1', '0.001'],
  [[code('keras.optimizers.Adagrad'), ' (Keras 3, TensorFlow 2.16 on)'], 'inside', '1e-7', '0.1', '0.001'],
  [[code('optax.adagrad'), ' (JAX)'], 'inside', '1e-7', '0.1', 'required'],
  ['the notebook (source 000)', 'inside', '1e-8', '0', '0.1'],
  ['the notes’ code (source 001; its formulas write ε inside)', 'outside', '1e-8', '0', '0.1 (and 1 in the hand-worked table)'],
  ['the article’s code (source 002)', 'outside', '1e-8', '0', '0.1 or 0.01'],
  ['this lab’s core', 'either: eps_placement', '1e-10', '0', '0.01'],
];

export function libraryTable() {
  const body = el('tbody', {}, ROWS.map(([who, place, eps, g0, lr]) => el('tr', {},
    el('th', { scope: 'row' }, who),
    el('td', { className: place === 'inside' ? 'eps-inside' : place === 'outside' ? 'eps-outside' : '' },
      place === 'inside' ? [inside(), ' inside'] : place === 'outside' ? [outside(), ' outside'] : place),
    el('td', {}, eps), el('td', {}, g0), el('td', {}, lr))));
  return el('div', { className: 'table-wrap update-libs', tabindex: '0', role: 'region', 'aria-label': 'Where each library puts ε (one card per library on a phone)' },
    cards(el('table', { className: 'steps libs' },
      el('caption', {}, 'Where ε goes, library by library, with their defaults'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'implementation'), el('th', { scope: 'col' }, 'effective rate'),
        el('th', { scope: 'col' }, 'default ε'), el('th', { scope: 'col' }, 'starting G₀'), el('th', { scope: 'col' }, 'default η'))),
      body)));
}
