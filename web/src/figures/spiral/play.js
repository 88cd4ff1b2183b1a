// The spiral's play loop, one frame of it: how many epochs a frame trains and how fine its
// boundary grids are. Shared by the two places the boards can live: the main thread (view.js,
// the fallback) and the figure's Web Worker (worker.js), so both pace the same run the same way.
// No DOM.

export const BOX = Object.freeze({ x_min: -2.5, x_max: 2.5, y_min: -2.5, y_max: 2.5, nx: 100, ny: 100 });
// A frame trains for at most this long, so Pause and the rest of the page always answer; the
// epochs a frame could not fit are carried to the next (never more than one frame's worth). The
// unit of work is one epoch of one board, the least the core can do: a frame always does one,
// so a network whose epoch alone is longer than the budget still moves, one epoch a frame.
export const FRAME_BUDGET_MS = 12;
// While playing, each boundary grid gets about this long: a network too slow for 100 × 100 in
// that time is drawn on a coarser grid (never below 20 × 20) until Pause or the end, which draw
// the full grid once.
export const GRID_BUDGET_MS = 4;
export const GRID_MIN = 20;
// With reduced motion nothing animates: a frame trains for this long and draws nothing.
export const REDUCED_CHUNK_MS = 40;

/** The frames of boards `b` (spiral/model.js). */
export function frames(b, now = () => performance.now()) {
  let owed = 0;         // board-epochs a frame could not fit in its budget
  let gridPointMs = 0;  // the last boundary grid's time per point
  let lastHeatmap = 0;
  return {
    get gridPointMs() { return gridPointMs; },
    /** One frame's training: `epf` epochs of each board that can still train, within the
     *  budget. Returns {epochs (board-epochs trained), ms}. */
    train(epf) {
      const t0 = now();
      // epochs per frame is per board: owed counts board-epochs, at most two frames' worth
      const perFrame = epf * b.runs.filter(b.trainable).length;
      owed = Math.min(owed + perFrame, 2 * perFrame);
      let epochs = 0;
      do { if (!b.trainBehind()) break; owed -= 1; epochs++; } while (owed >= 1 && now() - t0 < FRAME_BUDGET_MS);
      return { epochs, ms: now() - t0 };
    },
    /** Reduced motion: train the board that is behind for REDUCED_CHUNK_MS. */
    trainReduced() {
      const t0 = now();
      let epochs = 0;
      while (b.trainBehind()) { epochs++; if (now() - t0 >= REDUCED_CHUNK_MS) break; }
      return { epochs, ms: now() - t0 };
    },
    /** Whether this frame redraws `grids` boundary grids, and on what side: a coarser grid when
     *  a full one is slow, and, if even the coarsest is slow, redrawn less often. The last frame
     *  leaves them to the drawing at rest. */
    plan(grids) {
      const side = Math.max(GRID_MIN, Math.min(BOX.nx, Math.floor(Math.sqrt(GRID_BUDGET_MS / Math.max(gridPointMs, 1e-9)))));
      const expected = gridPointMs * side * side * grids;
      const heat = !b.finished() && (expected <= 2 * GRID_BUDGET_MS || now() - lastHeatmap > 10 * expected);
      return { heat, side };
    },
    /** Board i's boundary over `box` (box.ny rows of box.nx, the top row first), timed:
     *  {grid, ms, error}. The core refuses a grid where the network's output overflows (weights
     *  grown huge, though finite, can make ∞ − ∞ at points of the plane away from the data): then
     *  grid is null and error is its message; the board goes on training. */
    grid(i, box) {
      const started = now();
      let grid = null, error = null;
      try {
        grid = b.runs[i].run.boundaryGrid(box);  // single precision: invisible in a heatmap, 2.5× faster
      } catch (e) {
        error = e && e.message ? e.message : String(e);
      }
      const ms = now() - started;
      if (grid) gridPointMs = ms / (box.nx * box.ny);
      return { grid, ms, error };
    },
    /** The boundaries were redrawn now. */
    drew() { lastHeatmap = now(); },
  };
}

/** Board i's boundary on the full grid, computed in bands of rows of about GRID_BUDGET_MS each:
 *  a generator that yields between bands (so its caller can answer a click or a message) and
 *  returns {grid, box, ms}, or {grid: null, box, ms, error} if the core refused a band. */
export function* bands(f, i, side = BOX.nx) {
  const box = { ...BOX, nx: side, ny: side }, h = (box.y_max - box.y_min) / box.ny;
  const rows = Math.max(1, Math.floor(GRID_BUDGET_MS / Math.max(f.gridPointMs * box.nx, 1e-9)));
  const out = new Float32Array(box.nx * box.ny);
  let ms = 0;
  for (let row = 0; row < box.ny;) {
    const end = Math.min(box.ny, row + rows);
    const band = { ...box, y_max: box.y_max - row * h, y_min: end === box.ny ? box.y_min : box.y_max - end * h, ny: end - row };
    const g = f.grid(i, band);
    if (!g.grid) return { grid: null, box, ms: ms + g.ms, error: g.error };
    out.set(g.grid, row * box.nx);
    ms += g.ms;
    row = end;
    if (row < box.ny) yield null;
  }
  return { grid: out, box, ms };
}
