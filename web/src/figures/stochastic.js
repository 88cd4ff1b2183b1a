// Figure: rare words a few reviews at a time (see stochastic/): the entry build-web discovers.
export * from './stochastic/view.js';
