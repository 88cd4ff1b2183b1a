// Play / Pause / Step / Reset for a figure that shows precomputed runs one step at a time, with a
// speed menu, a counter and a scrubber to any step. Respects prefers-reduced-motion: Play then
// jumps to the end without animating, and the scrubber and Step are the way through.
import { el, reducedMotion } from './dom.js';
import { selectField, button } from './controls.js';
import { player } from './player.js';

/** label: the group's name; unit: 'step' or 'epoch'; speeds: [[value, text], …] in units per
 *  second; show(step) redraws; onSpeed(value) reports a change of speed; onStop() whenever the
 *  figure comes to rest (a pause, the end, a Step or a Reset): update the screen-reader text there. */
export function stepper({ label, unit = 'step', speeds, speed, show, onSpeed = () => {}, onStop = () => {} }) {
  let step = 0, total = 0, carry = 0;
  const playButton = button('Play', () => (loop.playing ? loop.pause() : play()), { kind: 'primary', name: 'play' });
  playButton.setAttribute('aria-pressed', 'false');
  const loop = player(advance, (playing) => {
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
    if (!playing) onStop();
  });
  const speedField = selectField({ label: 'speed', name: 'speed', value: speed ?? speeds[0][0], options: speeds, onChange: (v) => onSpeed(v) });
  // "speed" on screen; for a screen reader, the speed of which animation (a figure may have two)
  speedField.root.querySelector('label').append(el('span', { className: 'visually-hidden' }, `: ${label}`));
  const counter = el('output', { className: 'counter' });
  // the scrubber: any step at once, by drag or keys (with reduced motion, the way through a run)
  const scrubber = el('input', {
    type: 'range', min: '0', max: '0', step: '1', value: '0', className: 'scrubber',
    'aria-label': `${unit} of the run: ${label}`, dataset: { action: 'scrub' },
  });
  scrubber.addEventListener('input', () => { loop.pause(); go(Number(scrubber.value)); });
  scrubber.addEventListener('change', () => onStop());
  const root = el('div', { className: 'transport', role: 'group', 'aria-label': label },
    playButton,
    button('Step', () => { loop.pause(); if (step < total) { go(step + 1); onStop(); } }, { name: 'step', label: `Step: forward one ${unit}` }),
    button('Reset', () => { loop.pause(); go(0); onStop(); }, { name: 'reset', label: `Reset: back to ${unit} 0` }),
    speedField.root, counter, scrubber);

  function go(n) {
    step = Math.max(0, Math.min(total, n));
    counter.value = `${unit} ${step} of ${total}`;
    counter.textContent = counter.value;
    scrubber.max = String(total);
    scrubber.value = String(step);
    scrubber.setAttribute('aria-valuetext', counter.value);
    show(step);
  }
  function advance(dt) {
    if (step >= total) return false;
    carry += dt * Number(speedField.value);
    const whole = Math.floor(carry);
    if (whole > 0) { carry -= whole; go(step + whole); }
    return step < total;
  }
  function play() {
    if (total === 0) return;
    if (step >= total) go(0);
    if (reducedMotion()) { go(total); onStop(); return; }
    carry = 1;  // the first step at once
    loop.play();
  }
  return {
    root,
    get step() { return step; },
    get total() { return total; },
    get speed() { return speedField.value; },
    get playing() { return loop.playing; },
    setSpeed(v) { speedField.set(v); },
    /** New runs of `n` steps: show them at step `at` (default: the end). */
    load(n, at = n) { loop.pause(); total = n; go(at); },
    go,
    pause: () => loop.pause(),
  };
}
