// api.js: the JS layer over bindings.cpp, linked into adagrad_lab.js with --post-js.
//
// The C++ side never throws into JS (a JS exception unwinding WASM frames leaks heap and stack):
// a failed call leaves its message in Module._errorSlot and returns. Here every entry point is
// wrapped to throw that message as a real Error, and the classes get their constructors:
//   new lab.Network({...}), new lab.TrainingRun({...}); lab.createOptimizer({...}).
// Objects made here own C++ memory: call .delete() when done (Embind's rule).

Module['_errorSlot'] = { message: null };

// The longest text that may cross into WASM: converting a string allocates its bytes in the WASM
// heap, and the 3.1.6 glue writes to a failed (null) allocation, overwriting the start of memory.
var MAX_TEXT = 1000000;

function adagradLabInstall() {
  const slot = Module['_errorSlot'];

  // Arguments become plain values here, in JS, before anything enters WASM: a getter or a Proxy
  // trap runs now (if it deletes the object being called, or throws, nothing in WASM is half
  // done: no stack, heap or handle is left behind), and a text too long to convert is refused.
  function plain(v, where, depth) {
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) throw new Error(where + ': a text of ' + v.length + ' characters is longer than the limit of ' + MAX_TEXT);
      return v;
    }
    if (v === null || typeof v !== 'object' || depth > 8) return v;
    if (ArrayBuffer.isView(v)) return typeof v.slice === 'function' ? v.slice() : v;
    if (Array.isArray(v)) return Array.prototype.map.call(v, function (x) { return plain(x, where, depth + 1); });
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;  // an Embind object, a Map…: as it is
    const out = {};
    for (const key of Object.keys(v)) out[key] = plain(v[key], where, depth + 1);
    return out;
  }

  // Calls fn; if the C++ side reported an error, throws it as an Error.
  function guard(fn, arity, name, copy) {
    return function () {
      const args = copy === false ? Array.prototype.slice.call(arguments)
        : Array.prototype.map.call(arguments, function (a) { return plain(a, name, 0); });
      // Optional trailing arguments arrive as undefined, which the C++ side reads as "absent".
      if (arity !== undefined) while (args.length < arity) args.push(undefined);
      const result = fn.apply(this, args);
      if (slot.message !== null) {
        const message = slot.message;
        slot.message = null;
        throw new Error(message);
      }
      return result;
    };
  }

  // Free functions (arity given where a trailing argument is optional).
  const functions = {
    createOptimizer: undefined, optionNames: undefined, optionDefaults: undefined, stepTable: 1,
    quadraticValue: undefined, quadraticGradient: undefined,
    runQuadratic: undefined, runLinearRegression: undefined,
    linearRegressionValue: undefined, linearRegressionGradient: undefined, linearRegressionMinimum: undefined,
    quadraticValueGrid: 2, linearRegressionValueGrid: 2,
    makeDataset: undefined, makeRegressionDataset: undefined, tokenize: undefined, bagOfWords: undefined,
    gradientHistories: 1, heapInUse: undefined,
  };
  for (const name of Object.keys(functions)) Module[name] = guard(Module[name], functions[name], name);

  // Methods: every method Embind declared on the class prototype.
  const optional = { predictGrid: 1, boundaryGrid: 1, restart: 1 };
  const rawStep = Module['Optimizer'].prototype.step;
  for (const cls of ['Optimizer', 'Network', 'TrainingRun']) {
    const proto = Module[cls].prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || typeof proto[name] !== 'function') continue;
      proto[name] = guard(proto[name], optional[name], cls + '.' + name);
    }
  }

  // step(params, grad) writes the new values back into params. It works on a copy (see plain),
  // so the values are copied back here, into an array that can hold them.
  const guardedStep = guard(rawStep, undefined, 'Optimizer.step', false);
  Module['Optimizer'].prototype.step = function (params, grad) {
    if (ArrayBuffer.isView(params) && !(params instanceof Float64Array))
      throw new Error('params must be a Float64Array or an array of numbers, got ' + params.constructor.name + ': step() writes the new values back into it');
    if (Array.isArray(params) && Object.isFrozen(params) && params.length > 0)
      throw new Error('params is frozen: step() writes the new values back into it');
    const p = plain(params, 'Optimizer.step', 0), g = plain(grad, 'Optimizer.step', 0);
    const result = guardedStep.call(this, p, g);
    if (p !== params && params instanceof Float64Array) params.set(p);
    else if (p !== params && Array.isArray(params)) for (let i = 0; i < p.length; i++) params[i] = p[i];
    return result;
  };

  // Constructors: `new lab.Network(options)` returns an Embind object of class Network.
  function constructor(cls, factoryName) {
    const factory = guard(Module[factoryName], undefined, cls);
    const prototype = Module[cls].prototype;
    const ctor = {
      [cls]: function (options) {
        if (!new.target) throw new TypeError(cls + ' must be called with new');
        return factory(options);
      },
    }[cls];
    ctor.prototype = prototype;
    delete Module[factoryName];
    Module[cls] = ctor;
  }
  constructor('Network', '_createNetwork');
  constructor('TrainingRun', '_createTrainingRun');
}

// Embind declares everything while the runtime initializes; wrap before the promise's callers run.
addOnPostRun(adagradLabInstall);
