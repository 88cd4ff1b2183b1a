// The sparse valley's words, chosen from the run (valley/model.js): the caption, each racer's
// status, who is at the minimum, the note under the dense bowl, the paragraphs and the note under
// AdaGrad's rates. Pure: every outcome it states is read off the trajectories or the data.
import { short } from '../../format.js';
import { divergedBy, rowAt, firstMoveKind } from '../../story/steps.js';
import { PAST } from './model.js';

export const NAMES = { gd: 'Batch gradient descent', mom: 'Momentum', nag: 'Nesterov (NAG)', ada: 'AdaGrad' };
const ORDER = ['gd', 'mom', 'nag', 'ada'];
/** Thresholds, each with its reason. */
export const VALLEY = Object.freeze({
  /** A valley "lies along w" when its long axis is within this many degrees of the w axis. */
  alongW: 10,
  /** A first step "almost only in b": b moves at least this many times as far as w. */
  onlyB: 10,
  /** GD "crawls": it needs at least this many times AdaGrad's steps, or never arrives. */
  crawl: 3,
  /** AdaGrad's rate for w is "the larger" when it is at least this many times b's. */
  larger: 1.5,
  /** A bowl is "nearly round" when its curvature ratio is below this. */
  round: 1.5,
  /** "Almost all of the stretch lies along the axes": per-coordinate rescaling leaves less than this. */
  diagonalLeft: 2,
});

const coord = (v) => short(v, 4);   // every digit that matters: −1e−9 reads −1e-9, not 0.000
const pt = (t, i) => `(${coord(t.params[2 * i])}, ${coord(t.params[2 * i + 1])})`;
const rateRatio = (run, t) => run.runs.ada.rates[2 * t - 2] / run.runs.ada.rates[2 * t - 1];
/** Whether AdaGrad's rate for w was at least b's at every step. */
const wAlwaysLarger = (run) => {
  const ada = run.runs.ada;
  for (let t = 1; t <= ada.stepsTaken; t++) if (!(ada.rates[2 * t - 2] >= ada.rates[2 * t - 1])) return false;
  return ada.stepsTaken >= 1;
};
/** GD's first step is almost only in b. */
const bFirst = (run) => {
  const gd = run.runs.gd;
  return gd.stepsTaken >= 1 && Math.abs(gd.params[3] - gd.params[1]) >= VALLEY.onlyB * Math.abs(gd.params[2] - gd.params[0]);
};
const arrivedText = (run, id) => (run.arrive[id] !== null ? `within 1% of the lowest loss from step ${run.arrive[id]} on`
  : `not within 1% of the lowest loss for good in ${run.runs[id].stepsTaken} steps`);

/** A racer's status at `step`: { text, danger }. */
export function status(run, id, step) {
  const t = run.runs[id];
  if (divergedBy(t, step)) return { text: `diverged at step ${t.divergedAt}`, danger: true };
  const i = rowAt(t, step);
  const where = `w = ${short(t.params[2 * i], 3)}, b = ${short(t.params[2 * i + 1], 3)}`;
  const a = run.arrive[id];
  return { text: a !== null && a <= step ? `at the minimum from step ${a} · ${where}` : `L = ${short(t.values[i], 3)} · ${where}`, danger: false };
}

/** The shown racers at the minimum by `step`, first first: [{ id, step }]. */
export function arrivals(run, step, shown = () => true) {
  return ORDER.filter((id) => shown(id) && run.arrive[id] !== null && run.arrive[id] <= step)
    .map((id) => ({ id, step: run.arrive[id] })).sort((a, b) => a.step - b.step);
}

