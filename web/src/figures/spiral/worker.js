// @ts-check (its calls into the module against cpp/bindings/adagrad_lab.d.ts: build-scripts/typecheck)
// The spiral figure's Web Worker: it owns the two boards (spiral/model.js, the same core with the
// same settings and seeds, so the same run), trains them and computes their boundary grids, and
// posts what changed; the page only draws (spiral/remote.js, view.js). build-scripts/build-web
// bundles this file into a text that the figure puts in a Blob after the module's own code
// (`var AdagradLab = <AdagradLab.source>;`), so it runs from file:// too.
//
// Messages in, each with the generation `gen` of the boards it is for (a newer build makes the
// older ones moot): build {cfg}, frame {epf, reduced}, step, rest. Out: built, frame, rest (each
// with `boards`, what changed since the last message, and any grids, transferred, each null
// where the core refused it, its message then in `errors`), error.
import { spiralRuns, reporting } from './model.js';
import { frames, bands, BOX } from './play.js';

const started = performance.now();
let coreMs = 0;  // from this script's start to a running core (it compiles the module itself)
const core = self.AdagradLab().then((lab) => { coreMs = performance.now() - started; return lab; });
/** @type {AdagradLab.Lab} */
let lab = null;  // the core, once `core` has resolved
let b = null, f = null, report = null, gen = 0;
let latest = 0;    // the newest build asked for
let received = 0;  // messages so far: a rest gives way to anything that came after it
let queue = Promise.resolve();

self.onmessage = (event) => {
  const message = event.data, seq = ++received;
  if (message.type === 'build') latest = message.gen;
  queue = queue.then(() => handle(message, seq)).catch((error) => {
    self.postMessage({ type: 'error', message: error && error.message ? error.message : String(error) });
  });
};

async function handle(m, seq) {
  lab = await core;
  if (m.type === 'build') {
    if (m.gen !== latest) return;
    if (b) b.free();
    b = null;
    b = spiralRuns(lab, m.cfg);
    f = frames(b);
    report = reporting(b);
    gen = m.gen;
    self.postMessage({ type: 'built', gen, heap: lab.heapInUse(), memory: lab.HEAPU8.buffer.byteLength, coreMs });
    return;
  }
  if (!b || m.gen !== gen || gen !== latest) return;
  if (m.type === 'frame') {
    const trained = m.reduced ? f.trainReduced() : f.train(m.epf);
    const { heat, side } = m.reduced ? { heat: false, side: 0 } : f.plan(b.runs.length);
    const grids = [], errors = [];
    let gridMs = 0;
    if (heat) {
      const box = { ...BOX, nx: side, ny: side };
      for (let i = 0; i < b.runs.length; i++) { const g = f.grid(i, box); grids.push(g.grid); errors.push(g.error); gridMs += g.ms; }
      f.drew();
    }
    send('frame', { grids, errors, side: heat ? side : 0, epochs: trained.epochs, train: trained.ms, grid: gridMs });
    return;
  }
  if (m.type === 'step') b.train();
  if (m.type === 'step' || m.type === 'rest') {
    // the full grids, a band of rows at a time: a build, a frame or another rest that arrives
    // meanwhile makes this one moot
    const grids = [], errors = [];
    let gridMs = 0;
    for (let i = 0; i < b.runs.length; i++) {
      const it = bands(f, i);
      let next;
      while (!(next = it.next()).done) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (received !== seq && m.type === 'rest') return;
        if (gen !== latest) return;
      }
      grids.push(next.value.grid);
      errors.push(next.value.error ?? null);
      gridMs += next.value.ms;
    }
    send(m.type, { grids, errors, side: BOX.nx, grid: gridMs });
  }
}

function send(type, fields) {
  // a grid the core refused is null, with its message in fields.errors
  self.postMessage({ type, gen, boards: report(), heap: lab.heapInUse(), memory: lab.HEAPU8.buffer.byteLength, ...fields }, fields.grids.filter(Boolean).map((g) => g.buffer));
}
