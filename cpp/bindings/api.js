// api.js: the JS layer over bindings.cpp, linked into adagrad_lab.js with --post-js.
//
// The C++ side never throws into JS (a JS exception unwinding WASM frames leaks heap and stack):
// a failed call leaves its message in Module._errorSlot and returns. Here every entry point
// Embind registered is found and wrapped to throw that message as a real Error, and the classes
// get their constructors:
//   new lab.Network({...}), new lab.TrainingRun({...}); lab.createOptimizer({...}).
// Objects made here own C++ memory: call .delete() when done (Embind's rule).

Module['_errorSlot'] = { message: null };

// What may cross into WASM in one call (docs/api.md, "Limits").
// The longest text: converting a string allocates its bytes in the WASM heap.
var MAX_TEXT = 1000000;
// The longest array: the core's kMaxValues (cpp/core/check.hpp), no array of the core holds more.
var MAX_VALUES = 33554432;
// All the values of one call's arguments together (array elements and option keys): a few
// arrays at the limit, never the product of a hostile nesting.
var MAX_CALL_VALUES = 4 * MAX_VALUES;
// Option objects nest two deep (TrainingRun → network → layers); anything deeper is not read.
var MAX_DEPTH = 4;

function adagradLabInstall() {
  const slot = Module['_errorSlot'];

  // ---- arguments become plain values, in JS, before anything enters WASM ----------------------
  //
  // Every getter, Proxy trap or toString a caller planted runs now: if it throws, or deletes the
  // object being called, nothing in WASM is half done (no stack, heap or handle left behind, no
  // freed object in use), and what the C++ side then reads cannot run code. Typed arrays are read
  // through the engine's own accessors, never through properties a caller can redefine.
  const TypedArray = Object.getPrototypeOf(Int8Array);
  const intrinsic = (key) => Object.getOwnPropertyDescriptor(TypedArray.prototype, key).get;
  const typedArrayName = intrinsic(Symbol.toStringTag);  // undefined for anything else, Proxies too
  const typedArrayBuffer = intrinsic('buffer');
  const typedArrayOffset = intrinsic('byteOffset');
  const typedArrayLength = intrinsic('length');
  const typedArraySet = TypedArray.prototype.set;
  const typedArrays = {};
  for (const name of ['Float64Array', 'Float32Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
    'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']) {
    if (typeof globalThis[name] === 'function') typedArrays[name] = globalThis[name];
  }
  const isArray = Array.isArray, ownKeys = Object.keys, getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;

  function tooLong(field, n) {
    return new Error(field + ' must hold at most ' + MAX_VALUES + ' values, got ' + n);
  }
  function count(budget, n, call) {
    if ((budget.values += n) > MAX_CALL_VALUES)
      throw new Error(call + ': the arguments hold more than ' + MAX_CALL_VALUES + ' values in all');
  }
  function text(s, field, budget) {
    if (s.length > MAX_TEXT) throw new Error(field + ' must be at most ' + MAX_TEXT + ' characters long, got ' + s.length);
    budget.text += s.length;
    return s;
  }

  // A typed array: a new view of the same memory, made by the intrinsic constructor (no copy, so
  // step() writes straight into it), or a copy when it lies in WASM memory, which may move.
  function typedView(v, name, field) {
    const n = typedArrayLength.call(v);
    if (n > MAX_VALUES) throw tooLong(field, n);
    const buffer = typedArrayBuffer.call(v);
    if (buffer === HEAP8.buffer) return new typedArrays[name](v);
    return new typedArrays[name](buffer, typedArrayOffset.call(v), n);
  }

  // An element of an array: no call takes arrays of arrays or of objects, so those are replaced
  // by an empty one of the same kind, which the C++ side describes the same way in its message.
  function element(x, field, i, budget) {
    switch (typeof x) {
      case 'number': return x;
      case 'string': return text(x, field + '[' + i + ']', budget);
      case 'function': return function () {};
      case 'object': return x === null ? x : isArray(x) ? [] : {};
      default: return x;
    }
  }

  function plain(v, field, budget, depth, call) {
    switch (typeof v) {
      case 'string': return text(v, field, budget);
      case 'function': return function () {};  // the C++ side only asks its type
      case 'object': if (v !== null) break;  // falls through for null
      default: return v;  // number, boolean, undefined, null, symbol, bigint: nothing can run
    }
    const name = typedArrayName.call(v);
    if (name !== undefined) return typedView(v, name, field);
    if (isArray(v)) {
      if (depth >= MAX_DEPTH) return [];
      const n = v.length;
      if (!(n <= MAX_VALUES)) throw tooLong(field, n);
      count(budget, n, call);
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = element(v[i], field, i, budget);
      return out;
    }
    // Any other object (a Proxy, a class instance, a Map…) as a plain object of its own keys.
    if (depth >= MAX_DEPTH) return {};
    const out = {};
    for (const key of ownKeys(v)) {
      count(budget, 1, call);
      budget.text += key.length;  // too many in all is reported by plainArguments, naming the argument
      Object.defineProperty(out, key, {  // not out[key] = …: '__proto__' must stay a key
        value: plain(v[key], key, budget, depth + 1, call), enumerable: true, writable: true, configurable: true,
      });
    }
    return out;
  }

  // The arguments of one call, each named as the C++ side names it in its messages.
  function plainArguments(args, names, call) {
    const budget = { text: 0, values: 0 };
    const out = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const field = (names && names[i]) || 'argument ' + (i + 1);
      budget.text = 0;  // the characters of one argument, its option names included
      out[i] = plain(args[i], field, budget, 0, call);
      if (budget.text > MAX_TEXT)
        throw new Error(field + ' must hold at most ' + MAX_TEXT + ' characters in all, got ' + budget.text);
    }
    return out;
  }

  // ---- the call itself ------------------------------------------------------------------------

  // The 3.1.6 glue writes through whatever malloc returns, null included (a string's bytes on
  // their way to C++, a C++ exception's header), which overwrites the start of WASM memory and
  // breaks every later call. A failed allocation throws instead: that call fails, the module
  // goes on working.
  const outOfMemory = new Error('out of memory');
  _free(_malloc(1));  // the first call resolves the lazy export: `_malloc` is now the real one
  const rawMalloc = _malloc;
  _malloc = function (size) {
    const ptr = rawMalloc(size);
    if (ptr === 0) throw outOfMemory;
    return ptr;
  };
  function outOfMemoryError(call) {
    return new Error(call + ': out of memory (the module can use at most 2 GiB); use smaller sizes, ' +
                     'or delete() objects no longer needed');
  }

  // Calls fn with arguments already plain; if the C++ side reported an error, throws it as an Error.
  function callRaw(fn, self, args, call) {
    const sp = stackSave();
    let result;
    try {
      result = fn.apply(self, args);
    } catch (e) {
      stackRestore(sp);  // a JS exception that crossed WASM frames left them on the stack
      if (e === outOfMemory) throw outOfMemoryError(call);
      throw e;
    }
    if (slot.message !== null) {
      const message = slot.message;
      slot.message = null;
      throw message === 'out of memory' ? outOfMemoryError(call) : new Error(message);
    }
    return result;
  }

  // Every wrapper made here, so that tests can prove nothing Embind registered is left bare.
  const wrapped = new WeakSet();
  function guard(fn, call, names, arity) {
    const wrapper = function () {
      const args = plainArguments(arguments, names, call);
      // Missing trailing arguments arrive as undefined, which the C++ side reads as "absent"
      // (an optional grid) or refuses naming the argument ("x must be ..., got undefined").
      while (args.length < arity) args.push(undefined);
      return callRaw(fn, this, args, call);
    };
    wrapped.add(wrapper);
    return wrapper;
  }

  // ---- every entry point Embind registered, wrapped -------------------------------------------
  //
  // Found by walking what Embind made (a free function or method carries Embind's argCount, a
  // class's prototype is a ClassHandle), never from a list kept here: a binding cannot be left
  // unwrapped, where it would return undefined and leave its message for an unrelated call to
  // throw. The arguments' names come from bindings.cpp, written there beside each registration.
  const named = Module['_surface']();
  delete Module['_surface'];
  const isEmbindFunction = (f) => typeof f === 'function' && Number.isInteger(f.argCount);
  const isEmbindClass = (f) => typeof f === 'function' && f.prototype instanceof ClassHandle;
  // What was wrapped, each with its arguments' names: {functions, constructors, classes}. An
  // entry point bindings.cpp did not name is still wrapped, its arguments called "argument 1"…,
  // and listed in `unnamed` (tests/node/surface.test.js fails on it).
  const entryPoints = { functions: {}, constructors: {}, classes: {}, unnamed: [] };
  function argumentNames(names, fn, call) {
    if (names && names.length === fn.argCount) return names;
    entryPoints.unnamed.push(call);
    return [];
  }

  const classNames = Object.keys(Module).filter((key) => isEmbindClass(Module[key]));
  const factoryPrefix = '_create';  // bindings.cpp's _createX is the constructor of class X
  for (const name of Object.keys(Module)) {
    const fn = Module[name];
    if (!isEmbindFunction(fn)) continue;
    if (name.startsWith(factoryPrefix) && classNames.includes(name.slice(factoryPrefix.length))) continue;
    const names = argumentNames(named.functions[name], fn, name);
    Module[name] = guard(fn, name, names, fn.argCount);
    entryPoints.functions[name] = names;
  }

  // Methods: every method Embind declared on each class's prototype.
  const rawMethods = {};
  for (const cls of classNames) {
    const proto = Module[cls].prototype;
    entryPoints.classes[cls] = {};
    rawMethods[cls] = {};
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = proto[name];
      if (name === 'constructor' || !isEmbindFunction(fn)) continue;
      const names = argumentNames((named.classes[cls] || {})[name], fn, cls + '.' + name);
      rawMethods[cls][name] = fn;
      proto[name] = guard(fn, cls + '.' + name, names, fn.argCount);
      entryPoints.classes[cls][name] = names;
    }
  }

  // Constructors: `new lab.Network(options)` calls _createNetwork and returns an Embind object
  // of class Network. A class without a factory (Optimizer: lab.createOptimizer) keeps Embind's
  // constructor, which refuses in JS before anything enters WASM, wrapped like the rest.
  for (const cls of classNames) {
    const prototype = Module[cls].prototype;
    const factoryName = factoryPrefix + cls;
    const raw = Module[factoryName];
    let ctor;
    if (isEmbindFunction(raw)) {
      const names = argumentNames(named.functions[factoryName], raw, cls);
      const factory = guard(raw, cls, names, raw.argCount);
      ctor = {
        [cls]: function () {
          if (!new.target) throw new TypeError(cls + ' must be called with new');
          return factory.apply(undefined, arguments);
        },
      }[cls];
      delete Module[factoryName];
      entryPoints.constructors[cls] = names;
    } else {
      const embind = Module[cls];
      ctor = { [cls]: function () { return callRaw(embind, this, Array.from(arguments), cls); } }[cls];
      entryPoints.constructors[cls] = null;  // none: objects of this class come from a function
    }
    ctor.prototype = prototype;
    wrapped.add(ctor);
    Module[cls] = ctor;
  }
  Module['_entryPoints'] = entryPoints;
  Module['_isWrapped'] = (f) => wrapped.has(f);

  // step(params, grad) writes the new values back into params, so params must be able to hold
  // them: a Float64Array (passed as a view of its own memory, written in place) or an array of
  // writable numbers (passed as a copy, written back afterwards).
  function writableCopy(params) {
    if (Object.isFrozen(params) && params.length > 0)
      throw new Error('params is frozen: step() writes the new values back into it');
    const n = params.length;
    if (!(n <= MAX_VALUES)) throw tooLong('params', n);
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const d = getOwnPropertyDescriptor(params, i);
      if (d === undefined) continue;  // a hole: refused by the C++ side as params[i], undefined
      if (!('value' in d)) throw new Error('params[' + i + '] is a getter, not a number: step() writes the new values back into params');
      if (!d.writable) throw new Error('params[' + i + '] is read-only: step() writes the new values back into params');
      out[i] = typeof d.value === 'number' ? d.value : element(d.value, 'params', i, { text: 0 });
    }
    return out;
  }
  const rawStep = rawMethods['Optimizer']['step'];
  const step = function (params, grad) {
    const name = typedArrayName.call(params);
    if (name !== undefined && name !== 'Float64Array')
      throw new Error('params must be a Float64Array or an array of numbers, got ' + name + ': step() writes the new values back into it');
    const p = name === undefined && isArray(params) ? writableCopy(params) : plainArguments([params], ['params'], 'Optimizer.step')[0];
    const g = plainArguments([grad], ['grad'], 'Optimizer.step')[0];
    const result = callRaw(rawStep, this, [p, g], 'Optimizer.step');
    if (name === undefined && isArray(params)) {
      // Reflect.set reports a write that did not happen (a Proxy's trap refused it), which a plain
      // assignment outside strict mode would pass over in silence.
      for (let i = 0; i < p.length; i++)
        if (!Reflect.set(params, i, p[i])) throw new Error('params[' + i + '] could not be written back: step() writes the new values back into params');
    } else if (name !== undefined && typedArrayBuffer.call(p) !== typedArrayBuffer.call(params)) typedArraySet.call(params, p);
    return result;
  };
  wrapped.add(step);
  Module['Optimizer'].prototype.step = step;
}

// Embind declares everything while the runtime initializes; wrap before the promise's callers run.
addOnPostRun(adagradLabInstall);
