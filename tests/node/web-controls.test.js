// The older figures' form reading (web/src/ui/controls.js: spiral, race, valley): NaN, ±∞, an
// overflowing 1e400 and an empty field are refused with a message naming the field and the text
// (issue 14: spiral epochs=NaN made Play spin for ever, and NaN reached the counters and the link).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

let parseNumber, parseWhole, readForm;
test.before(async () => { ({ parseNumber, parseWhole, readForm } = await import('../../web/src/ui/controls.js')); });

test('parseNumber refuses every text that is not a finite number, naming the field and the text', () => {
  for (const [text, message] of [
    ['NaN', 'η must be a finite number, got NaN'], ['nan', 'η must be a finite number, got nan'],
    ['Infinity', 'η must be a finite number, got Infinity'], ['-inf', 'η must be a finite number, got -inf'],
    ['1e400', 'η must be a finite number, got 1e400'], ['-1e999', 'η must be a finite number, got -1e999'],
    ['', 'η: enter a number'], ['  ', 'η: enter a number'], ['0x10', 'η: “0x10” is not a number'],
  ]) assert.deepEqual(parseNumber(text, 'η'), { error: message }, text);
  assert.deepEqual(parseNumber(' 1e-3 ', 'η'), { value: 0.001 });
  assert.deepEqual(parseNumber('-0', 'η'), { value: -0 });
});

test('parseWhole: finite, whole and within the page’s limits', () => {
  assert.deepEqual(parseWhole('NaN', 'epochs', { min: 1 }), { error: 'epochs must be a finite whole number, got NaN' });
  assert.deepEqual(parseWhole('1e400', 'epochs', { min: 1 }), { error: 'epochs must be a finite whole number, got 1e400' });
  assert.deepEqual(parseWhole('2.5', 'epochs', { min: 1 }), { error: 'epochs must be a whole number, got 2.5' });
  assert.deepEqual(parseWhole('0', 'epochs', { min: 1 }), { error: 'epochs must be at least 1 on this page, got 0' });
  assert.deepEqual(parseWhole('7', 'epochs', { min: 1, max: 5 }), { error: 'epochs can be at most 5 on this page, got 7' });
  assert.deepEqual(parseWhole('3', 'epochs', { min: 1 }), { value: 3 });
});

test('readForm refuses a non-finite value whatever the parser, and marks the field', () => {
  const field = (text) => {
    const f = { name: 'noise', text, message: null, error(m) { f.message = m; }, ok() { f.message = ''; } };
    return f;
  };
  const lax = (t) => ({ value: parseFloat(t) });  // a parser that lets NaN and ∞ through
  for (const text of ['NaN', 'Infinity', '', '1e400']) {
    const f = field(text);
    assert.equal(readForm((read) => ({ noise: read(f, lax) })), null, text);
    assert.equal(f.message, `noise must be a finite number, got ${text || 'nothing'}`);
  }
  const good = field('0.5');
  assert.deepEqual(readForm((read) => ({ noise: read(good, lax) })), { noise: 0.5 });
  assert.equal(good.message, '');
});
