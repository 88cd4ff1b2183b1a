// Figure 1: AdaGrad and plain GD on f(x) = x², as a reader drives it.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#parabola';
async function setField(page, name, value) {
  const input = page.locator(`${fig} input[data-field="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}
const messageOf = (page, name) => page.locator(`${fig} .field:has(input[data-field="${name}"]) .field-msg`).innerText();

test('after 50 steps from x0 = 5 with η = 0.1 AdaGrad has only reached x ≈ 3.79, and the page says why', async () => {
  const { page, context, messages } = await open(browser);
  const explain = await page.locator(`${fig} .explain`).innerText();
  assert.match(explain, /After 50 steps from x₀ = 5 with η = 0\.1, AdaGrad has only reached x ≈ 3\.79/);
  assert.match(explain, /G = 3603\.2/);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 50 of 50 · AdaGrad x = 3\.7908/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Play animates from step 0 to the last step; Step and Reset move one step / back to 0', async () => {
  const { page, context } = await open(browser);
  await page.click(`${fig} [data-action="reset"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 0 of 50 · AdaGrad x = 5\b/);
  await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 1 of 50 · AdaGrad x = 4\.9/);
  await page.selectOption(`${fig} select[data-field="speed"]`, '100');
  await page.click(`${fig} [data-action="play"]`);
  assert.equal(await page.locator(`${fig} [data-action="play"]`).innerText(), 'Pause');
  await page.locator(`${fig} .readout`).filter({ hasText: 'Step 50 of 50' }).waitFor({ timeout: 10000 });
  assert.equal(await page.locator(`${fig} [data-action="play"]`).innerText(), 'Play');
  await context.close();
});

