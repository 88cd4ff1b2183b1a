// The page's code comes in files (build-scripts/bundle.mjs): lib.js with the shared modules, then
// one file per figure (adagrad-lab/NAME.js) and the lesson's Embed/Export kit (adagrad-lab/kit.js),
// each loaded by a classic <script> when first needed (classic, so it works from file:// and
// under script-src 'self'). A file, when it runs, hands over its code with define(name, code).

const loading = new Map();   // name → Promise of its code
const waiting = new Map();   // name → resolve, while its file loads
const defined = new Map();   // name → code, for a file that ran before anyone asked (files joined into one)

/** Called by a file as it runs: window.AdagradLabFigures.define(name, code). */
export function define(name, code) {
  const resolve = waiting.get(name);
  waiting.delete(name);
  if (resolve) resolve(code);
  else defined.set(name, code);
}

/** The code of file `name` (adagrad-lab/NAME.js beside `base`, a URL of the folder), loaded once. */
export function load(name, base) {
  if (!loading.has(name)) {
    loading.set(name, defined.has(name) ? Promise.resolve(defined.get(name)) : new Promise((resolve, reject) => {
      waiting.set(name, resolve);
      const tag = document.createElement('script');
      tag.src = new URL(`adagrad-lab/${name}.js`, base).href;
      tag.onerror = () => { loading.delete(name); waiting.delete(name); reject(new Error(`could not load ${tag.src}`)); };
      document.head.append(tag);
    }));
  }
  return loading.get(name);
}
