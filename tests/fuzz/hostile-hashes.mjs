// Hostile hashes for the page's address, from a seeded generator: unknown and prototype keys,
// script fragments, 1 MB strings, huge numbers, duplicate keys, every setting at and just past its
// limits, random UTF-16 (lone surrogates too), percent-encoding garbage. Shared by the Node
// fuzzer of the URL-state reader (url-state.fuzz.mjs) and the browser suite that sets them on
// the page (tests/browser/hostile-links.test.js).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page's registry (build-scripts/figure-docs.mjs's figureList, which the build uses), without
 *  the views (they need a DOM): each figure that has settings, as { key, name, mount, schema,
 *  settings }, in lesson order. */
export async function loadFigures() {
  const { figureList } = await import(pathToFileURL(join(root, 'build-scripts/figure-docs.mjs')).href);
  const figures = [];
  for (const f of await figureList()) {
    let mod;
    try { mod = await import(pathToFileURL(join(root, 'web/src/figures', f.dir, 'settings.js')).href); } catch { continue; }
    if (!mod.settings) continue;
    figures.push({ key: f.key, name: f.name, mount: f.mount, schema: mod.settings.schema, settings: mod.settings });
  }
  return figures;
}

// Payloads that, were any of them ever run, would call alert or __pwned: the browser suite
// (tests/browser/hostile-links.test.js) defines __pwned as its sentinel and watches dialogs.
export const SCRIPTS = ['<script>alert(1)</script>', 'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '${alert(1)}',
  '`;alert(1);//', '</textarea><svg onload=alert(1)>', 'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=__pwned(1)>', 'javascript:__pwned(2)', '"><script>__pwned(3)</script>', "'-__pwned(4)-'",
  '<iframe srcdoc="<script>parent.__pwned(5)</script>">', '<a href=javascript:__pwned(6)>x</a>', '{{constructor.constructor(\'__pwned(7)\')()}}'];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const PERCENT = ['%', '%%', '%zz', '%E0%A4%A', '%00', '%u0041', '%C0%AF', '%FF%FE', '%ED%A0%80', '%2', '%25', '%3D%26', '+', '%2B', '%0A', '%20'];
const NUMBERS = ['0', '-0', '+0', '1e309', '-1e309', '1e-400', '9'.repeat(400), '0x10', '1_000', '1,5', ' 1', '1 ', '.5', '5.',
  '1e', 'e5', '--1', '+-1', 'NaN', 'Infinity', '-Infinity', 'inf', 'nan', '1e+3', '1E3', '4294967295', '4294967296',
  '9007199254740993', '1.7976931348623157e308', '5e-324', '2.5e-324', '00012', '0.1e1', '١٢', '１２'];

/** A seeded generator of hostile hashes over the given figures' settings tables: `next()` gives
 *  one hash (with its '#' nine times in ten). */
export function generator(rng, figures) {
  const int = (n) => Math.floor(rng() * n);
  const pick = (list) => list[int(list.length)];
  const groups = figures.map((f) => ({ f, prefix: rng() < 0.3 ? f.key : f.name }));
  const randomText = (max) => {
    const n = int(max + 1);
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = rng();
      s += r < 0.6 ? String.fromCharCode(32 + int(95)) : r < 0.8 ? String.fromCharCode(int(0x10000)) : r < 0.9 ? pick(PERCENT) : pick(['&', '=', '#', '.', ',', '?', '\0', '\n']);
    }
    return s;
  };
  // a value at, inside or past a numeric setting's limits
  const edge = (d) => {
    const lims = [d.min, d.max].filter((v) => v !== undefined);
    const v = lims.length ? pick(lims) : 0;
    switch (int(7)) {
      case 0: return String(v);
      case 1: return String(v * (1 + 1e-15) + (v === 0 ? 1e-300 : 0));
      case 2: return String(v * 10 || -1);
      case 3: return String(-v || -1);
      case 4: return String(v + 0.5);
      case 5: return v.toExponential();
      default: return String(v - 1);
    }
  };
  const valueFor = (decl) => {
    const r = rng();
    if (r < 0.15) return pick(NUMBERS);
    if (r < 0.2) return pick(SCRIPTS);
    if (r < 0.28) return randomText(12);
    if (!decl) return randomText(6);
    if (decl.kind === 'choice') {
      const v = pick(decl.options)[0];
      return rng() < 0.7 ? v : pick([v.toUpperCase(), ` ${v}`, `${v},${v}`, v.slice(1), `${v}\0`]);
    }
    if (decl.kind === 'subset') {
      const parts = Array.from({ length: int(decl.values.length + 2) }, () => pick(decl.values));
      return rng() < 0.8 ? parts.join(',') : parts.join(pick([', ', ';', ',,']));
    }
    if (decl.min !== undefined || decl.max !== undefined) {
      if (rng() < 0.5) return edge(decl);
      const lo = decl.min ?? -1e3, hi = decl.max ?? 1e3;
      const v = lo + (hi - lo) * rng();
      return String(decl.whole ? Math.round(v) : Number(v.toPrecision(1 + int(17))));
    }
    return decl.default !== undefined && rng() < 0.5 ? String(decl.default) + randomText(3) : randomText(20);
  };
  const param = () => {
    const r = rng();
    if (r < 0.05) return [pick(PROTO) + (rng() < 0.5 ? '' : `.${pick(PROTO)}`), randomText(4)];
    if (r < 0.1) return [randomText(10), randomText(10)];
    if (r < 0.15) return ['page.only', rng() < 0.6 ? pick(groups).prefix : randomText(8)];
    if (r < 0.18) return [pick(['summary', 'contents', 'x2', 'intro', '']), ''];
    const { f, prefix } = pick(groups);
    const key = rng() < 0.9 ? pick(f.settings.keys) : pick(PROTO);
    return [`${prefix}.${key}`, valueFor(f.settings.get(key))];
  };
  // encoded as a link would be, or raw (a lone surrogate cannot be encoded): the reader must cope
  const enc = (s) => { if (rng() < 0.3) return s; try { return encodeURIComponent(s); } catch { return s; } };
  return function next() {
    const r = rng();
    if (r < 0.01) return '#' + 'a'.repeat(1 << 20);                               // 1 MB
    if (r < 0.02) return `#${groups[0].prefix}.lr=${'9'.repeat((1 << 20) - 20)}`;  // a 1 MB number
    if (r < 0.06) return '#' + randomText(200);                                    // garbage
    const params = Array.from({ length: 1 + int(8) }, param);
    if (rng() < 0.2) params.push(params[int(params.length)]);                      // a duplicate key
    const hash = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join(rng() < 0.95 ? '&' : pick(['&&', ';', '&=&']));
    return (rng() < 0.9 ? '#' : '') + hash;
  };
}
