// The H5P content type H5P.AdagradLabFigure: one <adagrad-figure> (defined by adagrad-lab.js, the
// library's first preloaded script) with the figure and settings of the content's parameters.
// Packed into dist/adagrad-lab.h5p by build-scripts/build-h5p.
var H5P = window.H5P = window.H5P || {};

// adagrad-lab-base.js set document.currentScript for adagrad-lab.js, which has run: give it back
if (Object.getOwnPropertyDescriptor(document, 'currentScript')) delete document.currentScript;

H5P.AdagradLabFigure = (function () {
  'use strict';

  // attributes that <adagrad-figure> does not read as settings: a setting by one of these names
  // would change the element instead, so it is refused here
  var NOT_SETTINGS = /^(figure|id|class|style|hidden|lang|dir|title|tabindex|slot|part|role|is|on.*|data-.*|aria-.*)$/i;

  // H5P's content validator HTML-escapes plain text fields (& becomes &amp;): read them back
  function plain(text) {
    var doc = new DOMParser().parseFromString('<!doctype html><body>' + String(text == null ? '' : text), 'text/html');
    return doc.body.textContent.trim();
  }

  /**
   * @param {{ figure: string, settings?: { name: string, value: string }[] }} params content.json
   * @param {number|string} contentId
   */
  function AdagradLabFigure(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
  }
  AdagradLabFigure.prototype = Object.create(H5P.EventDispatcher.prototype);
  AdagradLabFigure.prototype.constructor = AdagradLabFigure;

  /** @param {jQuery|HTMLElement} $container H5P's container for this content */
  AdagradLabFigure.prototype.attach = function ($container) {
    var self = this;
    var container = $container && $container.jquery ? $container.get(0) : $container;
    container.classList.add('h5p-adagrad-lab-figure');
    container.textContent = '';

    var figure = document.createElement('adagrad-figure');
    figure.setAttribute('figure', plain(this.params.figure));
    var refused = [];
    (this.params.settings || []).forEach(function (setting) {
      if (!setting) return;
      var name = plain(setting.name), value = plain(setting.value);
      if (!name) return;
      if (NOT_SETTINGS.test(name)) { refused.push(name); return; }
      try { figure.setAttribute(name, value); } catch (e) { refused.push(name); }
    });
    if (refused.length) {
      var notice = document.createElement('p');
      notice.className = 'h5p-adagrad-lab-notice';
      notice.setAttribute('role', 'alert');
      notice.textContent = 'Ignored ' + refused.map(function (n) { return '“' + n + '”'; }).join(', ') +
        ': not a name a figure setting can have.';
      container.appendChild(notice);
    }
    container.appendChild(figure);

    // H5P sizes its iframe to the content: tell it whenever the figure's height changes
    var resize = function () { self.trigger('resize'); };
    figure.addEventListener('adagrad-figure-ready', resize);
    if (typeof ResizeObserver === 'function') {
      var height = -1;
      new ResizeObserver(function () {
        var now = container.getBoundingClientRect().height;
        if (now !== height) { height = now; resize(); }
      }).observe(container);
    }
  };

  return AdagradLabFigure;
})();
