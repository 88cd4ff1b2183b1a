// <adagrad-figure figure="NAME" setting="value" …>: one figure of the lesson in any page.
// Bundled after the WASM module into dist/adagrad-lab.js (build-scripts/build-web), a classic
// script, so it works from file://, in a sandboxed iframe and under a strict security policy.
//
// - NAME is a figure's readable name (parabola, step-table, spiral, race…) or its old key.
// - Every other attribute is one of that figure's settings, by the same rule as in a link: a
//   refused one is named in a notice in the figure, which uses the default instead. Changing an
//   attribute updates the figure; changing `figure` replaces it.
// - The figure's own code is one file, dist/adagrad-lab/NAME.js, loaded when an element first
//   asks for that figure: the lesson's prose and the other figures are never loaded for it. The
//   code the figures share (dist/adagrad-lab/lib.js, the same file the lesson loads) is in
//   adagrad-lab.js, before this element (build-scripts/bundle.mjs).
// - Every element on the page shares one instance of the core.
// - The figure lives in an open shadow root styled by the lesson's stylesheet, adapted here: the
//   host page's CSS does not reach in, the figure's does not leak out, and its layout follows the
//   width it is given (container queries), not the window's.
import figureIndex from '@figure-index';
import stylesheet from '../../style.css';
import { el, trackTransport } from '../ui/dom.js';
import { load } from '../chunks.js';
import { colorRoot } from '../draw/colors.js';

const script = document.currentScript;
const base = new URL('.', script && script.src ? script.src : location.href);

const byName = new Map();
for (const f of figureIndex) { byName.set(f.name, f); byName.set(f.key, f); }
const figureNames = figureIndex.map((f) => f.name);

