// Figure: the race across a stretched bowl (see race/): the entry build-web discovers.
export * from './race/view.js';
