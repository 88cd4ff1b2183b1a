// The race's words, chosen from the run (race/model.js): the caption, each racer's status, who is
// under the finish, the paragraphs under the plots and the note under AdaGrad's worked step.
// Pure: every outcome it states is read off the trajectories.
import { short } from '../../format.js';
import { divergedBy, rowAt, firstMoveKind as firstMoveOf } from '../../story/steps.js';
import { NEAR } from './model.js';

export const NAMES = { gd: 'Gradient descent', mom: 'Momentum', nag: 'Nesterov', ada: 'AdaGrad', rms: 'RMSProp', adam: 'Adam' };
const ORDER = ['gd', 'mom', 'nag', 'ada', 'rms', 'adam'];
const ordinal = (n) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n - 1];

/** How AdaGrad's first move in coordinate c compares with η (story/steps.js). */
export const firstMoveKind = (run, c) => firstMoveOf(run.runs.ada, run.cfg.lr.ada, c);

/** When each of AdaGrad's coordinates gets within NEAR of 0 for good. */
export function withinText(run) {
  const [w, b] = run.within;
  const part = (name, t) => (t === null ? `${name} is not within ${NEAR} of 0 after ${run.runs.ada.stepsTaken} steps` : `${name} is within ${NEAR} of 0 from step ${t} on`);
  const order = w !== null && b !== null && w !== b ? ` (${w < b ? 'w' : 'b'} first)` : '';
  return `Here ${part('b', b)} and ${part('w', w)}${order}. `;
}

/** The caption: what gradient descent does, and where AdaGrad and it cross the finish. */
export function raceCaption(run) {
  if (run.startInside) return `The start is already under f = 10⁻³, so there is no race: move the start away from the minimum.`;
  const { finish } = run;
  const gd = finish.gd, ada = finish.ada;
  const vgd = run.verdicts.gd, gdRun = run.runs.gd;
  const wCreeps = Math.abs(gdRun.params[2 * gdRun.stepsTaken]) > 0.5 * Math.abs(gdRun.params[0]);
  const gdPart = gdRun.divergedAt !== null ? `Gradient descent diverges at step ${gdRun.divergedAt}`
    : vgd.kind === 'diverging' ? 'Gradient descent overshoots the steep b axis further on every step and moves away from the minimum'
      : run.zigzag ? `Gradient descent zig-zags across the steep b axis${wCreeps ? ' and creeps along w' : ''}`
        : `Gradient descent, one η for both axes${wCreeps ? ', creeps along w' : ''}`;
  const even = run.firstMove && firstMoveKind(run, 0) === 'eta' && firstMoveKind(run, 1) === 'eta';
  const adaPart = even ? 'AdaGrad’s first step is η in both w and b, and it then heads for the minimum' : 'AdaGrad heads for the minimum';
  const base = `${gdPart}; ${adaPart}`;
  if (ada !== null && (gd === null || ada <= gd)) return `${base}, crossing f = 10⁻³ at step ${ada}${gd !== null ? ` against gradient descent’s ${gd}` : ''}.`;
  return `${base}, but slows as G grows${ada !== null ? ` (f = 10⁻³ at step ${ada}` : ' (no finish'}${gd !== null ? `, gradient descent at ${gd})` : ')'}.`;
}

/** A racer's status at `step`: { text, danger }. */
export function status(run, id, step) {
  const r = run.runs[id];
  if (divergedBy(r, step)) return { text: `diverged at step ${r.divergedAt}`, danger: true };
  const f = r.values[rowAt(r, step)];
  if (f > r.values[0]) return { text: `moving away · f = ${short(f, 3)}`, danger: false };
  const done = run.finish[id];
  if (done !== null && done <= step) return { text: `finished at step ${done} · f = ${short(f, 3)}`, danger: false };
  return { text: `f = ${short(f, 3)}`, danger: false };
}

