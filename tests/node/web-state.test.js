// The address reader (web/src/state.js) against hostile keys: own properties only, and a refusal
// is a message, never an exception (issue 14: "#__proto__.toString=1" blanked the lesson); and
// its writer, which never writes what the reader refuses (issue 14: the page wrote
// "#text.epochs=NaN", which its own reader then refused).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

let readHash, writeHash, registerSchemas, schema, stateModule;
test.before(async () => {
  stateModule = await import('../../web/src/state.js');
  ({ readHash, writeHash, registerSchemas, schema } = stateModule);
  registerSchemas([{ key: 'x2', schema: (await import('../../web/src/figures/parabola/settings.js')).settings.schema }]);
});

test('prototype keys are unknown settings, refused with a message; the rest of the link still applies', () => {
  for (const key of ['__proto__.toString', 'constructor.name', 'hasOwnProperty.length', 'valueOf.name', 'x2.__proto__', 'x2.constructor', 'toString.x']) {
    const { state, refused } = readHash(`#${key}=1&x2.lr=0.5`);
    assert.deepEqual(refused, [`Ignored the unknown setting “${key}” in the link.`], key);
    assert.equal(state.x2.lr, '0.5', key);
  }
});

test('a rule that throws refuses its value instead of throwing', () => {
  schema.evil = { bad: { pattern: { test() { throw new Error('boom'); } }, what: 'anything' } };
  try {
    const { refused } = readHash('#evil.bad=1');
    assert.match(refused[0], /Ignored “evil\.bad” from the link: “1” is not anything/);
  } finally { delete schema.evil; }
});

test('what the page writes, its reader accepts', () => {
  const hash = writeHash({ x2: { lr: '0.3', steps: '20' } }, { x2: { lr: '0.1', steps: '50' } });
  const { state, refused } = readHash(`#${hash}`);
  assert.deepEqual(refused, []);
  assert.deepEqual(state.x2, { lr: '0.3', steps: '20' });
});

test('the page never writes a value its reader would refuse, and keeps the last good one instead', () => {
  const defaults = { x2: { lr: '0.1', steps: '50' } };
  for (const bad of ['NaN', 'Infinity', '-Infinity', '', '1e400', 'abc']) {
    const hash = writeHash({ x2: { lr: bad, steps: '20' } }, defaults);
    assert.equal(hash, 'x2.steps=20', `lr=${bad}`);
    assert.deepEqual(readHash(`#${hash}`).refused, [], `lr=${bad}`);
  }
  // a figure reports its fields' texts: one still reading NaN keeps the value last written
  const { keepAccepted } = stateModule;
  const current = keepAccepted('x2', { lr: '0.3', steps: '20' }, defaults.x2);
  assert.deepEqual(keepAccepted('x2', { lr: 'NaN', steps: '30' }, current), { lr: '0.3', steps: '30' });
  assert.deepEqual(keepAccepted('x2', { lr: '0.5', constructor: '1', __proto__: { steps: 'x' } }, current), { lr: '0.5', steps: '20' });
  assert.equal(writeHash({ x2: keepAccepted('x2', { lr: 'NaN' }, current) }, defaults), 'x2.lr=0.3&x2.steps=20');
});
