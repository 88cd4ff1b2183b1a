// TypeScript declarations for the WASM module (build/wasm/adagrad_lab.js, dist/adagrad_lab.js):
// the API docs/api.md describes. tests/node/types.test.js checks that they list exactly the
// module's entry points (enumerated from the module), and build-scripts/typecheck checks
// docs/api.md's examples and the page's code against them with `tsc --checkJs`.

/** Makes an independent instance of the module, with its own memory. */
declare function AdagradLab(moduleOverrides?: object): Promise<AdagradLab.Lab>;

declare namespace AdagradLab {
  /** JavaScript that evaluates to the same factory in a fresh global scope (for a Worker). */
  const source: string;

  /** Arrays in: a Float64Array (fastest), another number typed array, or an array of numbers. */
  type Numbers = Float64Array | Float32Array | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array |
    Uint16Array | Int32Array | Uint32Array | ArrayLike<number>;

  // The names a call accepts are listed in comments; an input is typed string, so that the page's
  // untyped JS, whose 'adagrad' in a variable is a string, checks. The core refuses any other name.
  /** 'sgd' | 'adagrad' | 'rmsprop' | 'adam' */
  type OptimizerKind = string;
  /** 'outside' (PyTorch) | 'inside' (the notebook) */
  type EpsPlacement = string;
  /** {kind, ...options}; a missing option takes PyTorch's default; an option of another kind is refused. */
  interface OptimizerSpec {
    kind: OptimizerKind;
    lr?: number;
    // adagrad
    lr_decay?: number; initial_accumulator_value?: number; eps_placement?: EpsPlacement;
    // sgd
    momentum?: number; dampening?: number; nesterov?: boolean;
    // rmsprop
    alpha?: number; centered?: boolean;
    // adam
    beta1?: number; beta2?: number; amsgrad?: boolean;
    // several
    eps?: number; weight_decay?: number;
  }

  /** An object owning C++ memory (Embind's rule): free it with delete(); using it afterwards throws. */
  interface Deletable {
    delete(): void;
    isDeleted(): boolean;
  }

  interface Optimizer extends Deletable {
    /** One update of params in place (a Float64Array or an array of writable numbers). */
    step(params: Float64Array | number[], grad: Numbers): void;
    kind(): OptimizerKind;
    steps(): number;
    reset(): void;
    /** AdaGrad only: G, the running sum of squared gradients. */
    sum(): Float64Array;
    /** Throws for SGD, whose rate is its lr. */
    effectiveRate(): Float64Array;
    lastUpdate(): Float64Array;
    secondMoment(): Float64Array;
  }

  interface StepTableOptions { x0?: number; lr?: number; eps?: number; eps_placement?: EpsPlacement; steps?: number; scale?: number }
  interface StepRow { t: number; x: number; grad: number; sum: number; effective_rate: number; update: number; x_new: number }

  interface Trajectory {
    dim: number;
    stepsTaken: number;
    params: Float64Array;
    values: Float64Array;
    rates: Float64Array;
    grads: Float64Array;
    moments: Float64Array;
    divergedAt: number | null;
  }
  interface RunOptions { x0?: Numbers; steps: number; optimizer: OptimizerSpec; reset_state_every_step?: boolean }
  interface QuadraticRunOptions extends RunOptions { scales: Numbers }
  /** {x, y, dim}: x row-major n × dim, y of n; n may be given and must agree. */
  interface Data { x: Numbers; y: Numbers; dim?: number; n?: number }
  interface Dataset { n: number; dim: number; x: Float64Array; y: Float64Array }
  interface RegressionRunOptions extends RunOptions, Data {}
  /** Every key optional: -2.5, 2.5, -2.5, 2.5, 100, 100. */
  interface Grid { x_min?: number; x_max?: number; y_min?: number; y_max?: number; nx?: number; ny?: number }

  /** 'spiral' | 'notebook_spiral' | 'circle' | 'xor' | 'gaussians' */
  type DatasetKind = string;
  interface DatasetOptions { kind: DatasetKind; n_samples?: number; noise?: number; seed?: number }
  interface RegressionDatasetOptions { /** 'line' | 'sparse_column' */ kind: string; n_samples?: number; noise?: number; seed?: number; density?: number }
  interface BagOfWords extends Dataset { vocabulary: string[]; documentFrequency: Float64Array }
  interface GradientHistoryOptions { steps?: number; seed?: number; rare_probability?: number }

