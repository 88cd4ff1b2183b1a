// The spiral's words, chosen from the boards (spiral/model.js): each board's status line and the
// summary under the charts. Pure: every outcome it states is read off the runs.
import { short, percent } from '../../format.js';
import { SOLVED } from './model.js';

/** Thresholds, each with its reason. */
export const SPIRAL = Object.freeze({
  /** "Far from a clean split": below this accuracy, one point in twenty or more is wrong. */
  clean: 0.95,
  /** A loss this many times the first epoch's is a jump: full-batch training has no sampling
   *  noise, so the loss of a run that learns only creeps up, by far less. */
  jump: 10,
  /** A jump "fell back" once the loss is below the peak by this factor. */
  fellBack: 10,
});

/** Where a board's loss jumped on the way (a rate too large for this network), or null. */
export function lossJump(r) {
  const { firstLoss: first, peak } = r;
  if (first === null || !peak || !(peak.loss > SPIRAL.jump * first)) return null;
  return { first, peak: peak.loss, at: peak.epoch, fellBack: r.stats.loss * SPIRAL.fellBack < peak.loss };
}

/** A board's status: { text, danger }. */
export function boardStatus(b, r) {
  const at = b.divergedEpoch(r);
  if (at !== null) return { text: `diverged at epoch ${at}`, danger: true };
  if (!r.stats) return { text: 'not trained yet', danger: false };
  return { text: `accuracy ${percent(r.stats.accuracy)} · loss ${short(r.stats.loss, 4)}`, danger: false };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary's paragraphs as segments (story/segments.js); `preset`: the preset the settings
 *  match exactly, or null. */
export function spiralStory(b, { preset = null } = {}) {
  const { runs, cfg } = b;
  const trained = runs.some((r) => b.done(r) > 0 || b.divergedEpoch(r) !== null);
  const sameEta = cfg.lr === cfg.clr;
  const etas = sameEta ? [] : [[`The two boards use different rates (η = ${short(cfg.lr)} and ${short(cfg.clr)}), so a difference between them is not the optimizer’s alone: give both one η to compare the optimizers (the preset `,
    { text: 'Same η for both', strong: true }, ' does this for the notebook’s network).']];
  if (!trained) return [['Both networks start from the same weights on the same points. Press Play to train them side by side, or Step one epoch.'], ...etas];
  const finished = b.finished();
  const lines = runs.map((r) => {
    const at = b.divergedEpoch(r);
    if (at !== null) return [`${r.name} (η = ${short(r.lr)}): `, { text: `diverged at epoch ${at}`, tone: 'danger' }, ': a loss or weight stopped being a finite number, so training stopped there. Try a smaller η.'];
    const jump = lossJump(r);
    const jumped = !jump ? []
      : [` On the way its loss `, { text: jump.fellBack ? `shot up to ${short(jump.peak, 4)} at epoch ${jump.at}` : `rose to ${short(jump.peak, 4)} at epoch ${jump.at}`, tone: 'danger' },
        `, ${short(jump.peak / jump.first, 2)} times its first epoch’s ${short(jump.first, 4)}${jump.fellBack ? ', before falling back' : ''} (a sign that η is too large for this network).`];
    return [`${r.name} (η = ${short(r.lr)}): after ${plural(b.done(r), 'epoch')} `, { text: `${percent(r.stats.accuracy)} accuracy`, strong: true },
      `, loss ${short(r.stats.loss, 4)}`, r.above99 > 0 ? `; first above ${SOLVED * 100}% at epoch ${r.above99}.` : '.', ...jumped];
  });
  const out = [[finished ? 'Result:' : `So far (epoch ${b.epoch()} of ${cfg.epochs}):`], ...lines];
  // a comparison only between boards at the same epoch that both still train
  const [x, y] = runs;
  if (x.stats && y.stats && b.divergedEpoch(x) === null && b.divergedEpoch(y) === null && b.done(x) === b.done(y)) {
    const names = x.name === y.name ? ['the left board', 'the right board'] : [x.name, y.name];
    const ax = x.stats.accuracy, ay = y.stats.accuracy, lx = x.stats.loss, ly = y.stats.loss;
    const byAcc = ax > ay ? 0 : 1, byLoss = lx < ly ? 0 : 1;
    const acc = `(${percent(Math.max(ax, ay))} against ${percent(Math.min(ax, ay))})`, loss = `(${short(Math.min(lx, ly), 4)} against ${short(Math.max(lx, ly), 4)})`;
    const at = `At epoch ${b.done(x)}`;
    out.push([ax === ay && lx === ly ? `${at} both boards are at the same accuracy and loss.`
      : ax === ay ? `${at} both are at ${percent(ax)} accuracy, and ${names[byLoss]} has the lower loss ${loss}.`
        : lx === ly ? `${at} ${names[byAcc]} is ahead on accuracy ${acc}, at the same loss.`
          : byAcc === byLoss ? `${at} ${names[byAcc]} is ahead on both accuracy ${acc} and loss ${loss}.`
            : `${at} ${names[byAcc]} is ahead on accuracy ${acc}, ${names[byLoss]} on loss ${loss}.`]);
  }
  out.push(...etas);
  if (preset === 'notebook' && finished) {
    const best = Math.max(...runs.map((r) => r.stats?.accuracy ?? 0));
    out.push([`This is the notebook’s own setup, down to its points and starting weights (numpy’s stream with seed 42): it ends at ${percent(x.stats?.accuracy)} for ${x.name} and ${percent(y.stats?.accuracy)} for ${y.name}`,
      best < SPIRAL.clean
        ? ': far from a clean split. One layer of ten ReLU units divides the plane with only ten straight lines, few for two full turns of the spiral, and AdaGrad’s step keeps shrinking as G grows. Try the network that solves it.'
        : '.']);
  }
  return out;
}
