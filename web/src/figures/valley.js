// Figure: sparse features stretch the valley (see valley/): the entry build-web discovers.
export * from './valley/view.js';
