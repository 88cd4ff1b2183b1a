// Settings live in the URL: shared links reproduce a setup; hostile text is refused.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, open, problems } = require('./helpers.js');
const { openDev } = require('./fig-dev-page.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a change goes into the address, and opening that address restores it', async () => {
  const { page, context } = await open(browser);
  const lr = page.locator('#parabola input[data-field="lr"]');
  await lr.fill('0.5');
  await lr.press('Enter');
  await page.selectOption('#spiral select[data-field="cmp"]', 'adam');
  const hash = await page.evaluate(() => location.hash);
  // links name the figures by their readable names
  assert.match(hash, /parabola\.lr=0\.5/);
  assert.match(hash, /spiral\.cmp=adam/);
  await context.close();

  const second = await open(browser, { hash });
  assert.equal(await second.page.locator('#parabola input[data-field="lr"]').inputValue(), '0.5');
  assert.match(await second.page.locator('#parabola .explain').innerText(), /with η = 0\.5,/);
  assert.equal(await second.page.locator('#spiral select[data-field="cmp"]').inputValue(), 'adam');
  assert.deepEqual(problems(second.messages), []);
  await second.context.close();
});

test('the figures’ old short keys still work in links, and page.only shows and computes one figure', async () => {
  const { page, context, messages } = await open(browser, { hash: '#x2.lr=0.7&sp.cmp=adam&table.x0=2' });
  assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.7');
  assert.equal(await page.locator('#spiral select[data-field="cmp"]').inputValue(), 'adam');
  assert.equal(await page.locator('#link-notice').isHidden(), true);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /parabola\.lr=0\.7/);
  assert.match(hash, /spiral\.cmp=adam/);
  assert.match(hash, /step-table\.x0=2/);
  assert.doesNotMatch(hash, /(^|[#&])(x2|sp|table)\./, 'rewritten with the names');
  assert.deepEqual(problems(messages), []);
  await context.close();

  for (const only of ['spiral', 'sp', 'race']) {
    const one = await open(browser, { hash: `#page.only=${only}` });
    const shown = await one.page.$$eval('main section[data-figure]', (list) => list.filter((s) => s.offsetParent !== null).map((s) => s.dataset.figure));
    assert.deepEqual(shown, [only === 'race' ? 'race' : 'sp'], `page.only=${only}`);
    const computed = await one.page.$$eval('main section[data-figure] .figure-body', (list) => list.filter((b) => b.childElementCount > 0).map((b) => b.id));
    assert.deepEqual(computed, [only === 'race' ? 'fig-race' : 'fig-spiral'], 'only that figure is mounted');
    assert.deepEqual(problems(one.messages), []);
    await one.context.close();
  }
});

test('hostile text in the address is refused with a message and never executed', async () => {
  const hash = '#x2.lr=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&sp.hidden=8,%3Cb%3E&evil.key=1&table.x0=1e999999';
  let dialogs = 0;
  const { page, context, messages } = await open(browser, { hash });
  page.on('dialog', () => { dialogs++; });
  const notice = await page.locator('#link-notice').innerText();
  assert.match(notice, /Ignored “x2\.lr” from the link: “<img src=x onerror="window\.pwned=1">” is not a number/);
  assert.match(notice, /Ignored “sp\.hidden”/);
  assert.match(notice, /unknown setting “evil\.key”/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.1');
  // a well-formed number outside the setting's rule (it overflows to ∞): refused by the link's reader,
  // in the setting's own terms, and the default table shows
  assert.match(notice, /Ignored “table\.x0” from the link: “1e999999” is not a number from -1000000 to 1000000/);
  assert.equal(await page.locator('#table input[data-field="x0"]').inputValue(), '4');
  assert.equal(await page.locator('#table tbody tr[data-step]').count(), 10);
  assert.deepEqual(problems(messages), []);
  await context.close();
});

test('page.only shows one figure alone, for embedding', async () => {
  const { page, context } = await open(browser, { hash: '#page.only=table' });
  assert.equal(await page.locator('#table').isVisible(), true);
  assert.equal(await page.locator('#parabola').isVisible(), false);
  assert.equal(await page.locator('#spiral').isVisible(), false);
  assert.equal(await page.locator('.masthead').isVisible(), false);
  await context.close();
});

test('editing the address of an open page applies the new settings', async () => {
  const { page, context } = await open(browser);
  await page.evaluate(() => { location.hash = 'table.x0=2'; });
  await page.locator('#table input[data-field="x0"]').and(page.locator('[value]')).first().waitFor();
  await page.waitForFunction(() => document.querySelector('#table tbody tr td:nth-child(7)')?.textContent === '1');
  assert.equal(await page.locator('#table input[data-field="x0"]').inputValue(), '2');
  await context.close();
});

test('a link naming prototype keys is refused with a notice; every figure still renders', async () => {
  const keys = ['__proto__.toString', 'constructor.name', 'hasOwnProperty.length', 'valueOf.name'];
  for (const hash of [`#${keys.map((k) => `${k}=1`).join('&')}&x2.lr=0.5`, ...keys.map((k) => `#${k}=1`)]) {
    const { page, context, messages } = await open(browser, { hash });
    const notice = await page.locator('#link-notice').innerText();
    for (const key of keys) if (hash.includes(key)) assert.ok(notice.includes(`unknown setting “${key}”`), `${hash}: ${notice}`);
    if (hash.includes('x2.lr')) assert.equal(await page.locator('#parabola input[data-field="lr"]').inputValue(), '0.5');
    // every figure mounted and drew: none is left empty
    const empty = await page.$$eval('main section[data-figure] .figure-body', (list) => list.filter((d) => !d.querySelector('canvas, table, button')).map((d) => d.id));
    assert.deepEqual(empty, [], hash);
    assert.deepEqual(problems(messages), [], hash);
    await context.close();
  }
});

/** Whether each canvas in `selector` has been drawn on (not one colour all over), and the text. */
const drawn = (page, selector) => page.evaluate((selector) => {
  const root = document.querySelector(selector);
  const canvases = [...root.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0 && c.offsetParent);
  const blank = canvases.filter((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 4; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return false;
    }
    return true;
  }).length;
  return { canvases: canvases.length, blank, text: root.innerText };
}, selector);

test('links that once froze the tab in a tick loop load within seconds and draw their figure', async () => {
  // [link, the figure it is about, whether its rule accepts the value]: the two refused ones are
  // then shown at the largest value their rule allows
  const links = [
    ['#valley.noise=0', 'valley', true], ['#fading.w0=1e308', 'fading', false], ['#fading.w0=1e300', 'fading', true],
    ['#pitfall.x0=1e-320', 'pitfall', true], ['#update.lr=1e308', 'update', false], ['#update.lr=1e3&update.eps=1e-300', 'update', true],
    ['#x2.x0=1e-320', 'x2', true],
  ];
  for (const [hash, key, accepted] of links) {
    const started = Date.now();
    const { page, context, messages } = await openDev(browser, key, { hash });  // the figure alone
    assert.ok(Date.now() - started < 10000, `${hash} took ${Date.now() - started} ms`);
    const notice = await page.locator('#link-notice').innerText();
    if (accepted) assert.equal(notice, '', hash);
    else assert.match(notice, /^Ignored “[a-z0-9]+\.[a-z0-9]+” from the link: “1e308” is not a number from /, hash);
    const { canvases, blank, text } = await drawn(page, key === 'x2' ? '#fig-parabola' : `#fig-${key}`);
    assert.ok(canvases >= 1 && blank === 0, `${hash}: ${blank} of ${canvases} canvases blank`);
    assert.doesNotMatch(text, /NaN|undefined|Infinity/, hash);
    assert.deepEqual(problems(messages), [], hash);
    await context.close();
  }
});

test('typing 0 into the valley’s noise field draws the noiseless valley at once', async () => {
  const { page, context, messages } = await open(browser, { hash: '#valley' });
  const input = page.locator('#fig-valley input[data-field="noise"]');
  await input.fill('0');
  const started = Date.now();
  await input.press('Enter');
  await page.waitForFunction(() => location.hash.includes('valley.noise=0'), null, { timeout: 5000 });
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  assert.equal(await page.locator('#fig-valley input[data-field="noise"]').getAttribute('aria-invalid'), null);
  const { canvases, blank, text } = await drawn(page, '#valley');
  assert.ok(canvases >= 1 && blank === 0, `${blank} of ${canvases} canvases blank`);
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  // the least-squares loss is 0 here: the words say what "at the minimum" then means, and AdaGrad,
  // whose loss falls to 1e-32, is said to reach it (1% of 0 is no target)
  assert.match(text, /the lowest loss is 0/);
  assert.match(await page.locator('#fig-valley .race-caption').innerText(), /AdaGrad .*is at the minimum from step \d+/);
  assert.deepEqual(problems(messages), []);
  await context.close();
});
