// Errors leave nothing behind: for every entry point the module has (enumerated from it, so a new
// one is covered without editing this file), calls made to fail in every way we know (throwing
// getters, Proxies whose traps throw, wrong types, NaN/±inf/0/negative/huge values, wrong sizes,
// unknown options, missing arguments, a deleted object) leave the WASM stack pointer, malloc's
// bytes in use and Embind's handle count exactly where they were, and the module answers right.
// Each case is made once to warm up, then REPEAT more times, and the counters are compared.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');
const { entryPoints, objects, example, invoke } = require('./surface.js');

// Calls per case after its warm-up. The counters are exact (bytes, the stack pointer, handles), so a
// leak of one byte a call shows; 200 × 2,300 cases is ~470,000 calls.
const REPEAT = Number(process.env.ADAGRAD_LEAK_REPEAT || 200);
const snapshot = (lab) => ({ stack: lab.stackSave(), heap: lab.heapInUse(), handles: lab.count_emval_handles() });

const thrower = () => { throw new Error('hostile'); };
const throwingTraps = Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set', 'apply']
  .map((trap) => [trap, thrower]));
/** Whole-argument replacements: each cause, whatever the argument's type. */
function hostileValues() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  class WithGetter { constructor() { Object.defineProperty(this, 'kind', { enumerable: true, get: thrower }); } }
  return {
    'a throwing getter': { get kind() { return thrower(); } },
    'a class instance whose getter throws': new WithGetter(),
    'a Proxy whose traps throw': new Proxy({}, throwingTraps),
    'a Proxy of an array whose traps throw': new Proxy([1, 2], throwingTraps),
    'a revoked Proxy': revoked.proxy,
    'an array with a throwing element': Object.defineProperty([1, 2], 1, { get: thrower, enumerable: true }),
    'a string': 'x', 'a huge string': 'x'.repeat(1000001), NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, 0: 0, '-1': -1,
    '1e308': 1e308, '2^32': 2 ** 32, null: null, undefined: undefined, true: true, 'a symbol': Symbol('s'), 'a bigint': 10n,
    'a function': () => 1, 'an array of objects': [{}, []], 'a Float32Array': new Float32Array(3), 'a BigInt64Array': new BigInt64Array(2),
    'a sparse array of 2^32 - 1': Object.assign([], { length: 2 ** 32 - 1 }),
    'a typed array past the limit': new Float64Array(2 ** 25 + 1),
  };
}

/** Every leaf of the example changed in every way: [label, args]. */
function* mutations(args) {
  const clone = (v) => (ArrayBuffer.isView(v) ? v.slice() : Array.isArray(v) ? v.map(clone)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) : v);
  // paths to every value inside the arguments
  const paths = [];
  const walk = (v, path) => {
    paths.push(path);
    if (v && typeof v === 'object' && !ArrayBuffer.isView(v) && !Array.isArray(v)) for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  args.forEach((a, i) => walk(a, [i]));
  const at = (root, path) => path.slice(0, -1).reduce((o, k) => o[k], root);
  for (const path of paths) {
    const original = at(args, path)[path[path.length - 1]];
    const set = (label, make) => {
      const copy = clone(args);
      make(at(copy, path), path[path.length - 1]);
      return [`${path.join('.')}: ${label}`, copy];
    };
    if (typeof original === 'number') {
      for (const v of [NaN, Infinity, -Infinity, 0, -1, -0.5, 1e308, 2 ** 53, 2 ** 32 + 3, 'text'])
        yield set(String(v), (o, k) => { o[k] = v; });
    }
    if (Array.isArray(original) || ArrayBuffer.isView(original)) {
      const values = Array.from(original);
      yield set('one value short', (o, k) => { o[k] = values.slice(1); });
      yield set('one value more', (o, k) => { o[k] = [...values, values[0]]; });
      yield set('empty', (o, k) => { o[k] = []; });
      yield set('NaN inside', (o, k) => { o[k] = values.map((x, i) => (i === values.length - 1 ? NaN : x)); });
      yield set('a string inside', (o, k) => { o[k] = values.map((x, i) => (i === 0 ? 'x' : x)); });
    }
    if (original && typeof original === 'object' && !Array.isArray(original) && !ArrayBuffer.isView(original)) {
      yield set('an unknown option', (o, k) => { o[k] = { ...o[k], no_such_option: 1 }; });
      for (const key of Object.keys(original))
        yield set(`a throwing getter for ${key}`, (o, k) => { Object.defineProperty(o[k], key, { get: thrower, enumerable: true }); });
      yield set('a Proxy whose traps throw', (o, k) => { o[k] = new Proxy(o[k], throwingTraps); });
    }
    if (path.length > 1) yield set('missing', (o, k) => { delete o[k]; });
  }
  if (args.length > 0) yield ['no arguments', []];
  yield ['an argument too many', [...args, 1]];
}

