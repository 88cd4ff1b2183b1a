// A labelled checkbox (an option switched on or off), keyboard operable like any native input.
import { el, uid } from './dom.js';

export function checkboxField({ label, name, checked = false, onChange = () => {} }) {
  const id = uid(name);
  const input = el('input', { id, type: 'checkbox', dataset: { field: name } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  const root = el('div', { className: 'field check' }, el('label', { for: id }, input, ' ', label));
  return {
    root, input,
    get checked() { return input.checked; },
    set(v) { input.checked = Boolean(v); },
  };
}
