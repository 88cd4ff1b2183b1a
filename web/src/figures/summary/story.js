// The summary's words: each recap card's claim and numbers, chosen from its run (summary/model.js),
// and the decision panel's advice, chosen from the reader's answers. Pure. A card says what its
// run shows, and only that: when a run does not show the card's point, the card says so.
import { short, percent } from '../../format.js';
import { verdict } from '../../story/verdict.js';

/** Thresholds, each with its reason. */
export const SUMMARY = Object.freeze({
  /** "Well ahead": covered at least this many times the other's share of the way. */
  ahead: 1.5,
  /** A step "is η long" within this share of η (ε = 1e-10 takes a share ε/|g| off). */
  etaShare: 1e-6,
});

const last = (a) => a[a.length - 1];

/** Card parts: { title, claim, numbers: segments, value (for tests), series } where a segment is a
 *  string or { text, key } (key: the colour class of the optimizer named). */
export function sparseCard(c) {
  const share = (r) => (r.params[2 * c.at] - r.params[0]) / (c.target - r.params[0]);
  const gd = share(c.gd), ada = share(c.ada);
  const claim = `Only ${c.ones} of ${c.n} rows have x = 1, so the column’s weight gets a gradient from few rows and one shared η moves it slowly. `
    + (ada >= SUMMARY.ahead * gd ? `Here AdaGrad covers ${percent(ada)} of the way to the least-squares weight in ${c.at} steps, plain GD ${percent(gd)}.`
      : `Here, with η = ${short(c.lr)}, AdaGrad covers ${percent(ada)} of the way in ${c.at} steps and plain GD ${percent(gd)}: no clear lead.`);
  return {
    title: 'Sparse features.', claim, value: c.ada.params[2 * c.at],
    numbers: [`After ${c.at} steps (η = ${short(c.lr)}), the rare column’s weight: `, { text: 'GD', key: 'other' }, ` ${short(c.gd.params[2 * c.at], 3)}, `,
      { text: 'AdaGrad', key: 'adagrad' }, ` ${short(c.ada.params[2 * c.at], 3)}; target ${short(c.target, 3)} (dotted).`],
    description: `Weight of the sparse column over ${c.steps} steps, η = ${short(c.lr)}: after ${c.at} steps plain GD has ${short(c.gd.params[2 * c.at], 3)}, AdaGrad ${short(c.ada.params[2 * c.at], 3)}; the least-squares value is ${short(c.target, 3)}.`,
  };
}

export function wordsCard(c) {
  const { rare, common } = c;
  const ratio = (k) => last(rare[k]) / last(common[k]);
  const sgdR = ratio('sgd'), adaR = ratio('ada');
  const claim = `“${rare.word}” is in ${rare.reviews} review${rare.reviews === 1 ? '' : 's'}, “${common.word}” in ${common.reviews}. `
    + (adaR > sgdR
      ? `AdaGrad keeps the rare word’s rate large: its weight ends at ${short(adaR, 2)}× the common word’s, against ${short(sgdR, 2)}× under SGD.`
      : `Here the rare word’s weight ends at ${short(adaR, 2)}× the common word’s under AdaGrad and ${short(sgdR, 2)}× under SGD: AdaGrad gives it no edge.`);
  return {
    title: 'Rare words and IDs.', claim, value: last(rare.ada),
    numbers: [`Weight of “${rare.word}” after ${c.epochs} epochs: `, { text: 'SGD', key: 'other' }, ` (η ${c.sgdLr}) ${short(last(rare.sgd), 3)}, `,
      { text: 'AdaGrad', key: 'adagrad' }, ` (η ${c.adaLr}) ${short(last(rare.ada), 3)}; “${common.word}”: ${short(last(common.sgd), 3)} and ${short(last(common.ada), 3)}.`],
    description: `Weight of “${rare.word}” over ${c.epochs} epochs: SGD (η ${c.sgdLr}) ends at ${short(last(rare.sgd), 3)}, AdaGrad (η ${c.adaLr}) at ${short(last(rare.ada), 3)}.`,
  };
}