const hostile = hostileValues();  // made once: one of them is a 256 MiB typed array
function cases(lab, entry) {
  const args = example(entry) || [];
  const out = [];
  entry.args.forEach((name, i) => {
    for (const [label, v] of Object.entries(hostile)) {
      const a = args.slice();
      a[i] = v;
      out.push([`${name}: ${label}`, a]);
    }
  });
  out.push(...mutations(args));
  return out;
}

test('every entry point, made to fail every way, leaves stack, heap and handles unchanged', async () => {
  const lab = await loadLab();
  const entries = entryPoints(lab);
  for (const entry of entries) {  // warm-up: one-time allocations (the C++ side caches a handle to Float64Array)
    const self = entry.kind === 'method' ? objects[entry.cls](lab) : undefined;
    try { const r = invoke(lab, entry, example(entry) || [], self); if (r && r.delete) r.delete(); } catch { /* new Optimizer */ }
    if (self) self.delete();
  }
  const start = snapshot(lab);
  let calls = 0, kinds = 0;
  for (const entry of entries) {
    // objects made for a method's calls; a call that succeeds may leave an object to delete
    const self = entry.kind === 'method' ? objects[entry.cls](lab) : undefined;
    const run = (args) => {
      let result;
      try { result = invoke(lab, entry, args, self); } catch (e) {
        assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${entry.call}: ${e}`);
        return;
      }
      if (result && typeof result.delete === 'function') result.delete();
    };
    const all = cases(lab, entry);
    if (self && entry.args.length > 0) {
      // a getter that deletes the object being called
      const doomed = objects[entry.cls](lab);
      const deleter = { get kind() { if (!doomed.isDeleted()) doomed.delete(); return 'x'; } };
      all.push(['a getter deleting the object', entry.args.map(() => deleter), doomed]);
    }
    for (const [label, args, on] of all) {
      const call = () => (on ? (() => { try { invoke(lab, entry, args, on); } catch (e) { assert.ok(e instanceof Error, String(e)); } })() : run(args));
      call();  // warm-up: one-time allocations (a cached constructor, a grown free list)
      const before = snapshot(lab);
      for (let i = 0; i < REPEAT; i++) call();
      assert.deepEqual(snapshot(lab), before, `${entry.call}, ${label}: ${REPEAT} calls changed the module's memory`);
      calls += REPEAT + 1;
      kinds++;
    }
    if (self) {
      self.delete();
      const before = snapshot(lab);
      for (let i = 0; i < REPEAT; i++) assert.throws(() => invoke(lab, entry, example(entry) || [], self), Error);
      assert.deepEqual(snapshot(lab), before, `${entry.call} on a deleted object`);
      calls += REPEAT;
      kinds++;
    }
  }
  // The module answers right, and everything made and deleted above is gone.
  assert.equal(lab.stepTable({ x0: 4, lr: 1, steps: 3 })[2].x_new.toFixed(5), '1.96727');
  assert.deepEqual(snapshot(lab), start, 'after all the cases');
  assert.equal(lab._errorSlot.message, null);
  test.diagnostic?.(`${entries.length} entry points, ${kinds} cases, ${calls} calls`);
  console.log(`# leaks: ${entries.length} entry points, ${kinds} cases, ${calls} calls`);
});