/** The caption over the plots. */
export function valleyCaption(run) {
  const { arrive, runs } = run;
  const gd = runs.gd, gdA = arrive.gd, adaA = arrive.ada;
  const slow = gd.divergedAt === null && (gdA === null || (adaA !== null && gdA >= VALLEY.crawl * Math.max(adaA, 1)));
  const moves = [bFirst(run) ? 'moves almost only in b' : '', slow ? 'crawls' : ''].filter(Boolean).join(', then ');
  const when = gdA !== null ? `at the minimum from step ${gdA}` : `not at the minimum after ${gd.stepsTaken} steps`;
  const gdPart = gd.divergedAt !== null ? `gradient descent diverges at step ${gd.divergedAt}`
    : moves ? `gradient descent ${moves} (${when})` : `gradient descent is ${when}`;
  const momPart = run.passes.mom && run.passes.mom.past > PAST ? '; Momentum overshoots the minimum' : '';
  const larger = wAlwaysLarger(run) && rateRatio(run, runs.ada.stepsTaken) >= VALLEY.larger;
  const adaPart = adaA !== null ? `AdaGrad ${larger ? 'keeps a larger rate for the rare w and ' : ''}is at the minimum from step ${adaA}`
    : `AdaGrad is not at the minimum after ${runs.ada.stepsTaken} steps`;
  return `In this valley ${gdPart}${momPart}; ${adaPart}.`;
}

/** The note under the dense bowl. */
export function denseNote(run) {
  const { cfg, denseGd, dense } = run;
  if (denseGd.divergedAt !== null) return `The same gradient descent (η = ${short(cfg.lr.gd)}) diverged here at step ${denseGd.divergedAt}.`;
  const shape = dense.shape.stretch < VALLEY.round
    ? `This bowl is nearly round (${short(dense.shape.stretch, 3)}× as steep one way as the other), so the gradient points nearly at the minimum`
    : `With only ${cfg.n} rows this bowl is ${short(dense.shape.stretch, 3)}× as steep one way as the other`;
  const valley = run.arrive.gd !== null ? `, against step ${run.arrive.gd} in the valley` : run.runs.gd.divergedAt !== null ? ', where it diverged' : ', and not in the valley';
  return `The same gradient descent, same η = ${short(cfg.lr.gd)}, same start. ${shape}: ${run.denseArrive !== null ? `within 1% of the lowest loss from step ${run.denseArrive} on` : `not within 1% of the lowest loss in ${denseGd.stepsTaken} steps`}${valley}.`;
}

