// Section 5: six optimizers race down w² + 10b² from a start the reader drags.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { devUrl, racerHelpers } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#fig-race';  // the mount: the same on the lesson page and on the development page
const devPage = devUrl('race');
const { status, setField, enter, messageOf } = racerHelpers(fig);

// What the core says for a racer with the page's defaults (start (−4.5, 2), 60 steps).
function coreRace(page, optimizer, x0 = [-4.5, 2], steps = 60) {
  return page.evaluate(({ optimizer, x0, steps }) => {
    const r = window.adagradLab.runQuadratic({ scales: [1, 10], x0, steps, optimizer });
    let finish = null;
    for (let i = 0; i < r.values.length; i++) if (r.values[i] < 1e-3) { finish = i; break; }
    return { finish, divergedAt: r.divergedAt, first: Array.from(r.params.subarray(2, 4)), rate1: Array.from(r.rates.subarray(0, 2)) };
  }, { optimizer, x0, steps });
}

test('by default AdaGrad crosses f = 10⁻³ before gradient descent, and the page’s steps are the core’s', async () => {
  const { page, context, messages } = await open(browser);
  const ada = await coreRace(page, { kind: 'adagrad', lr: 1.5 });
  const gd = await coreRace(page, { kind: 'sgd', lr: 0.09 });
  assert.ok(ada.finish < gd.finish, `the defaults must show the effect: AdaGrad ${ada.finish}, GD ${gd.finish}`);
  assert.match(await status(page, 'ada'), new RegExp(`finished at step ${ada.finish}\\b`));
  assert.match(await status(page, 'gd'), new RegExp(`finished at step ${gd.finish}\\b`));
  assert.match(await page.locator(`${fig} .race-caption`).innerText(), new RegExp(`AdaGrad.*step ${ada.finish} against gradient descent’s ${gd.finish}`));
  // AdaGrad's first step is η·g/(|g| + ε) ≈ η·sign(g): 1.5 in each coordinate, towards the minimum
  assert.ok(Math.abs(ada.first[0] - -3) < 1e-9 && Math.abs(ada.first[1] - 0.5) < 1e-9, String(ada.first));
  assert.match(await page.locator(`${fig} .explain`).innerText(), /goes from \(−4\.5, 2\) to \(−3, 0\.5\) on its first step/);
  await page.click(`${fig} [data-action="reset"]`);
  await page.click(`${fig} [data-action="step"]`);
  const formula = await page.locator(`${fig} .formula`).innerText();
  assert.match(formula, /Step 1/);
  assert.ok(formula.includes(ada.rate1[0].toPrecision(4).replace(/0+$/, '')), `${formula} shows rate ${ada.rate1[0]}`);
  assert.ok(formula.includes(ada.rate1[1].toPrecision(4).replace(/0+$/, '')), `${formula} shows rate ${ada.rate1[1]}`);
  assert.match(await page.locator(`${fig} .counter`).innerText(), /step 1 of 60/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the development page shows the figure alone, without errors', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  assert.equal(await page.locator('#fig-race li.racer').count(), 6);
  assert.match(await page.locator('#fig-race .race-caption').innerText(), /AdaGrad/);
  assert.ok(await page.locator('#fig-race canvas').count() >= 2);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the bands and level lines are drawn where f is: lines at w = √level on the w axis, bands darker outwards', async () => {
  // every racer hidden, so the canvas holds the contours and the minimum's star only
  const { page, context, messages } = await open(browser, { url: devPage, hash: '#race.hide=gd,mom,nag,ada,rms,adam&race.w0=-4&race.b0=2' });
  // the plot's own scales, read off the start handle at (−4, 2) and, eight and four units on, (4, −2)
  const handle = page.locator(`${fig} .contour-handle`);
  const at = async () => handle.evaluate((h) => [parseFloat(h.style.left), parseFloat(h.style.top)]);
  const [x1, y1] = await at();
  await handle.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await page.locator(`${fig} input[data-field="w0"]`).inputValue(), '4');
  assert.equal(await page.locator(`${fig} input[data-field="b0"]`).inputValue(), '-2');
  const [x2, y2] = await at();
  const sx = (w) => x1 + (w + 4) * (x2 - x1) / 8, sy = (b) => y1 + (2 - b) * (y2 - y1) / 4;
  // one row of the canvas along b = 0, as luminance
  const row = Math.floor(sy(0));
  const lum = await page.evaluate(({ fig, row }) => {
    const canvas = document.querySelector(`${fig} .contour-canvas`);
    const d = canvas.getContext('2d').getImageData(0, row, canvas.width, 1).data;
    return Array.from({ length: canvas.width }, (_, i) => 0.2126 * d[4 * i] + 0.7152 * d[4 * i + 1] + 0.0722 * d[4 * i + 2]);
  }, { fig, row });
  // the levels: f's top on the grid is 5² + 10·2.5² = 87.5, each level half the one above
  const crossings = [];
  for (let k = 1; k <= 13; k++) { const w = Math.sqrt(87.5 / 2 ** k); if (w > 0.3 && w < 4.9) crossings.push(w); }
  assert.ok(crossings.length >= 7, String(crossings));
  for (const w of crossings) {
    // the darkest pixel within 4 px of where the line should be: its centre within a pixel of it
    // (half a grid cell off would be 1.7 px), and clearly darker than the bands either side
    const px = sx(w);
    let dark = Math.floor(px - 4);
    for (let i = dark; i <= Math.ceil(px + 4); i++) if (lum[i] < lum[dark]) dark = i;
    const left = lum[Math.round(px - 4)], right = lum[Math.round(px + 4)];
    assert.ok(Math.abs(dark + 0.5 - px) <= 1, `the level line through w = ${w.toFixed(3)} belongs at x = ${px.toFixed(2)}, its darkest pixel is ${dark}`);
    assert.ok(lum[dark] < Math.min(left, right) - 6, `a level line at w = ${w.toFixed(3)}: ${lum[dark].toFixed(1)} between ${left.toFixed(1)} and ${right.toFixed(1)}`);
  }
  // between two lines a band is flat, and each band outwards is darker than the one inside it
  const sorted = crossings.slice().sort((a, b) => a - b);
  const bands = sorted.slice(1).map((w, i) => lum[Math.round(sx((sorted[i] + w) / 2))]);
  bands.forEach((v, i) => { if (i) assert.ok(v < bands[i - 1] - 1, `band ${i} (${v.toFixed(1)}) is not darker than band ${i - 1} (${bands[i - 1].toFixed(1)})`); });
  assert.ok(bands[0] > 230 && bands[bands.length - 1] < bands[0] - 20, `from ${bands[0]} to ${bands[bands.length - 1]}`);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('the start moves with the arrow keys and by dragging, the legend hides a racer, all kept in the address', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const handle = page.locator(`${fig} .contour-handle`);
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator(`${fig} input[data-field="w0"]`).inputValue(), '-4.4');
  assert.equal(await page.locator(`${fig} input[data-field="b0"]`).inputValue(), '1.9');
  const moved = await coreRace(page, { kind: 'adagrad', lr: 1.5 }, [-4.4, 1.9]);
  assert.match(await status(page, 'ada'), new RegExp(`finished at step ${moved.finish}\\b`));
  assert.match(await page.evaluate(() => location.hash), /race\.w0=-4\.4&race\.b0=1\.9/);
  // a drag: the handle follows the pointer and the fields follow the handle
  const box = await handle.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  const w0 = Number(await page.locator(`${fig} input[data-field="w0"]`).inputValue());
  const b0 = Number(await page.locator(`${fig} input[data-field="b0"]`).inputValue());
  assert.ok(w0 > -4.4 && b0 < 1.9, `dragged to (${w0}, ${b0})`);
  const dragged = await coreRace(page, { kind: 'sgd', lr: 0.09 }, [w0, b0]);
  assert.match(await status(page, 'gd'), new RegExp(`finished at step ${dragged.finish}\\b`));
  // the legend is a set of toggles
  const toggle = page.locator(`${fig} .racer-toggle[data-racer="mom"]`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.match(await page.evaluate(() => location.hash), /race\.hide=mom/);
  await toggle.press('Enter');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // an edited address is applied without a reload
  await page.evaluate(() => { location.hash = 'race.ada=0.5&race.hide=adam'; });
  await page.waitForFunction(() => document.querySelector('#fig-race input[data-field="lr-ada"]').value === '0.5');
  const slow = await coreRace(page, { kind: 'adagrad', lr: 0.5 });
  assert.match(await status(page, 'ada'), slow.finish === null ? /^f = / : new RegExp(`finished at step ${slow.finish}\\b`));
  assert.equal(await page.locator(`${fig} .racer-toggle[data-racer="adam"]`).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('a bad entry shows its message beside the field and keeps the last good race', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const caption = await page.locator(`${fig} .race-caption`).textContent();
  const cases = [
    ['lr-ada', '-1', /^η must be above 0, got -1$/],
    ['lr-mom', '1e4', /^η must be at most 1000, got 1e4$/],
    ['w0', '7', /^start w₀ must be at most 5, got 7$/],  // the plot's edge
    ['lr-gd', 'NaN', /^η must be a finite number, got NaN$/],  // refused by the page, naming the field
    ['lr-adam', 'fast', /“fast” is not a number/],
    ['b0', 'inf', /^start b₀ must be a finite number, got inf$/],
    ['steps', '0', /^steps must be at least 1, got 0$/],
  ];
  for (const [name, value, expected] of cases) {
    const before = await page.locator(`${fig} input[data-field="${name}"]`).inputValue();
    const bad = await enter(page, name, value);
    assert.match(bad.message, expected, `${name} = "${value}"`);
    assert.equal(bad.invalid, true);
    assert.equal(bad.caption, caption, 'the last good race stays');
    const good = await enter(page, name, before);
    assert.deepEqual([good.message, good.invalid], ['', false]);
  }
  // and once as a person types it
  await setField(page, 'lr-ada', '-1');
  assert.match(await messageOf(page, 'lr-ada'), /η must be above 0, got -1/);
  await setField(page, 'lr-ada', '1.5');
  assert.equal(await messageOf(page, 'lr-ada'), '');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('gradient descent above η = 0.1 diverges: the page says at which step, never NaN', async () => {
  const { page, context } = await open(browser, { url: devPage });
  await setField(page, 'lr-gd', '0.2');
  await setField(page, 'steps', '1000');  // b grows threefold a step: it overflows after a few hundred
  const far = await coreRace(page, { kind: 'sgd', lr: 0.2 }, [-4.5, 2], 1000);
  assert.match(await status(page, 'gd'), new RegExp(`diverged at step ${far.divergedAt}`));
  assert.match(await page.locator(`${fig} .explain`).innerText(), new RegExp(`Gradient descent diverged at step ${far.divergedAt}`));
  assert.doesNotMatch(await page.locator(fig).innerText(), /NaN|undefined|Infinity/);
  await context.close();
});

test('Play animates all paths together; with reduced motion it jumps to the end', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  await page.click(`${fig} [data-action="reset"]`);
  assert.match(await status(page, 'ada'), /^f = 60\.3$/);  // 60.25, to three digits
  await page.selectOption(`${fig} select[data-field="speed"]`, '100');
  await page.click(`${fig} [data-action="play"]`);
  await page.locator(`${fig} .counter`).filter({ hasText: 'step 60 of 60' }).waitFor({ timeout: 10000 });
  await page.locator(`${fig} [data-action="play"]`).filter({ hasText: 'Play' }).waitFor();
  assert.deepEqual(problems(messages), []);
  await context.close();
  const calm = await open(browser, { url: devPage, reducedMotion: 'reduce' });
  await calm.page.click(`${fig} [data-action="reset"]`);
  await calm.page.click(`${fig} [data-action="play"]`);
  assert.match(await calm.page.locator(`${fig} .counter`).innerText(), /step 60 of 60/);
  await calm.context.close();
});

test('the words follow the run: at GD η = 0.11 the card, caption and text say it moves away; AdaGrad’s coordinates are timed', async () => {
  const { page, context, messages } = await open(browser, { url: devPage });
  const explain = () => page.locator(`${fig} .explain`).innerText();
  assert.match(await explain(), /AdaGrad[^]*Here b is within 0\.01 of 0 from step \d+ on and w is within 0\.01 of 0 from step \d+ on/);
  assert.doesNotMatch(await explain(), /arrive together|can never be longer than η|b explodes/);
  // the worked step at 60: every number whole and inside its panel (it read "new w … = −3" for −3.093e-7)
  await page.click(`${fig} [data-action="reset"]`);
  for (let i = 0; i < 60; i++) await page.click(`${fig} [data-action="step"]`);
  assert.match(await page.locator(`${fig} .formula`).innerText(), /=\s*−3\.093e-7/);
  const clipped = await page.$$eval(`${fig} .formula .formula-result`, (nodes) => nodes.filter((n) => {
    const panel = n.closest('figure, .panel, .formula') || document.body;
    return n.getBoundingClientRect().right > panel.getBoundingClientRect().right + 1;
  }).length);
  assert.equal(clipped, 0, 'a worked result runs past its panel');
  await setField(page, 'lr-gd', '0.11');
  assert.match(await status(page, 'gd'), /^moving away · f = /);
  assert.match(await page.locator(`${fig} .race-caption`).innerText(), /Gradient descent overshoots the steep b axis further on every step and moves away from the minimum/);
  assert.match(await explain(), /Gradient descent moves away from the minimum: f ends [\d.e]+ times where it started/);
  assert.doesNotMatch(await page.locator(`${fig} .race-caption`).innerText(), /creeps along w/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
