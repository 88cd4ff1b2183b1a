// Runs just before adagrad-lab.js (library.json's preloadedJs): tells it where it lives.
// adagrad-lab.js loads each figure's code from adagrad-lab/NAME.js beside its own URL, which it
// reads from document.currentScript once, as it starts. Moodle and WordPress aggregate a content's
// preloaded scripts into one file of their own (cachedassets/HASH.js), so that URL is not the
// library folder's and the figures' files are not found beside it. For the time adagrad-lab.js
// starts, document.currentScript answers with adagrad-lab.js in the library folder, whose address
// H5P.getLibraryPath knows on every platform; adagrad-lab-figure.js, after it, removes this again.
// (A workaround: it goes once <adagrad-figure> can be told where its figures' files are.)
(function () {
  'use strict';
  var H5P = window.H5P;
  if (!H5P || typeof H5P.getLibraryPath !== 'function') return;
  // in H5P's iframe, H5PIntegration is copied from the parent only after the preloaded scripts ran:
  // copy it now, as H5P is about to (getLibraryPath reads it)
  if (window.H5PIntegration === undefined) {
    try { window.H5PIntegration = window.parent.H5PIntegration; } catch (e) { return; }
    if (window.H5PIntegration === undefined) return;
  }
  var folder = String(H5P.getLibraryPath('H5P.AdagradLabFigure-1.0')).replace(/\/+$/, '');
  var src = new URL(folder + '/adagrad-lab.js', document.baseURI).href;
  Object.defineProperty(document, 'currentScript', {
    configurable: true,
    get: function () { return { src: src }; },
  });
})();