export function scalesCard(c) {
  const f = (r) => r.values[r.stepsTaken];
  const cap = 2 / (2 * c.scales[1]);   // gradient descent on s·b² converges only for η < 2/(2s)
  const o = c.overRun;
  const over = o.divergedAt !== null ? `diverges at step ${o.divergedAt}` : f(o) > o.values[0] ? `blows up to f = ${short(f(o), 2)}` : `ends at f = ${short(f(o), 3)}`;
  const lower = f(c.adaRun) < f(c.gdRun);
  const claim = `On w² + ${c.scales[1]}b², gradient descent needs η below ${short(cap)} or b blows up; at η ${short(c.over)} it ${over}. AdaGrad scales each coordinate for itself`
    + (lower ? `, and ends ${short(f(c.gdRun) / f(c.adaRun), 2)}× lower than GD at η ${short(c.gd)}. ` : `, though here it does not end lower than GD at η ${short(c.gd)}. `)
    + 'Normalising the features first is still the usual cure.';
  return {
    title: 'Very different scales.', claim, value: f(c.adaRun),
    numbers: [`f after ${c.steps} steps: `, { text: 'GD', key: 'other' }, ` (η ${short(c.gd)}) ${short(f(c.gdRun), 3)}, `, { text: 'AdaGrad', key: 'adagrad' }, ` (η ${short(c.ada)}) ${short(f(c.adaRun), 3)}. GD at η ${short(c.over)} ${over}.`],
    description: `f over ${c.steps} steps: plain GD with η ${short(c.gd)} ends at ${short(f(c.gdRun), 3)}, AdaGrad with η ${short(c.ada)} at ${short(f(c.adaRun), 3)}. GD with η ${short(c.over)} ${over}.`,
  };
}

export function fadingCard(c) {
  const n = c.steps;
  let falls = true;
  for (let i = 1; i < n; i++) if (c.ada.rates[i] > c.ada.rates[i - 1]) falls = false;
  const ada = c.ada.params[n], rms = c.rms.params[n];
  const claim = `G only grows, so AdaGrad’s rate only falls${falls ? '' : ' (here it did not: check the core)'}, near the minimum or not. `
    + (Math.abs(rms) < Math.abs(ada)
      ? `RMSProp forgets old gradients: after ${n} steps on x² from ${short(c.x0)} its x is ${short(rms, 2)}, AdaGrad’s still ${short(ada, 3)}.`
      : `RMSProp forgets old gradients, but here it ends no closer (x = ${short(rms, 3)} against AdaGrad’s ${short(ada, 3)}).`);
  return {
    title: 'The run is long.', claim, value: c.ada.rates[n - 1],
    numbers: [`Rate at step ${n} on x² (η ${short(c.lr)}): `, { text: 'AdaGrad', key: 'adagrad' }, ` ${short(c.ada.rates[n - 1], 3)} with x still ${short(ada, 3)}; `,
      { text: 'RMSProp', key: 'rmsprop' }, ` ${short(c.rms.rates[n - 1], 3)}, x = ${short(rms, 2)}.`],
    description: `Effective rate on x² from ${short(c.x0)} with η = ${short(c.lr)}: AdaGrad from ${short(c.ada.rates[0], 3)} down to ${short(c.ada.rates[n - 1], 3)} at step ${n}, where x is still ${short(ada, 3)}; RMSProp’s is ${short(c.rms.rates[n - 1], 3)} and x is ${short(rms, 3)}.`,
  };
}

export function etaCard(c) {
  // the longest step of each run, against its η: with G₀ = 0 no step is longer than η
  const longest = c.runs.map((r) => { let m = 0; for (let i = 1; i <= r.stepsTaken; i++) m = Math.max(m, Math.abs(r.params[i] - r.params[i - 1])); return m; });
  const bounded = longest.every((m, k) => m <= c.etas[k] * (1 + SUMMARY.etaShare));
  const small = c.runs[0].params[c.steps];
  const claim = `${bounded ? 'No step is longer than η' : 'A step here is longer than η'} (each is η·|g|/√G, and G already holds g²), so a run covers at most η per step: `
    + `from ${short(c.x0)} with η ${short(c.etas[0], 3)}, x is still ${short(small, 3)} after ${c.steps} steps.`;
  return {
    title: 'η is hard to pick.', claim, value: c.runs[1].params[c.steps],
    numbers: [`x after ${c.steps} steps: `, ...c.runs.flatMap((r, i) => [{ text: `η ${short(c.etas[i], 3)}`, key: `eta-${i}` }, ` ${short(r.params[c.steps], 3)}${i < c.runs.length - 1 ? ', ' : '.'}`])],
    description: `x over ${c.steps} AdaGrad steps from ${short(c.x0)}: ${c.runs.map((r, i) => `η ${short(c.etas[i], 3)} ends at ${short(r.params[c.steps], 3)}`).join(', ')}.`,
  };
}