/** The paragraphs under the plots, as segments (story/segments.js). */
export function valleyParagraphs(run) {
  const { runs, cfg, ones, minimum, shape, passes } = run;
  const gd = runs.gd, ada = runs.ada;
  const p = [];
  if (run.floor < 1e-12 * gd.values[0]) {
    p.push(['With noise 0 every point lies on y = 2x + 1, so the lowest loss is 0: here “within 1% of the lowest loss” means a loss below 10⁻¹² of where it started, and the loss chart stops there.']);
  }
  const along = Math.abs(shape.angle) < VALLEY.alongW;
  p.push([`With x = 1 in ${ones} of ${cfg.n} rows, w hears only from those ${ones} rows, while b’s input is 1 in every row: the loss curves ${short(shape.stretch, 3)}× more steeply across the valley than along it. `,
    along ? `The valley lies along w (its floor is ${short(Math.abs(shape.angle), 2)}° off the w axis).`
      : `The valley is tilted ${short(Math.abs(shape.angle), 2)}° from the w axis: a 0/1 column is not centred on 0, so w and b pull together.`,
    ' Move the density slider to see the valley change.']);
  if (gd.divergedAt !== null) {
    p.push([{ text: 'Batch gradient descent ', strong: true }, { text: `diverged at step ${gd.divergedAt}`, tone: 'danger' }, ` with η = ${short(cfg.lr.gd)}: the steep direction caps how large one shared η can be.`]);
  } else if (gd.stepsTaken >= 2) {
    p.push([{ text: 'Batch gradient descent', strong: true }, ` (η = ${short(cfg.lr.gd)}) `,
      bFirst(run) ? `first moves almost only in b: ${pt(gd, 0)} → ${pt(gd, 1)} → ${pt(gd, 2)}. ` : `goes ${pt(gd, 0)} → ${pt(gd, 1)} → ${pt(gd, 2)}. `,
      `It is ${arrivedText(run, 'gd')}`,
      run.arrive.gd === null ? `, and after ${gd.stepsTaken} steps w is ${short(gd.params[2 * gd.stepsTaken], 3)}, with the minimum at ${short(minimum[0], 3)}.` : '.']);
  }
  const mom = passes.mom, nag = passes.nag;
  if (mom && mom.past > PAST) {
    const back = Math.abs(mom.end - minimum[0]) < mom.past ? ', then swings back' : `, and has not come back by step ${runs.mom.stepsTaken}`;
    const nagText = !nag ? ` Nesterov diverged at step ${runs.nag.divergedAt}.`
      : nag.past > PAST ? (nag.past < mom.past ? ` Nesterov looks ahead before each step and overshoots less (w reaches ${short(nag.extreme, 3)}).` : ` Nesterov overshoots too (w reaches ${short(nag.extreme, 3)}).`)
        : ' Nesterov looks ahead before each step and does not pass the minimum’s w.';
    p.push([{ text: 'Momentum', strong: true }, ` gathers speed down the valley and overshoots: w reaches ${short(mom.extreme, 3)} at step ${mom.step}, past the minimum’s ${short(minimum[0], 3)}${back}.`, nagText]);
  }
  if (ada.stepsTaken >= 1) {
    const kinds = [0, 1].map((c) => firstMoveKind(ada, cfg.lr.ada, c));
    const first = kinds[0] === 'eta' && kinds[1] === 'eta' ? 'η in each coordinate, whatever the gradients’ sizes. '
      : `w moves ${short(Math.abs(ada.params[2] - ada.params[0]), 4)} and b ${short(Math.abs(ada.params[3] - ada.params[1]), 4)}. `;
    const r = rateRatio(run, ada.stepsTaken);
    const rates = r >= VALLEY.larger
      ? `w’s squared gradients add up more slowly than b’s, so at step ${ada.stepsTaken} w’s rate is ${short(r, 3)}× b’s: the rare feature keeps the larger steps. `
      : `At step ${ada.stepsTaken} w’s rate is ${short(r, 3)}× b’s: with x = 1 in this many rows w’s gradients are not rare enough for a large difference. `;
    p.push([{ text: 'AdaGrad', strong: true }, ` (η = ${short(cfg.lr.ada)}) starts ${pt(ada, 0)} → ${pt(ada, 1)}: `, first, rates, `It is ${arrivedText(run, 'ada')}.`]);
  }
  // AdaGrad is diagonal: how much of this valley's stretch per-coordinate rates can undo
  p.push([{ text: 'What a per-coordinate rate can fix. ', strong: true },
    `Rescaling w and b each by its own curvature, the best any per-coordinate method such as AdaGrad can do, turns the ${short(shape.stretch, 3)}× into ${short(shape.diagonal, 3)}×. `,
    shape.diagonal < VALLEY.diagonalLeft
      ? 'Almost all of the stretch lies along the axes, and that is what AdaGrad’s separate rates for w and b undo.'
      : `The rest runs diagonally: with x = 1 in ${ones} of ${cfg.n} rows, w and b are tied together (correlation ${short(shape.tie, 2)}), the valley is tilted, and no rate per coordinate can straighten a tilted valley: that would take a full matrix, as in the original paper’s full-matrix AdaGrad.`]);
  return p;
}

/** The note under AdaGrad's rates at step t (t ≥ 1). */
export function ratesNote(run, t) {
  const r = rateRatio(run, t);
  return r >= VALLEY.larger
    ? `w’s small gradients leave G of w small, so w’s rate is ${short(r, 3)}× b’s: the rare feature gets the large steps.`
    : r >= 1 ? `With x = 1 in this many rows w’s gradients are not small any more: w’s rate is only ${short(r, 3)}× b’s.`
      : `Here w’s squared gradients have added up to more than b’s: w’s rate is ${short(r, 3)}× b’s.`;
}
