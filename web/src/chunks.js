// The page's code comes in files (build-scripts/bundle.mjs): lib.js with what every page needs,
// one file per figure (adagrad-lab/NAME.js), the lesson's Embed/Export kit (adagrad-lab/kit.js),
// and files of modules that some of those share (adagrad-lab/shared-HASH.js). Each is loaded by a
// classic <script> when first needed (classic, so it works from file:// and under
// script-src 'self'), after the shared files it needs (@chunk-manifest). A file, when it runs,
// hands over its modules with provide({ id: module }) or its code with define(name, code).
import manifest from '@chunk-manifest';

const lib = () => window.AdagradLabFigures.lib;
const loading = new Map();   // name → Promise of its code
const waiting = new Map();   // name → resolve, while its file loads
const defined = new Map();   // name → code, for a file that ran before anyone asked (files joined into one)
const scripts = new Map();   // file name → Promise that it ran

/** Called by a file of shared modules as it runs; a module already there stays (a page that
 *  loads the scripts twice keeps the first copy, which the first files are bound to). */
export function provide(modules) {
  for (const [id, module] of Object.entries(modules)) if (!Object.hasOwn(lib(), id)) lib()[id] = module;
}

/** Called by a figure's or the kit's file as it runs: window.AdagradLabFigures.define(name, code). */
export function define(name, code) {
  const resolve = waiting.get(name);
  waiting.delete(name);
  if (resolve) resolve(code);
  else defined.set(name, code);
}

// One file, by a <script> that runs in the order the scripts were added (async = false), so a
// file's shared files, added before it, have run when it runs.
function script(name, base) {
  if (!scripts.has(name)) {
    scripts.set(name, new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.async = false;
      tag.src = new URL(`adagrad-lab/${name}.js`, base).href;
      tag.onload = () => resolve();
      tag.onerror = () => { scripts.delete(name); reject(new Error(`could not load ${tag.src}`)); };
      document.head.append(tag);
    }));
  }
  return scripts.get(name);
}

/** The code of file `name` (adagrad-lab/NAME.js beside `base`, a URL of the folder), loaded once,
 *  after the shared files it needs. */
export function load(name, base) {
  if (!loading.has(name)) {
    if (defined.has(name)) loading.set(name, Promise.resolve(defined.get(name)));
    else {
      loading.set(name, new Promise((resolve, reject) => {
        waiting.set(name, resolve);
        Promise.all([...(manifest[name] || []), name].map((file) => script(file, base))).catch((error) => {
          loading.delete(name);
          waiting.delete(name);
          reject(error);
        });
      }));
    }
  }
  return loading.get(name);
}
