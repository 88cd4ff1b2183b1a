// Writes each ```js example of docs/api.md as a file of its own, typed against the module's
// declarations, plus a tsconfig that checks them: node build-scripts/api-examples.mjs api.md OUT_DIR.
// A block that does not make its own `lab` gets one from the factory, as the page does.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const [source, out] = process.argv.slice(2);
const lines = readFileSync(source, 'utf8').split('\n');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const files = [];
for (let i = 0; i < lines.length; i++) {
  const open = /^(\s*)```js\s*$/.exec(lines[i]);
  if (!open) continue;
  const indent = open[1].length, start = i + 1, body = [];
  for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(indent));
  const code = body.join('\n');
  const name = `example-${String(files.length + 1).padStart(2, '0')}.js`;
  const header = [`// ${source}, line ${start + 1}`, 'export {};'];
  if (!/\bconst lab\b/.test(code)) header.push('const lab = await AdagradLab();');
  writeFileSync(resolve(out, name), header.join('\n') + '\n' + code + '\n');
  files.push(name);
}
if (files.length === 0) throw new Error(`no \`\`\`js blocks in ${source}`);

const declarations = relative(resolve(out), resolve('cpp/bindings/adagrad_lab.d.ts'));
writeFileSync(resolve(out, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    allowJs: true, checkJs: true, noEmit: true, strict: true, allowUmdGlobalAccess: true,
    useUnknownInCatchVariables: false,  // the examples read e.message as a reader would
    target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [],
  },
  files: [...files, declarations],
}, null, 2));
console.log(`[typecheck] ${files.length} examples from ${source} in ${out}`);