/** The shown racers under the finish by `step`, first first: [{ id, step }]. */
export function leaders(run, step, shown = () => true) {
  return ORDER.filter((id) => shown(id) && run.finish[id] !== null && run.finish[id] <= step && !divergedBy(run.runs[id], run.finish[id]))
    .map((id) => ({ id, step: run.finish[id] })).sort((a, b) => a.step - b.step);
}

const finishText = (run, id) => (run.finish[id] !== null ? `It crosses the finish at step ${run.finish[id]}.`
  : `It is not under 10⁻³ after ${run.runs[id].stepsTaken} steps.`);

function gdParagraph(run) {
  const { cfg } = run;
  const gd = run.runs.gd, v = run.verdicts.gd;
  const along = (c) => [0, 1, 2, 3].filter((i) => i <= gd.stepsTaken).map((i) => short(gd.params[2 * i + c], 3)).join(' → ');
  const why = 'b’s gradient is 20b, ten times w’s 2w per unit of distance, so one η must stay below 0.1 for b to settle (each step multiplies b by 1 − 20η), and above 0.05 b overshoots its axis on every step.';
  if (gd.divergedAt !== null || v.kind === 'diverging') {
    return [{ text: 'Gradient descent ', strong: true },
      { text: gd.divergedAt !== null ? `diverged at step ${gd.divergedAt}` : `moves away from the minimum: f ends ${short(v.factor, 3)} times where it started`, tone: 'danger' },
      ` with η = ${short(cfg.lr.gd)}. ${why} Here b goes ${along(1)}.`];
  }
  const moves = run.look >= 1
    ? `Here b changes sign on ${run.flips} of its first ${run.look} steps (b: ${along(1)}; w: ${along(0)}). `
    : '';
  const bounce = run.finish.gd === null && v.kind === 'oscillates' ? 'It keeps bouncing across the minimum and gets no closer. ' : '';
  return [{ text: 'Gradient descent', strong: true }, ` (η = ${short(cfg.lr.gd)}) has one rate for both coordinates. ${why} `, moves, bounce, finishText(run, 'gd')];
}

function adaParagraph(run) {
  const { cfg } = run;
  const ada = run.runs.ada;
  if (ada.stepsTaken < 1) return null;
  const pt = (i) => `(${short(ada.params[2 * i], 4)}, ${short(ada.params[2 * i + 1], 4)})`;
  const kinds = [firstMoveKind(run, 0), firstMoveKind(run, 1)];
  const eta = short(cfg.lr.ada);
  const moved = (c) => (kinds[c] === 'eta' ? `η = ${eta}` : kinds[c] === 'still' ? 'nothing, since its gradient is 0' : `${short(run.firstMove[c], 4)}, less than η, since its gradient is close to ε`);
  const first = kinds[0] === 'eta' && kinds[1] === 'eta'
    ? `η in w and η in b, although the gradients there are ${short(run.grads[0], 4)} for w and ${short(run.grads[1], 4)} for b. `
    : `w moves ${moved(0)}, and b ${moved(1)}. `;
  // on the bowl a coordinate whose gradient starts at 0 (the start on an axis) keeps it at 0
  const still = kinds.indexOf('still');
  const after = still >= 0
    ? `${still ? 'b' : 'w'}’s gradient is 0 at the start and stays 0, so ${still ? 'b' : 'w'} never moves and the race is along one axis; the other coordinate’s rate only falls. `
    : 'From then on b’s gradients, ten times larger, fill G of b a hundred times faster, so √G of b is ten times larger and the ten cancels: each coordinate moves as it would on the round bowl w² + b², and both rates only fall. ';
  return [{ text: 'AdaGrad', strong: true }, ` (η = ${eta}) goes from ${pt(0)} to ${pt(1)} on its first step: `, first,
    'After one step G is g², so the step is η·g/(|g| + ε), η·sign(g) for any gradient well above ε. ', after,
    withinText(run), finishText(run, 'ada')];
}

