// docs/api.md stays true: every ```js example in it runs against the module without throwing
// and frees what it creates (an example that forgets delete() would teach a leak).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { root, modulePath, loadLab } = require('./lab.js');

const doc = fs.readFileSync(path.join(root, 'docs', 'api.md'), 'utf8');
const examples = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const AsyncFunction = (async () => {}).constructor;

test('docs/api.md has examples', () => assert.ok(examples.length >= 10, `${examples.length} examples`));

examples.forEach((code, i) => {
  const firstLine = code.trim().split('\n')[0];
  test(`docs example ${i + 1}: ${firstLine}`, async () => {
    const lab = await loadLab();
    // An example either makes its own `lab` (the quick start) or uses the one above.
    const makesLab = /const lab = await AdagradLab\(\)/.test(code);
    const run = new AsyncFunction('AdagradLab', 'lab', 'console', makesLab ? code.replace(/^(\s*)const lab = /m, '$1lab = ') : code);
    const quiet = { log() {} };
    const before = lab.heapInUse();
    await run(require(modulePath), lab, quiet);
    if (!makesLab) assert.strictEqual(lab.heapInUse(), before, 'the example leaves C++ objects undeleted');
  });
});
