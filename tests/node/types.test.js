// The TypeScript declarations (cpp/bindings/adagrad_lab.d.ts, dist/adagrad_lab.d.ts) list exactly
// the module's entry points, enumerated from the module (api.js's _entryPoints), with the same
// argument names: a binding added without its declaration, or a declaration of nothing, fails here.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { root, loadLab } = require('./lab.js');

let ts;
try { ts = require(path.join(root, 'node_modules', 'typescript')); } catch { /* reported by the skip below */ }

/** {interfaceName: {member: [parameter names]}} from the namespace AdagradLab of the .d.ts. */
function declared() {
  const file = path.join(root, 'cpp', 'bindings', 'adagrad_lab.d.ts');
  // parsed only: build-scripts/typecheck compiles them (with the docs' examples and the page)
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = {};
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const members = {};
      for (const m of node.members) {
        const name = m.name && m.name.getText();
        if (ts.isMethodSignature(m)) members[name] = m.parameters.map((p) => p.name.getText());
        else if (ts.isConstructSignatureDeclaration(m)) members.new = m.parameters.map((p) => p.name.getText());
        else if (ts.isPropertySignature(m)) members[name] = 'property';
      }
      out[node.name.text] = members;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test('adagrad_lab.d.ts declares exactly the entry points the module has, with their argument names', { skip: !ts && 'typescript is not installed: run build-scripts/setup' }, async () => {
  const lab = await loadLab();
  const e = lab._entryPoints;
  const d = declared();
  const methods = (iface) => Object.fromEntries(Object.entries(d[iface]).filter(([, v]) => v !== 'property'));
  // free functions: Lab's methods
  assert.deepEqual(methods('Lab'), e.functions);
  // classes: Lab's properties name them, each interface lists its methods (delete/isDeleted are Embind's, in Deletable)
  const classes = Object.entries(d.Lab).filter(([k, v]) => v === 'property' && k !== 'HEAP8').map(([k]) => k);
  assert.deepEqual(classes.sort(), Object.keys(e.classes).sort());
  for (const cls of classes) {
    assert.deepEqual(methods(cls), e.classes[cls], `${cls}'s methods`);
    const ctor = d[cls + 'Constructor'];
    assert.ok(ctor, `${cls}Constructor is declared`);
    assert.deepEqual(ctor.new || null, e.constructors[cls], `new ${cls}(…)`);
  }
  assert.deepEqual(Object.keys(d.Deletable).sort(), ['delete', 'isDeleted']);
  for (const cls of classes) assert.equal(typeof lab[cls].prototype.isDeleted, 'function');
});