function verdictParagraph(run) {
  const { cfg, finish } = run;
  const done = ORDER.filter((id) => finish[id] !== null).sort((a, b) => finish[a] - finish[b]);
  if (!done.length) return [`Nobody gets under f = 10⁻³ in ${cfg.steps} steps: add steps or change the η’s.`];
  const best = finish[done[0]];
  const first = done.filter((id) => finish[id] === best);
  if (first.includes('ada')) {
    const others = first.filter((id) => id !== 'ada');
    const gdText = finish.gd !== null ? `gradient descent (η = ${short(cfg.lr.gd)}) needs ${finish.gd}` : 'gradient descent does not finish';
    const tie = others.length ? ` ${others.map((id) => NAMES[id]).join(' and ')} ${others.length > 1 ? 'tie' : 'ties'} with it.` : '';
    return [`AdaGrad finishes first, at step ${finish.ada}; ${gdText}.${tie}`];
  }
  const leader = first.map((id) => NAMES[id]).join(' and ');
  const lead = `${leader} ${first.length > 1 ? 'are' : 'is'} first under 10⁻³ (step ${best})`;
  if (finish.ada === null) return [`${lead}; AdaGrad does not finish in ${cfg.steps} steps. AdaGrad’s rates only fall, because G keeps every old gradient; RMSProp and Adam let old gradients fade.`];
  const place = 1 + done.filter((id) => finish[id] < finish.ada).length;
  const joint = done.some((id) => id !== 'ada' && finish[id] === finish.ada) ? 'joint ' : '';
  const gdText = finish.gd === null ? ', and gradient descent does not finish'
    : finish.gd > finish.ada ? `, ahead of gradient descent (step ${finish.gd})`
      : finish.gd === finish.ada ? ', level with gradient descent' : `, behind gradient descent (step ${finish.gd})`;
  const adaptive = first.every((id) => id === 'rms' || id === 'adam')
    ? ` ${leader} ${first.length > 1 ? 'rescale' : 'rescales'} each coordinate as AdaGrad does, but by a decaying average of g² instead of a sum, so ${first.length > 1 ? 'their' : 'its'} rates need not keep shrinking.`
    : ' AdaGrad’s rates only fall, because G keeps every old gradient.';
  return [`${lead}; AdaGrad is ${joint}${ordinal(place)} (step ${finish.ada})${gdText}.${adaptive}`];
}

/** The paragraphs under the plots, as segments (story/segments.js). */
export function raceParagraphs(run) {
  if (run.startInside) return [[raceCaption(run)]];
  return [gdParagraph(run), adaParagraph(run), verdictParagraph(run)].filter(Boolean);
}

/** The note under AdaGrad's worked step t (t ≥ 1). */
export function formulaNote(run, t) {
  const { sums } = run;
  if (t === 1) {
    const kinds = [firstMoveKind(run, 0), firstMoveKind(run, 1)];
    if (kinds[0] === 'eta' && kinds[1] === 'eta') return `Step 1: G is just g², so each rate is η/|g| and each coordinate moves η = ${short(run.cfg.lr.ada)}: the gradient’s size has cancelled.`;
    return 'Step 1: G is just g², so each rate is η/(|g| + ε): a coordinate whose gradient is well above ε moves η, one whose gradient is 0 (the start sits on its axis) stays put, and one whose gradient is close to ε moves less.';
  }
  const G = [sums[2 * t - 2], sums[2 * t - 1]];
  if (G[0] === 0 || G[1] === 0) return 'A coordinate whose gradients have all been 0 has G = 0: its rate is η/ε, but it has nothing to multiply.';
  const rate = [run.runs.ada.rates[2 * t - 2], run.runs.ada.rates[2 * t - 1]];
  const ratio = rate[0] / rate[1];
  if (Math.abs(ratio - 1) < 1e-3) return 'G of w and G of b are about equal, so the two rates are too.';
  return ratio > 1
    ? `b’s squared gradients have added up to more than w’s, so G of b is larger and b’s rate is ${short(ratio, 3)}× smaller than w’s.`
    : `Here w’s squared gradients have added up to more than b’s, so w’s rate is the smaller one (b’s is ${short(1 / ratio, 3)}× w’s).`;
}