  interface NetworkOptions {
    layers?: number[];
    /** 'relu' | 'tanh' | 'sigmoid' | 'linear' */
    activation?: string;
    /** 'auto' | 'he' | 'glorot' | 'notebook' */
    init?: string;
    seed?: number;
  }
  interface Evaluation { loss: number; accuracy: number }
  interface Network extends Deletable {
    numParams(): number;
    getParams(): Float64Array;
    setParams(params: Numbers): void;
    evaluate(x: Numbers, y: Numbers): Evaluation;
    predict(x: Numbers): Float64Array;
    predictGrid(grid?: Grid): Float64Array;
    boundaryGrid(grid?: Grid): Float32Array;
  }
  interface NetworkConstructor {
    new (network?: NetworkOptions): Network;
    readonly prototype: Network;
  }

  interface TrainingRunOptions {
    network?: NetworkOptions;
    params?: Numbers;
    optimizer: OptimizerSpec;
    /** {x, y, dim} or {kind, n_samples, noise, seed} as for makeDataset. */
    data: Data | DatasetOptions;
    batch_size?: number;
    shuffle_seed?: number;
  }
  interface EpochStats { epoch: number; loss: number; accuracy: number; diverged: boolean }
  interface TrainingRun extends Deletable {
    epoch(): EpochStats;
    epochs(count: number): EpochStats;
    epochsDone(): number;
    divergedAt(): number | null;
    losses(): Float64Array;
    accuracies(): Float64Array;
    numParams(): number;
    getParams(): Float64Array;
    predictGrid(grid?: Grid): Float64Array;
    boundaryGrid(grid?: Grid): Float32Array;
    predict(x: Numbers): Float64Array;
    evaluate(x: Numbers, y: Numbers): Evaluation;
    data(): Dataset;
    effectiveRate(): Float64Array;
    sum(): Float64Array;
    restart(params?: Numbers): void;
    restartFromSeed(seed: number): void;
  }
  interface TrainingRunConstructor {
    new (TrainingRun: TrainingRunOptions): TrainingRun;
    readonly prototype: TrainingRun;
  }
  /** Has no constructor: optimizers come from lab.createOptimizer. */
  interface OptimizerConstructor {
    readonly prototype: Optimizer;
  }

  /** The module object AdagradLab() resolves to. */
  interface Lab {
    createOptimizer(optimizer: OptimizerSpec): Optimizer;
    optionNames(kind: OptimizerKind): string[];
    optionDefaults(kind: OptimizerKind): Record<string, number | boolean | string>;
    stepTable(stepTable?: StepTableOptions): StepRow[];
    quadraticValue(scales: Numbers, x: Numbers): number;
    quadraticGradient(scales: Numbers, x: Numbers): Float64Array;
    runQuadratic(runQuadratic: QuadraticRunOptions): Trajectory;
    runLinearRegression(runLinearRegression: RegressionRunOptions): Trajectory;
    linearRegressionValue(data: Data, params: Numbers): number;
    linearRegressionGradient(data: Data, params: Numbers): Float64Array;
    linearRegressionMinimum(data: Data): Float64Array;
    quadraticValueGrid(scales: Numbers, grid?: Grid): Float64Array;
    linearRegressionValueGrid(data: Data, grid?: Grid): Float64Array;
    makeDataset(makeDataset: DatasetOptions): Dataset;
    makeRegressionDataset(makeRegressionDataset: RegressionDatasetOptions): Dataset;
    tokenize(text: string): string[];
    bagOfWords(texts: string[], labels: Numbers): BagOfWords;
    gradientHistories(gradientHistories?: GradientHistoryOptions): { frequent: Float64Array; rare: Float64Array };
    /** Bytes of the WASM heap in use by malloc (what the leak tests watch). */
    heapInUse(): number;

    Optimizer: OptimizerConstructor;
    Network: NetworkConstructor;
    TrainingRun: TrainingRunConstructor;

    /** Emscripten's: the WASM memory (its size: HEAP8.buffer.byteLength). */
    HEAP8: Int8Array;
    /** Emscripten's: the same memory as bytes (the spiral's worker reads its size here). */
    HEAPU8: Uint8Array;
  }
}

export = AdagradLab;
export as namespace AdagradLab;