test('with reduced motion Play jumps straight to the end', async () => {
  const { page, context } = await open(browser, { reducedMotion: 'reduce' });
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="play"]`);
  assert.match(await page.locator(`${fig} .readout`).innerText(), /Step 50 of 50/);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good run', async () => {
  const { page, context, messages } = await open(browser);
  const cases = [  // the page's own rules, in the page's words (η, ε), before the core is asked
    ['lr', '-1', /η must be above 0, got -1/],
    ['lr', 'NaN', /η must be a finite number, got NaN/],
    ['lr', '1e400', /η must be a finite number, got 1e400/],
    ['lr', '1e9', /η must be at most 1000, got 1e9/],
    ['lr', 'abc', /“abc” is not a number/],
    ['lr', '', /enter a number/],
    ['eps', '0', /ε must be above 0, got 0/],
    ['steps', '0', /steps must be at least 1, got 0/],
    ['steps', '2.5', /steps must be a whole number, got 2\.5/],
    ['x0', 'Infinity', /x₀ must be a finite number, got Infinity/],
  ];
  for (const [name, value, expected] of cases) {
    await setField(page, name, value);
    assert.match(await messageOf(page, name), expected, `${name} = "${value}"`);
    assert.equal(await page.locator(`${fig} input[data-field="${name}"]`).getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`${fig} .explain`).innerText(), /x ≈ 3\.79/, 'the last good run stays');
    await setField(page, name, { lr: '0.1', eps: '1e-8', steps: '50', x0: '5' }[name]);
    assert.equal(await messageOf(page, name), '');
  }
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a refusal from the core speaks the page’s words and marks every field it names: x₀ = 0 with the smallest ε', async () => {
  const { page, context, messages } = await open(browser);
  await setField(page, 'eps', '5e-324');  // from x₀ = 5 a fine run: G > 0 from step 1
  await setField(page, 'x0', '0');        // now G = 0 and η / ε overflows: refused
  const said = /^η = 0\.1 is too large for ε = 4\.94065645841247e-324 with x₀ = 0: at step 1 the rate η \/ \(√G \+ ε\) overflows with G = 0$/;
  for (const name of ['lr', 'eps', 'x0']) {
    assert.match(await messageOf(page, name), said, name);
    assert.equal(await page.locator(`${fig} input[data-field="${name}"]`).getAttribute('aria-invalid'), 'true', name);
  }
  assert.doesNotMatch(await page.locator(fig).innerText(), /\blr\b|\beps\b|\bx0\b/);
  assert.match(await page.locator(`${fig} .explain`).innerText(), /x ≈ 3\.79/, 'the last good run stays');
  await context.close();
  // the same from a link: the refused texts stay in their fields beside the message
  const linked = await open(browser, { hash: '#x2.x0=0&x2.eps=5e-324' });
  for (const [name, text] of [['x0', '0'], ['eps', '5e-324'], ['lr', '0.1']]) {
    assert.equal(await linked.page.locator(`${fig} input[data-field="${name}"]`).inputValue(), text, name);
    assert.match(await messageOf(linked.page, name), said, name);
  }
  assert.deepEqual(problems([...messages, ...linked.messages]), []);
  await linked.context.close();
});

test('plain GD with η = 50 diverges and the page says at which step, never NaN', async () => {
  const { page, context } = await open(browser);
  await setField(page, 'steps', '200');
  await setField(page, 'lr', '50');
  const explain = await page.locator(`${fig} .explain`).innerText();
  const m = /diverged at step (\d+)/.exec(explain);
  assert.ok(m, explain);
  assert.ok(Number(m[1]) > 1 && Number(m[1]) <= 200);
  assert.match(await page.locator(`${fig} .readout`).innerText(), new RegExp(`plain GD diverged at step ${m[1]}`));
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|Infinity/);
  await context.close();
});

test('the words follow the run: at η = 1 plain GD bounces and AdaGrad ends closer; back at 0.1 AdaGrad is behind', async () => {
  const { page, context } = await open(browser);
  await setField(page, 'lr', '1');
  let explain = await page.locator(`${fig} .explain`).innerText();
  assert.match(explain, /Plain gradient descent bounces between x = −5 and x = 5/);
  assert.match(explain, /AdaGrad ends closer/);
  assert.doesNotMatch(explain, /AdaGrad is behind/);
  await setField(page, 'lr', '0.1');
  explain = await page.locator(`${fig} .explain`).innerText();
  assert.match(explain, /Why is AdaGrad behind\?/);
  await context.close();
});

test('a run that leaves the plots is shown as an arrow at their edge that says where it is', async () => {
  const { page, context, messages } = await open(browser, { hash: '#x2.lr=1.5&x2.steps=4' });
  // every text the charts draw from now on
  await page.evaluate(() => {
    window.drawn = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) { window.drawn.push(String(text)); return fillText.call(this, text, ...rest); };
  });
  const drawnAfter = async (action) => {
    await page.evaluate(() => { window.drawn = []; });
    await page.click(`${fig} [data-action="${action}"]`);
    await page.waitForTimeout(100);
    return page.evaluate(() => window.drawn);
  };
  // x: 5 → −10 → 20 → −40 → 80 (each step multiplies it by 1 − 2η = −2); the walk shows |x| ≤ 5.5,
  // the x chart |x| ≤ 10
  let drawn = await drawnAfter('reset');
  assert.ok(!drawn.some((t) => /^GD( at|:) x/.test(t)), drawn.join(' | '));
  drawn = await drawnAfter('step');
  assert.ok(drawn.includes('GD at x = −10'), drawn.join(' | '));  // past the walk's axis only
  assert.ok(!drawn.some((t) => t.startsWith('GD: x')), drawn.join(' | '));
  drawn = await drawnAfter('step');
  assert.ok(drawn.includes('GD at x = 20') && drawn.includes('GD: x = 20'), drawn.join(' | '));
  assert.ok(!drawn.some((t) => t.startsWith('AdaGrad at x') || t.startsWith('AdaGrad: x')), drawn.join(' | '));
  assert.deepEqual(problems(messages), []);
  await context.close();
});
