// The race's caption and AdaGrad's timing sentence, chosen from the run. Pure.
import { NEAR } from './model.js';

/** When each of AdaGrad's coordinates gets within NEAR of 0 for good. */
export function withinText(run) {
  const [w, b] = run.within;
  const part = (name, t) => (t === null ? `${name} is not within ${NEAR} of 0 after ${run.runs.ada.stepsTaken} steps` : `${name} is within ${NEAR} of 0 from step ${t} on`);
  const order = w !== null && b !== null && w !== b ? ` (${w < b ? 'w' : 'b'} first)` : '';
  return `Here ${part('b', b)} and ${part('w', w)}${order}. `;
}

/** The caption: what gradient descent does, and where AdaGrad and it cross the finish. */
export function raceCaption(run) {
  const { finish } = run;
  const gd = finish.gd, ada = finish.ada;
  const vgd = run.verdicts.gd, gdRun = run.runs.gd;
  const wCreeps = Math.abs(gdRun.params[2 * gdRun.stepsTaken]) > 0.5 * Math.abs(gdRun.params[0]);
  const gdPart = gdRun.divergedAt !== null ? `Gradient descent diverges at step ${gdRun.divergedAt}`
    : vgd.kind === 'diverging' ? 'Gradient descent overshoots the steep b axis further on every step and moves away from the minimum'
      : run.zigzag ? `Gradient descent zig-zags across the steep b axis${wCreeps ? ' and creeps along w' : ''}`
        : `Gradient descent, one η for both axes${wCreeps ? ', creeps along w' : ''}`;
  const adaPart = run.grads[0] !== 0 && run.grads[1] !== 0 ? 'AdaGrad’s first step is equal in w and b, and it then heads for the minimum' : 'AdaGrad heads for the minimum';
  const base = `${gdPart}; ${adaPart}`;
  if (ada !== null && (gd === null || ada <= gd)) return `${base}, crossing f = 10⁻³ at step ${ada}${gd !== null ? ` against gradient descent’s ${gd}` : ''}.`;
  return `${base}, but slows as G grows${ada !== null ? ` (f = 10⁻³ at step ${ada}` : ' (no finish'}${gd !== null ? `, gradient descent at ${gd})` : ')'}.`;
}
