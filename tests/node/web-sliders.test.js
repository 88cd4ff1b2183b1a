// Every slider gives only values its setting allows, and starts where its default is: for each
// numeric declaration of every figure's settings table, all 1001 slider positions parse without
// a message, and the default lies inside the slider's range.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');

const FIGURES = path.join(__dirname, '..', '..', 'web', 'src', 'figures');
const tables = fs.readdirSync(FIGURES).filter((d) => fs.existsSync(path.join(FIGURES, d, 'settings.js')));

test('every slider position of every figure’s numeric settings is a value the setting accepts', async () => {
  const { sliderScale } = await import('../../web/src/ui/controls.js');
  let sliders = 0;
  for (const dir of tables) {
    const mod = await import(path.join(FIGURES, dir, 'settings.js'));
    for (const [key, d] of Object.entries(mod.settings.declarations)) {
      if (!d.slide) continue;
      sliders++;
      const where = `${dir}.${key} ${JSON.stringify(d.slide)}`;
      const { toValue, toPosition } = sliderScale(d.slide);
      for (let pos = 0; pos <= 1000; pos++) {
        const v = toValue(pos);
        assert.equal(d.parse(String(v)).error, undefined, `${where} at ${pos}: ${v}`);
      }
      const def = Number(d.default);
      assert.ok(def >= d.slide.lo && def <= d.slide.hi, `${where}: default ${def}`);
      const back = toValue(toPosition(def));
      assert.ok(Math.abs(back - def) <= Math.abs(def) * 0.05 + (d.slide.log ? 0 : (d.slide.hi - d.slide.lo) / 1000), `${where}: default ${def} → ${back}`);
    }
  }
  assert.ok(sliders >= 40, `${sliders} sliders`);
});

test('seeds have no slider: dragging through seeds means nothing', async () => {
  for (const dir of tables) {
    const mod = await import(path.join(FIGURES, dir, 'settings.js'));
    for (const [key, d] of Object.entries(mod.settings.declarations)) if (/seed/.test(key)) assert.equal(d.slide, null, `${dir}.${key}`);
  }
});

test('the spiral’s points slider gives only even counts, which the notebook’s spiral needs', async () => {
  const { sliderScale } = await import('../../web/src/ui/controls.js');
  const { settings } = await import(path.join(FIGURES, 'spiral', 'settings.js'));
  const d = settings.get('n');
  assert.equal(d.slide.grain, 2);
  const { toValue } = sliderScale(d.slide);
  for (let pos = 0; pos <= 1000; pos++) assert.equal(toValue(pos) % 2, 0, `position ${pos}: ${toValue(pos)}`);
});