// ---- styles: the lesson's stylesheet for a shadow root ----------------------------------------
// :root's custom properties go on :host; rem (the host page's root font size) becomes px; the
// window-width breakpoints become container queries on the figure's own width; @font-face, which
// a shadow root ignores, goes to the document (it only declares the math font, by a name of ours,
// and inlined).
// The formulas' font is inlined (a font file would need CORS headers in a sandboxed iframe or on
// another origin, and a data: font is what font-src 'self' data: allows) in a file of its own,
// adagrad-lab/font.js, loaded once a figure shows a formula (<math>): a figure without one does
// not pay its 17 KB.
let sheets = null;
let faces = [];
function styleSheets() {
  if (sheets) return sheets;
  let css = stylesheet.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    faces.push(rule);
    return '';
  });
  css = css.replace(/:root\b/g, ':host')
    .replace(/@media \((max|min)-width:/g, '@container adagrad-figure ($1-width:')
    .replace(/(\d*\.?\d+)rem\b/g, (m, n) => `${Number((Number(n) * 16).toFixed(3))}px`);
  css += `
:host { display: block; }
:host([hidden]) { display: none; }
.adagrad-root { all: initial; display: block; container: adagrad-figure / inline-size;
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); padding: 12px 0; text-align: left; min-width: 0; }
.adagrad-root > .link-notice:empty { display: none; }`;
  const shadow = new CSSStyleSheet();
  shadow.replaceSync(css);
  sheets = [shadow];
  return sheets;
}
// @font-face, which a shadow root ignores, goes to the document (it only declares the math font,
// by a name of ours)
let fontLoading = null;
function loadFont() {
  if (!fontLoading && faces.length) {
    fontLoading = load('font', base).then((mathFont) => {
      const fonts = new CSSStyleSheet();
      fonts.replaceSync(faces.map((rule) => rule.replace(/url\("?([^")]+)"?\)/g, (m, url) => `url("${/latinmodern-math\.woff2$/.test(url) ? mathFont : new URL(url, base).href}")`)).join('\n'));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, fonts];
    }, (error) => { fontLoading = null; console.warn('the formulas\' font could not load:', error); });
  }
  return fontLoading;
}

// ---- the core and the figures' code, each loaded once per page -------------------------------
let core = null;
function coreInstance() {
  if (!core) {
    core = typeof window.AdagradLab === 'function' ? window.AdagradLab()
      : Promise.reject(new Error('the WebAssembly core is missing from adagrad-lab.js'));
  }
  return core;
}

// lib.js, before this in adagrad-lab.js, made window.AdagradLabFigures; a page that loads
// adagrad-lab.js twice keeps the first copy's element and registry
const registry = window.AdagradLabFigures;
const firstCopy = !registry.figures;
if (firstCopy) {
  Object.defineProperty(registry, 'figures', {
    /** [{ name, key, title }] of every figure */
    value: Object.freeze(figureIndex.map((f) => Object.freeze({ ...f }))),
  });
}

// The figures' colours are read from a connected element, which carries :host's properties (every
// element has the same stylesheet, so any one will do).
const shownHosts = new Set();
if (firstCopy) {
  colorRoot(() => {
    for (const host of shownHosts) if (host.isConnected) return host.root;
    return document.documentElement;
  });
}

// attributes an element may carry that are not settings
const GLOBAL = /^(figure|id|class|style|hidden|lang|dir|title|tabindex|slot|part|role|data-.*|aria-.*)$/;
const show = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

/** The element's settings read by the figure's link rules: { state, refused }. */
export function settingsOf(element, figure) {
  const rules = figure.schema || {};
  const byAttribute = new Map(Object.keys(rules).map((k) => [k.toLowerCase(), k]));
  const state = {}, refused = [];
  for (const { name, value } of element.attributes) {
    if (GLOBAL.test(name)) continue;
    const key = byAttribute.get(name);
    if (key === undefined) {
      refused.push(`Ignored ${show(name)}: the ${figure.name} figure has no such setting (it has ${Object.keys(rules).join(', ') || 'none'}).`);
      continue;
    }
    let ok = false;
    try { ok = rules[key].pattern.test(value) === true; } catch { ok = false; }
    if (ok) state[key] = value;
    else refused.push(`Ignored ${name}=${show(value)}: it is not ${rules[key].what}; the figure uses ${figure.defaults?.[key] !== undefined ? `the default, ${figure.defaults[key]}` : 'its default'}.`);
  }
  return { state, refused };
}

class AdagradFigure extends HTMLElement {
  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = styleSheets();
    this.notice = el('div', { className: 'link-notice', role: 'alert' });
    this.body = el('div', { className: 'figure-body' });
    this.status = el('p', { className: 'status', role: 'status' }, 'Loading…');
    this.root = el('div', { className: 'adagrad-root' }, this.status, this.notice, this.body);
    shadow.append(this.root);
    // Keys typed into the figure's own fields stay in the figure: a host that reads keys on the
    // document (reveal.js's slide keys, a course page's shortcuts) sees only the element as the
    // focused node, not a field, and would take "." or an arrow meant for a box or a slider.
    shadow.addEventListener('keydown', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && target.matches('input, select, textarea')) event.stopPropagation();
    });
    this.shown = null;     // { name, figure, update } once rendered
    this.generation = 0;
    new MutationObserver(() => this.changed()).observe(this, { attributes: true });
  }

  connectedCallback() {
    if (this.shown) shownHosts.add(this);
    else if (!this.starting) this.changed();
  }

  disconnectedCallback() { shownHosts.delete(this); }

  /** The figure and settings the attributes name, now. */
  async changed() {
    if (!this.isConnected) return;
    const asked = String(this.getAttribute('figure') ?? '').trim();
    const entry = byName.get(asked);
    if (!entry) {
      this.fail(asked ? `There is no figure named ${show(asked)}. The figures are ${figureNames.join(', ')}.`
        : `Name a figure: figure="NAME", one of ${figureNames.join(', ')}.`);
      return;
    }
    if (this.shown && this.shown.name === entry.name) { this.apply(); return; }
    const generation = ++this.generation;
    this.starting = true;
    this.status.hidden = false;
    this.status.classList.remove('danger');
    this.status.textContent = 'Loading…';
    try {
      const [lab, figure] = await Promise.all([coreInstance(), load(entry.name, base)]);
      if (generation !== this.generation) return;   // the attribute changed meanwhile
      shownHosts.add(this);
      this.body.id = figure.mount;   // the stylesheet's rules for a figure are scoped by its id
      this.body.replaceChildren();
      const { state, refused } = settingsOf(this, figure);
      this.showRefused(refused);
      const update = figure.render(this.body, lab, { state, onState() {} });
      trackTransport(this.body);
      if (this.body.querySelector('math')) loadFont();
      this.shown = { name: entry.name, figure, update };
      this.status.hidden = true;
      this.dataset.ready = 'true';
      this.dispatchEvent(new Event('adagrad-figure-ready'));
    } catch (error) {
      if (generation === this.generation) this.fail(`This figure could not start: ${error && error.message ? error.message : error}`);
    } finally {
      if (generation === this.generation) this.starting = false;
    }
  }

  /** New settings for the figure already shown. */
  apply() {
    const { figure, update } = this.shown;
    const { state, refused } = settingsOf(this, figure);
    this.showRefused(refused);
    try {
      if (typeof update === 'function') update({ ...(figure.defaults || {}), ...state });
    } catch (error) {
      console.error(`figure ${figure.name}:`, error);
    }
  }

  showRefused(refused) {
    this.notice.replaceChildren(...refused.map((text) => el('p', {}, text)));
  }

  fail(text) {
    this.status.hidden = false;
    this.status.textContent = text;
    this.status.classList.add('danger');
  }
}

if (firstCopy && !customElements.get('adagrad-figure')) customElements.define('adagrad-figure', AdagradFigure);
