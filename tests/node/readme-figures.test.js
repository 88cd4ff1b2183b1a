// README.md's list of figures and settings is generated from the settings tables
// (build-scripts/figure-docs.mjs): it must be the list those tables give today.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'build-scripts', 'figure-docs.mjs');

test('README.md lists every figure with the settings its table declares', async () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const generated = execFileSync(process.execPath, [script], { encoding: 'utf8' }).trim();
  assert.ok(readme.includes(generated), 'README.md is out of date: run node build-scripts/figure-docs.mjs --write');
  // every figure an element can show, by its name, and a setting of each with its default
  for (const name of ['parabola', 'step-table', 'spiral', 'race', 'valley', 'why', 'update', 'text', 'stochastic', 'line', 'fading', 'compare', 'pitfall', 'summary'])
    assert.match(generated, new RegExp(`<summary><code>${name}</code>`), name);
  const { settings } = await import(path.join(root, 'web/src/figures/race/settings.js'));
  assert.match(generated, new RegExp(`\\| \`ada\` \\| AdaGrad’s learning rate \\| \`${settings.defaults.ada}\` \\| ${settings.get('ada').what} \\|`));
});
