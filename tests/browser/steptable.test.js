// Figure 2: the manual step table, filled row by row, copied as CSV and Markdown.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems, httpUrl } = require('./helpers.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fig = '#table';
const flat = (text) => text.replace(/\s+/g, ' ').replace(/ G starts.*$/, '');
const column = (page, k) => page.$$eval(`${fig} tbody tr`, (rows, k) => rows.map((r) => r.children[k]?.textContent), k);
async function setField(page, name, value) {
  const input = page.locator(`${fig} input[data-field="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}

test('from x0 = 4 with η = 1 the new-x column reads 3, 2.4, 1.9673, every digit on hover', async () => {
  const { page, context, messages } = await open(browser);
  const newX = await column(page, 6);
  assert.equal(newX.length, 10);
  assert.deepEqual(newX.slice(0, 4), ['3', '2.4', '1.9673', '1.633']);
  assert.deepEqual((await column(page, 3)).slice(0, 3), ['64', '100', '123.04']);
  assert.equal(await page.locator(`${fig} tbody tr:nth-child(3) td:nth-child(7)`).getAttribute('title'), '1.9672689343004457');
  // and by a switch, for touch and keyboard: the cells themselves show every digit
  await page.locator(`${fig} input[data-field="all-digits"]`).check();
  assert.equal(await page.locator(`${fig} tbody tr:nth-child(3) td:nth-child(7)`).innerText(), '1.9672689343004457');
  await page.locator(`${fig} input[data-field="all-digits"]`).press('Space');
  assert.equal(await page.locator(`${fig} tbody tr:nth-child(3) td:nth-child(7)`).innerText(), '1.9673');
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('Next step fills one row at a time and the formula follows the current row', async () => {
  const { page, context } = await open(browser);
  await page.click(`${fig} [data-action="clear"]`);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 0);
  await page.click(`${fig} [data-action="next"]`);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 1);
  assert.match(flat(await page.locator(`${fig} .formula`).innerText()), /Step 1 of 10 .*− 0\.125 ⋅ 8 = 3$/m);
  await page.click(`${fig} [data-action="next"]`);
  await page.click(`${fig} [data-action="next"]`);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 3);
  const formula = flat(await page.locator(`${fig} .formula`).innerText());
  assert.match(formula, /Step 3 of 10/);
  assert.match(formula, /123\.04/);
  assert.match(formula, /new = 2\.4 − 0\.090152 ⋅ 4\.8 = 1\.9673$/);
  assert.equal(await page.locator(`${fig} tbody tr[aria-current]`).getAttribute('data-step'), '3');
  await context.close();
});

test('Copy as CSV puts every row with all digits on the clipboard; Markdown too', { skip: !httpUrl && 'needs http for the clipboard' }, async () => {
  const { page, context } = await open(browser, { url: httpUrl, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.click(`${fig} [data-action="copy-csv"]`);
  await page.locator(`${fig} .copy-status`).filter({ hasText: 'Copied 10 rows as CSV' }).waitFor();
  const csv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 11);
  assert.equal(lines[0], 'step,x,gradient,G,effective_rate,update,new_x');
  // every digit of the doubles the core computed (as JavaScript prints them back)
  assert.equal(lines[1], '1,4,8,64,0.12499999984374999,-0.9999999987499999,3.00000000125');
  const third = lines[3].split(',').map(Number);
  assert.equal(third[0], 3);
  assert.equal(third[1], 2.40000000169);
  assert.ok(Math.abs(third[6] - 1.96726893) < 1e-8, lines[3]);
  await page.click(`${fig} [data-action="copy-md"]`);
  await page.locator(`${fig} .copy-status`).filter({ hasText: 'as Markdown' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^\| step \| x \| gradient g = 2x \|/);
  assert.match(md, /\n\| 3 \| 2\.4 \| 4\.8 \| 123\.04 \|/);
  await context.close();
});

test('editing x0, η, ε or the placement recomputes the table; a bad ε keeps the last one', async () => {
  const { page, context } = await open(browser);
  await setField(page, 'x0', '2');
  assert.equal((await column(page, 6))[0], '1');
  await setField(page, 'eps', '0');
  assert.match(await page.locator(`${fig} .field:has(input[data-field="eps"]) .field-msg`).innerText(), /ε must be above 0, got 0/);
  assert.equal((await column(page, 6))[0], '1', 'the last good table stays');
  await setField(page, 'eps', '1e-8');
  await page.selectOption(`${fig} select[data-field="eps_placement"]`, 'inside');
  await setField(page, 'x0', '4');
  assert.deepEqual((await column(page, 6)).slice(0, 2), ['3', '2.4']);
  assert.match(await page.locator(`${fig} .formula msqrt`).first().textContent(), /1e-8/, 'ε now sits inside the root');
  await context.close();
});

test('Next step works from the first load: it moves the worked-out row on', async () => {
  const { page, context } = await open(browser);
  assert.equal(await page.locator(`${fig} tbody tr[aria-current]`).getAttribute('data-step'), '1');
  await page.click(`${fig} [data-action="next"]`);
  assert.equal(await page.locator(`${fig} tbody tr[aria-current]`).getAttribute('data-step'), '2');
  assert.match(flat(await page.locator(`${fig} .formula`).innerText()), /Step 2 of 10/);
  await context.close();
});

test('work it out yourself: rows stay hidden until predicted; right numbers reveal the row, wrong ones are marked', async () => {
  const { page, context, messages } = await open(browser, { hash: '#table.mode=practice' });
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 0, 'no row shown before a prediction');
  assert.match(await page.locator(`${fig} .practice-givens`).innerText(), /Step 1: x = 4, so g = 2x = 8/);
  const guess = (key, v) => page.locator(`${fig} input[data-field="guess-${key}"]`).fill(v);
  await guess('sum', '64'); await guess('effective_rate', '0.2'); await guess('x_new', '3');
  await page.click(`${fig} [data-action="check"]`);
  assert.match(await page.locator(`${fig} .practice-verdict`).innerText(), /2 of 3 right \(G, new x\)/);
  assert.match(await page.locator(`${fig} .field:has(input[data-field="guess-effective_rate"]) .field-msg`).innerText(), /not quite/);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 0, 'a wrong guess reveals nothing');
  await guess('effective_rate', '0.125');
  await page.click(`${fig} [data-action="check"]`);
  assert.match(await page.locator(`${fig} .practice-verdict`).innerText(), /All three right: step 1/);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 1);
  assert.match(await page.locator(`${fig} .practice-givens`).innerText(), /Step 2: x = 3\.0*\d*, so g = 2x = 6/);
  // the notes' rounded third row: 1.968 is within the tolerance of 1.96727, as a hand calculation should be
  await page.click(`${fig} [data-action="reveal"]`);
  await guess('sum', '123.04'); await guess('effective_rate', '0.090'); await guess('x_new', '1.968');
  await page.click(`${fig} [data-action="check"]`);
  assert.equal(await page.locator(`${fig} tbody tr[data-step]`).count(), 3);
  assert.ok(/step-table\.mode=practice/.test(await page.evaluate(() => location.hash)), 'the mode stays in the link');
  assert.deepEqual(problems(messages), []);
  await context.close();
});
