#!/usr/bin/env node
// README.md's list of figures and their settings (the <adagrad-figure> attributes and the
// embed.html / link keys), generated from the figures' settings tables so it is never written by
// hand twice. Between the markers <!-- figures:begin --> and <!-- figures:end --> in README.md.
//   node build-scripts/figure-docs.mjs          print the list
//   node build-scripts/figure-docs.mjs --write  put it into README.md
//   node build-scripts/figure-docs.mjs --check  exit 1 if README.md's list is out of date
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const figuresDir = path.join(root, 'web/src/figures');
const BEGIN = '<!-- figures:begin -->', END = '<!-- figures:end -->';

// The three first figures are named in web/src/registry.js (name, key, title); every other
// figure is web/src/figures/KEY.js with its folder, named by its key, titled in its files.
// Each figure: { key, name, title, dir (its folder in figures/), mount (its container's id),
// source (its code, from the
// repository's root) }, in lesson order. build-scripts/bundle.mjs builds the page from this list.
export async function figureList() {
  const { named } = await import(pathToFileURL(path.join(root, 'web/src/registry.js')).href);
  const out = named.map((f) => ({ ...f, source: `web/src/figures/${f.dir}/view.js` }));
  for (const file of fs.readdirSync(figuresDir).filter((f) => f.endsWith('.js')).sort()) {
    const base = file.slice(0, -3);
    const sources = [path.join(figuresDir, file), ...(fs.existsSync(path.join(figuresDir, base)) ? fs.readdirSync(path.join(figuresDir, base)).map((f) => path.join(figuresDir, base, f)) : [])];
    const text = sources.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const key = /^export const key = '([a-z0-9]+)'/m.exec(text)?.[1];
    const title = /^export const title = '(.*)';$/m.exec(text)?.[1];
    if (!key) throw new Error(`web/src/figures/${file} has no 'export const key = ...'`);
    out.push({ key, name: key, title: title || key, dir: base, mount: `fig-${key}`, source: `web/src/figures/${file}` });
  }
  return out;
}

const cell = (text) => String(text).replace(/\|/g, '\\|');

export async function figureDocs() {
  const lines = [];
  for (const f of await figureList()) {
    const { settings } = await import(pathToFileURL(path.join(figuresDir, f.dir, 'settings.js')).href);
    const rows = Object.entries(settings.declarations);
    lines.push(`<details><summary><code>${f.name}</code>: ${f.title}${f.key !== f.name ? ` (old key <code>${f.key}</code>)` : ''}</summary>`, '',
      '| attribute | what | default | accepts |', '| --- | --- | --- | --- |',
      ...rows.map(([k, d]) => `| \`${k}\` | ${cell(d.help || d.label || d.name || k)} | ${d.default === '' ? '(none)' : `\`${cell(d.default)}\``} | ${cell(d.what)} |`),
      '', '</details>');
  }
  return lines.join('\n');
}

const mode = process.argv[2];
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const docs = await figureDocs();
  if (!mode) { console.log(docs); process.exit(0); }
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  if (a < 0 || b < a) { console.error(`README.md has no ${BEGIN} … ${END}`); process.exit(1); }
  const next = `${text.slice(0, a + BEGIN.length)}\n${docs}\n${text.slice(b)}`;
  if (mode === '--write') fs.writeFileSync(readme, next);
  else if (mode === '--check' && next !== text) {
    console.error('README.md\'s list of figures is out of date: run node build-scripts/figure-docs.mjs --write');
    process.exit(1);
  }
}
