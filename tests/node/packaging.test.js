// The module file as build-scripts/pack-wasm.js makes it: one script, no fetch, and a `source`
// that rebuilds the factory in a fresh global scope (what a Worker made from a Blob gets).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const vm = require('node:vm');
const { modulePath, loadLab } = require('./lab.js');

// What a dedicated worker's global scope offers the module (and no require, process or fetch).
function freshScope(extra = {}) {
  return vm.createContext({ atob, DecompressionStream, Response, TextDecoder, console, ...extra });
}

test('AdagradLab.source evaluated in a fresh global scope gives a factory that runs a step', async () => {
  const factory = require(modulePath);
  assert.strictEqual(typeof factory.source, 'string');
  const scope = freshScope();
  vm.runInContext('var AdagradLab = ' + factory.source + ';', scope);
  assert.strictEqual(typeof scope.AdagradLab, 'function');
  assert.strictEqual(typeof scope.AdagradLab.source, 'string', 'the copy can make another copy');
  const lab = await scope.AdagradLab();
  const opt = lab.createOptimizer({ kind: 'adagrad', lr: 0.5 });
  const params = new Float64Array([1, -2]), grad = [0.5, -4];
  opt.step(params, new Float64Array(grad));
  // AdaGrad's first step, in PyTorch's order: θ − lr / (√(g²) + ε) · g, with ε = 1e-10
  assert.deepStrictEqual(Array.from(params), [1, -2].map((p, i) => p + -(0.5 / (Math.sqrt(grad[i] * grad[i]) + 1e-10)) * grad[i]));
  opt.delete();
  // and the same numbers as the module loaded with require()
  const here = await loadLab();
  // (compared as text: the rows' objects belong to the other realm)
  assert.strictEqual(JSON.stringify(lab.stepTable({ x0: 4, lr: 1, steps: 3 })), JSON.stringify(here.stepTable({ x0: 4, lr: 1, steps: 3 })));
  assert.throws(() => lab.stepTable({ lr: -1 }), (e) => e.message === 'lr must be finite and > 0, got -1');
});

test('without DecompressionStream the factory says what it needs', async () => {
  const scope = freshScope({ DecompressionStream: undefined });
  vm.runInContext('var AdagradLab = ' + require(modulePath).source + ';', scope);
  await assert.rejects(scope.AdagradLab(), /^Error: AdagradLab needs DecompressionStream and Response to unpack its WebAssembly/);
});

test('the module file fetches nothing: no data: URL, its WebAssembly passed as wasmBinary', async () => {
  const text = fs.readFileSync(modulePath, 'utf8');
  assert.doesNotMatch(text, /data:application\/octet-stream;base64,[A-Za-z0-9+/]/, 'no inlined data: URL for the loader to fetch');
  let fetched = 0;
  const scope = freshScope({ fetch: () => { fetched++; return Promise.reject(new Error('no fetch')); },
    XMLHttpRequest: function () { fetched++; throw new Error('no XHR'); } });
  vm.runInContext(text, scope);
  const lab = await scope.AdagradLab();
  assert.strictEqual(lab.stepTable({ steps: 2 }).length, 2);
  assert.strictEqual(fetched, 0);
});
