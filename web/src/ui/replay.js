// The transport row of a figure that replays a finished run one step at a time: Play/Pause,
// Step, Reset, a speed menu and a step counter. It only moves a step index; the figure computes
// its run up front (in the core) and `show(step)` draws the first `step` steps of it.
// Reduced motion: Play jumps straight to the end instead of animating.
import { el, reducedMotion } from './dom.js';
import { button, selectField } from './controls.js';
import { player } from './player.js';

/**
 * label: the group's accessible name; speeds: [[value, text], …] in steps per second;
 * show(step): redraw at `step`; announce(): update screen-reader text (called when motion stops);
 * onSpeed(value): the speed menu changed (to keep it in the URL).
 */
export function replayControls({ label, speeds, speed, show, announce = () => {}, onSpeed = () => {}, unit = 'step' }) {
  let step = 0, total = 0, carry = 0;
  const playButton = button('Play', () => (loop.playing ? loop.pause() : play()), { kind: 'primary', name: 'play' });
  playButton.setAttribute('aria-pressed', 'false');
  const loop = player(advance, (playing) => {
    playButton.textContent = playing ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(playing));
    if (!playing) announce();
  });
  const speedField = selectField({ label: 'speed', name: 'speed', value: speed ?? speeds[0][0], options: speeds, onChange: (v) => onSpeed(v) });
  const counter = el('output', { className: 'counter' });
  const root = el('div', { className: 'transport', role: 'group', 'aria-label': label },
    playButton,
    button('Step', () => { loop.pause(); if (step < total) { step++; draw(); announce(); } }, { name: 'step', label: `Advance one ${unit}` }),
    button('Reset', () => { loop.pause(); step = 0; draw(); announce(); }, { name: 'reset', label: `Back to ${unit} 0` }),
    speedField.root, counter);

  function draw() {
    counter.value = `${unit} ${step} of ${total}`;
    counter.textContent = counter.value;
    show(step);
  }
  function advance(dt) {
    if (step >= total) return false;
    carry += dt * Number(speedField.value);
    const whole = Math.floor(carry);
    if (whole > 0) { carry -= whole; step = Math.min(total, step + whole); draw(); }
    return step < total;
  }
  function play() {
    if (total === 0) return;
    if (step >= total) step = 0;
    if (reducedMotion()) { step = total; draw(); announce(); return; }
    carry = 1;  // the first step shows at once
    draw();
    loop.play();
  }

  return {
    root,
    get step() { return step; },
    get total() { return total; },
    get playing() { return loop.playing; },
    get speed() { return speedField.value; },
    setSpeed(v) { speedField.set(v); },
    /** A new run of `n` steps: stop, and show it whole. */
    load(n) { loop.pause(); total = n; step = n; draw(); },
    pause() { loop.pause(); },
    redraw: draw,
  };
}
