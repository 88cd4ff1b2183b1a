// The JS surface comes from one source: api.js wraps whatever Embind registered (it walks the
// module), with the argument names bindings.cpp writes beside each registration. Here the
// surface is enumerated from the module and every function, constructor and method is shown
// to be wrapped: a failing call throws an Error naming its argument, and leaves nothing in
// _errorSlot for the next, unrelated call to throw.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');
const { entryPoints, objects, example, invoke } = require('./surface.js');

const isEmbindMade = (f) => typeof f === 'function' && Number.isInteger(f.argCount);  // Embind's own mark
const isClass = (f) => typeof f === 'function' && f.prototype && typeof f.prototype.isDeleted === 'function';

test('nothing Embind registered is left unwrapped, and every argument is named by bindings.cpp', async () => {
  const lab = await loadLab();
  const e = lab._entryPoints;
  assert.deepEqual(e.unnamed, [], 'entry points bindings.cpp registered without argument names');
  const classes = Object.keys(lab).filter((k) => isClass(lab[k])).sort();
  assert.deepEqual(classes, Object.keys(e.classes).sort());
  assert.deepEqual(Object.keys(e.constructors).sort(), classes);
  for (const key of Object.keys(lab)) {
    assert.ok(!isEmbindMade(lab[key]), `lab.${key} is Embind's own function, not wrapped`);
    if (key in e.functions || classes.includes(key)) assert.ok(lab._isWrapped(lab[key]), `lab.${key} is wrapped`);
  }
  for (const cls of classes) {
    const proto = lab[cls].prototype;
    const methods = Object.getOwnPropertyNames(proto).filter((k) => k !== 'constructor' && typeof proto[k] === 'function');
    assert.deepEqual(methods.sort(), Object.keys(e.classes[cls]).sort(), `${cls}'s methods`);
    for (const m of methods) assert.ok(lab._isWrapped(proto[m]) && !isEmbindMade(proto[m]), `${cls}.${m} is wrapped`);
  }
  // the factories became constructors and are gone; no Embind function is left on the module
  assert.deepEqual(Object.keys(lab).filter((k) => k.startsWith('_create') || k === '_surface'), []);
  // every wrapped free function is listed
  const wrappedFunctions = Object.keys(lab).filter((k) => lab._isWrapped(lab[k]) && !classes.includes(k));
  assert.deepEqual(wrappedFunctions.sort(), Object.keys(e.functions).sort());
});

test('every entry point has a valid example call, and it works', async () => {
  const lab = await loadLab();
  for (const entry of entryPoints(lab)) {
    if (entry.call === 'new Optimizer') continue;  // no constructor: lab.createOptimizer makes them
    const args = example(entry);
    assert.ok(args, `tests/node/surface.js has no example call of ${entry.call}`);
    const self = entry.kind === 'method' ? objects[entry.cls](lab) : undefined;
    const result = invoke(lab, entry, args, self);
    assert.equal(lab._errorSlot.message, null);
    if (result && typeof result.delete === 'function') result.delete();
    if (self) self.delete();
  }
});

test('a failing call of every entry point throws an Error naming its argument and leaves _errorSlot clear', async () => {
  const lab = await loadLab();
  const entries = entryPoints(lab);
  let failing = 0;
  for (const entry of entries) {
    const self = entry.kind === 'method' ? objects[entry.cls](lab) : undefined;
    // A symbol is refused by the C++ side for every argument, whose name starts the message.
    if (entry.args.length > 0) {
      assert.throws(() => invoke(lab, entry, entry.args.map(() => Symbol('no')), self),
        (err) => err instanceof Error && err.message.startsWith(entry.args[0] + ' ') ? true : assert.fail(`${entry.call}: ${err.message}`));
      failing++;
    }
    assert.equal(lab._errorSlot.message, null, entry.call);
    // the next, unrelated call does not throw the message of this one
    assert.equal(lab.optionNames('sgd').length, 5, `after ${entry.call}`);
    if (self) {
      self.delete();
      // a deleted object: Embind refuses in JS, before anything enters WASM
      assert.throws(() => invoke(lab, entry, example(entry) || [], self), Error, entry.call + ' on a deleted object');
      assert.equal(lab._errorSlot.message, null, entry.call);
      failing++;
    }
  }
  assert.throws(() => new lab.Optimizer(), /Optimizer has no accessible constructor/);
  assert.throws(() => lab.Network({}), /^TypeError: Network must be called with new$/);
  assert.ok(failing >= entries.length - 2, `${failing} failing calls for ${entries.length} entry points`);
});
