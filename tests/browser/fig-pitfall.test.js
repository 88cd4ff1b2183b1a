// Figure 12: AdaGrad that forgets G beside the real one. The page's numbers are checked against
// the core's own runs, computed here through window.adagradLab.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-pitfall';
const num = (text) => Number(text.replace(/−/g, '-'));
const four = (v) => Number(v.toPrecision(4));
const readout = (page) => page.locator(`${fig} .readout`).innerText();
async function setField(page, name, value) {
  const input = page.locator(`${fig} input[data-field="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}
const messageOf = (page, name) => page.locator(`${fig} .field:has([data-field="${name}"]) .field-msg`).innerText();
const runs = (page, { scales = [1], x0 = [3], lr = 0.4, steps = 100 } = {}) => page.evaluate(({ scales, x0, lr, steps }) => {
  const lab = window.adagradLab;
  const optimizer = { kind: 'adagrad', lr, eps: 1e-10 };
  const good = lab.runQuadratic({ scales, x0, steps, optimizer });
  const bad = lab.runQuadratic({ scales, x0, steps, optimizer, reset_state_every_step: true });
  const table = lab.stepTable({ x0: x0[0], lr, eps: 1e-10, steps, scale: scales[0] });
  return { good: Array.from(good.params), bad: Array.from(bad.params), sum: table[steps - 1].sum };
}, { scales, x0, lr, steps });
function positions(text, name) {
  const m = new RegExp(`${name} ((?:[wxb] = \\S+?,? ?)+)(?:, last step| ·|$)`).exec(text);
  assert.ok(m, text);
  return [...m[1].matchAll(/[wxb] = ([^,\s]+)/g)].map((p) => num(p[1]));
}

test('after 100 steps the real AdaGrad has settled and the forgetful one still jumps by η; the numbers are the core’s', async () => {
  const { page, context, messages } = await open(browser);
  const core = await runs(page);
  const text = await readout(page);
  assert.match(text, /^Step 100 of 100/);
  assert.deepEqual(positions(text, 'AdaGrad'), [four(core.good[100])]);
  assert.deepEqual(positions(text, 'forgetful'), [four(core.bad[100])]);
  assert.match(text, /forgetful x = −0\.2, last step 0\.4$/, 'the forgetful step is η = 0.4');
  // in the core: once past the minimum, every forgetful step is η long, and the real one is far closer
  for (let t = 10; t <= 100; t++) assert.ok(Math.abs(Math.abs(core.bad[t] - core.bad[t - 1]) - 0.4) < 1e-6, `step ${t}`);
  assert.ok(Math.abs(core.good[100]) < Math.abs(core.bad[100]) / 10);
  // the worked step: G₁₀₀ as the step table has it, and the forgetful G is this step's g² alone
  const work = await page.locator(`${fig} .work`).innerText();
  assert.ok(work.includes(String(Number(core.sum.toPrecision(5)))), `${work} should show G = ${core.sum}`);
  assert.match(work, /η = 0\.4 again, whatever the gradient/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone with no console error', async () => {
  const { page, context, messages } = await openDev(browser, 'pitfall');
  assert.match(await readout(page), /^Step 100 of 100/);
  assert.equal(await page.locator(`${fig} canvas`).count(), 4);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Reset, Step and the valley w² + 10b² change the runs shown', async () => {
  const { page, context, messages } = await openDev(browser, 'pitfall');
  assert.equal(await page.locator(`${fig} input[data-field="b0"]`).isVisible(), false, 'no b₀ for x²');
  await page.click(`${fig} [data-action="reset"]`);
  assert.match(await readout(page), /^Step 0 of 100 · AdaGrad x = 3 · forgetful x = 3$/);
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await readout(page), /^Step 1 of 100 · AdaGrad x = 2\.6, last step 0\.4 · forgetful x = 2\.6, last step 0\.4$/, 'the first steps agree');
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await readout(page), /AdaGrad x = 2\.338, last step 0\.262 · forgetful x = 2\.2, last step 0\.4$/, 'the second differ');

  await page.selectOption(`${fig} select[data-field="f"]`, 'valley');
  assert.equal(await page.locator(`${fig} input[data-field="b0"]`).isVisible(), true);
  await setField(page, 'steps', '60');
  const core = await runs(page, { scales: [1, 10], x0: [3, 2], steps: 60 });
  const text = await readout(page);
  assert.deepEqual(positions(text, 'AdaGrad'), [four(core.good[120]), four(core.good[121])]);
  assert.deepEqual(positions(text, 'forgetful'), [four(core.bad[120]), four(core.bad[121])]);
  await page.waitForFunction(() => location.hash.includes('pitfall.f=valley') && location.hash.includes('pitfall.steps=60'));
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('bad entries show their message beside the field and keep the last good runs', async () => {
  const { page, context, messages } = await openDev(browser, 'pitfall');
  const before = await readout(page);
  const cases = [
    ['lr', '-1', /η must be above 0, got -1/],
    ['lr', '0', /η must be above 0, got 0/],
    ['x0', 'inf', /x₀ must be a finite number, got inf/],
    ['x0', 'three', /“three” is not a number/],
    ['steps', '0', /steps must be at least 1, got 0/],
    ['steps', '99999', /steps must be at most 5000, got 99999/],
    ['steps', 'NaN', /steps must be a finite number, got NaN/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.equal(await readout(page), before, 'the last good runs stay');
    await setField(page, name, { lr: '0.4', x0: '3', steps: '100' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|Infinity/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the caption follows the runs: at η = 0.4 the forgetful run rattles; at η = 0.001 it is only far away', async () => {
  const { page, context } = await openDev(browser, 'pitfall');
  const caption = () => page.locator(`${fig} .fig-caption`).innerText();
  assert.match(await caption(), /all 100 of the forgetful run’s moves are η long.*The forgetful run rattles around the minimum/);
  await setField(page, 'lr', '0.001');
  assert.match(await caption(), /The forgetful run is still far from the minimum/);
  assert.doesNotMatch(await caption(), /rattles/);
  await context.close();
});

test('with reduced motion Play jumps straight to the last step', async () => {
  const { page, context } = await openDev(browser, 'pitfall', { reducedMotion: 'reduce' });
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="play"]`);
  assert.match(await readout(page), /^Step 100 of 100/);
  await context.close();
});
