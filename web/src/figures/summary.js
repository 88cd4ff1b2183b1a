// Figure: when to reach for AdaGrad (see summary/): the entry build-web discovers.
export * from './summary/view.js';
