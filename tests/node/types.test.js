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

/** From the namespace AdagradLab of the .d.ts: members, {interfaceName: {member: [parameter names]
 *  or 'property'}}, and types, {interfaceName: {property: its declared type}}. */
function declared() {
  const file = path.join(root, 'cpp', 'bindings', 'adagrad_lab.d.ts');
  // parsed only: build-scripts/typecheck compiles them (with the docs' examples and the page)
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = {}, types = {};
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const members = {}, propertyTypes = {};
      for (const m of node.members) {
        const name = m.name && m.name.getText();
        if (ts.isMethodSignature(m)) members[name] = m.parameters.map((p) => p.name.getText());
        else if (ts.isConstructSignatureDeclaration(m)) members.new = m.parameters.map((p) => p.name.getText());
        else if (ts.isPropertySignature(m)) { members[name] = 'property'; propertyTypes[name] = m.type && m.type.getText(); }
      }
      out[node.name.text] = members;
      types[node.name.text] = propertyTypes;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { members: out, types };
}

test('adagrad_lab.d.ts declares exactly the entry points the module has, with their argument names', { skip: !ts && 'typescript is not installed: run build-scripts/setup' }, async () => {
  const lab = await loadLab();
  const e = lab._entryPoints;
  const { members: d, types } = declared();
  const methods = (iface) => Object.fromEntries(Object.entries(d[iface]).filter(([, v]) => v !== 'property'));
  // free functions: Lab's methods
  assert.deepEqual(methods('Lab'), e.functions);
  // Emscripten's views of the WASM memory (HEAP8, HEAPU8): each declared one is on the module, over its memory
  const isView = (k) => /^HEAP(U?8|U?16|U?32|F32|F64)$/.test(k);
  const views = Object.keys(d.Lab).filter(isView);
  assert.ok(views.includes('HEAP8'), 'HEAP8 is declared');
  for (const k of views) {
    assert.ok(ArrayBuffer.isView(lab[k]), `lab.${k} is a typed array`);
    assert.equal(lab[k].buffer, lab.HEAP8.buffer, `lab.${k} views the WASM memory`);
    assert.equal(lab[k].constructor.name, types.Lab[k], `lab.${k}'s type is the declared ${types.Lab[k]}`);
  }
  // classes: Lab's other properties name them, each interface lists its methods (delete/isDeleted are Embind's, in Deletable)
  const classes = Object.entries(d.Lab).filter(([k, v]) => v === 'property' && !isView(k)).map(([k]) => k);
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