export function bugCard(c) {
  const n = c.steps, bad = c.bad;
  const lastSteps = [1, 2, 3].map((k) => Math.abs(bad.params[n - k + 1] - bad.params[n - k]));
  const etaLong = lastSteps.every((s) => Math.abs(s - c.lr) <= c.lr * SUMMARY.etaShare);
  const v = verdict(bad, { minimizer: [0] });
  const fate = v.kind === 'oscillates' ? 'and the run bounces around the minimum for ever'
    : v.kind === 'arrived' ? 'yet here the run still arrives' : `and the run ${v.kind === 'stalls' ? 'stalls' : 'does not settle'}`;
  const claim = `If G is reset, each step is η·g/(|g| + ε)${etaLong ? ', η long' : ''}, ${fate}: here the last steps are ${lastSteps.map((s) => short(s, 3)).join(', ')} with η = ${short(c.lr)}. Check your code: the second of two equal gradients must give a smaller step.`;
  return {
    title: 'Your own code resets G.', claim, value: bad.params[n],
    numbers: [`x after ${n} steps: `, { text: 'AdaGrad', key: 'adagrad' }, ` ${short(c.good.params[n], 3)}, `, { text: 'forgetful', key: 'bug' }, ` ${short(bad.params[n - 1], 3)} then ${short(bad.params[n], 3)}…`],
    description: `x over ${n} steps from ${short(c.x0)} with η ${short(c.lr)}: correct AdaGrad ends at ${short(c.good.params[n], 3)}, the version that forgets G at ${short(bad.params[n], 3)}.`,
  };
}

export const CARDS = { sparse: sparseCard, words: wordsCard, scales: scalesCard, fading: fadingCard, eta: etaCard, bug: bugCard };

/** The advice for the answers ({sparse, scales, convex, deep}: 'yes'|'no'): { verdict, parts,
 *  related } where parts are strings or { text, href } and related names the cards to highlight. */
export function advice(answers) {
  const yes = (k) => answers[k] === 'yes';
  const a = (href, text) => ({ text, href });
  const parts = [];
  let verdictText;
  if (yes('deep')) {
    verdictText = 'Prefer Adam or RMSProp.';
    parts.push('Over a long run AdaGrad’s rate only falls, and learning can stall long before the end (', a('fading', '§10'), '). ');
    if (yes('sparse') || yes('scales')) parts.push('They keep AdaGrad’s per-parameter scaling of the step, which sparse or unevenly scaled inputs need, and let old gradients fade (', a('compare', '§11'), ').');
    else parts.push('SGD with momentum, well tuned, is also a sound choice.');
  } else if (yes('sparse') || yes('scales')) {
    verdictText = 'AdaGrad is a good fit.';
    if (yes('sparse')) parts.push('Rare features keep large rates, so their weights are not starved by their few gradients (', a('valley', '§7'), ', ', a('text', '§8'), '). ');
    if (yes('scales')) parts.push('It also evens out features on different scales along the axes, though normalising them first is the usual, cheaper cure. ');
    parts.push(yes('convex') ? 'This is the setting AdaGrad was designed for (online convex learning); still try a few values of η, since η sets the whole schedule (' : 'Try a few values of η: it sets the whole schedule (', a('parabola', '§3'), ').');
  } else if (yes('convex')) {
    verdictText = 'AdaGrad works, but nothing calls for it.';
    parts.push('On a dense, well-scaled convex problem, plain gradient descent or momentum with a tuned η is as good and simpler (', a('race', '§5'), ', ', a('line', '§9'), ').');
  } else {
    verdictText = 'Start with Adam, or SGD with momentum.';
    parts.push('Nothing in your problem plays to AdaGrad’s strength, and its fading rate can hurt on long non-convex runs (', a('fading', '§10'), ', ', a('compare', '§11'), ').');
  }
  const related = { sparse: yes('sparse'), words: yes('sparse'), scales: yes('scales'), fading: yes('deep'), eta: !yes('deep'), bug: false };
  return { verdict: verdictText, parts, related };
}
