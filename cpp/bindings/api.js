// api.js: the JS layer over bindings.cpp, linked into adagrad_lab.js with --post-js.
//
// The C++ side never throws into JS (a JS exception unwinding WASM frames leaks heap and stack):
// a failed call leaves its message in Module._errorSlot and returns. Here every entry point is
// wrapped to throw that message as a real Error, and the classes get their constructors:
//   new lab.Network({...}), new lab.TrainingRun({...}); lab.createOptimizer({...}).
// Objects made here own C++ memory: call .delete() when done (Embind's rule).

Module['_errorSlot'] = { message: null };

function adagradLabInstall() {
  const slot = Module['_errorSlot'];

  // Calls fn; if the C++ side reported an error, throws it as an Error.
  function guard(fn, arity) {
    return function () {
      const args = Array.prototype.slice.call(arguments);
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
  for (const name of Object.keys(functions)) Module[name] = guard(Module[name], functions[name]);

  // Methods: every method Embind declared on the class prototype.
  const optional = { predictGrid: 1, boundaryGrid: 1, restart: 1 };
  for (const cls of ['Optimizer', 'Network', 'TrainingRun']) {
    const proto = Module[cls].prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || typeof proto[name] !== 'function') continue;
      proto[name] = guard(proto[name], optional[name]);
    }
  }

  // Constructors: `new lab.Network(options)` returns an Embind object of class Network.
  function constructor(cls, factoryName) {
    const factory = guard(Module[factoryName]);
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
