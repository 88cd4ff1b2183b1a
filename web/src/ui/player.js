// A play/pause loop on requestAnimationFrame. `frame(seconds)` is called once per frame with
// the time since the previous one and returns false when there is nothing left to play.
export function player(frame, onChange = () => {}) {
  let handle = 0, last = 0, playing = false;
  function tick(now) {
    const dt = last ? Math.min(0.25, (now - last) / 1000) : 0;
    last = now;
    let more = false;
    try { more = frame(dt); } finally {
      if (more && playing) handle = requestAnimationFrame(tick);
      else stop();
    }
  }
  function stop() {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(handle);
    onChange(false);
  }
  return {
    get playing() { return playing; },
    play() {
      if (playing) return;
      playing = true; last = 0;
      onChange(true);
      handle = requestAnimationFrame(tick);
    },
    pause: stop,
  };
}
