// Shared by the node suites: loads the WASM module once per test file and finds the repo's files.
'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
/** The module under test: $ADAGRAD_WASM_MODULE, default build/wasm/adagrad_lab.js. */
const modulePath = path.resolve(root, process.env.ADAGRAD_WASM_MODULE || 'build/wasm/adagrad_lab.js');

let instance;
/** The instantiated module (one per process). */
function loadLab() {
  if (!instance) instance = require(modulePath)();
  return instance;
}

/** Throws unless fn throws an Error whose message is exactly `message`. */
function throwsMessage(assert, fn, message) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `expected an Error, got ${typeof e}: ${e}`);
    assert.strictEqual(e.message, message);
    return true;
  });
}

module.exports = { root, modulePath, loadLab, throwsMessage };
