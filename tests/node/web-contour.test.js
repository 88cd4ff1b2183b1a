// draw/contour.js's geometry: d3-contour traces the core's value grids in grid-index units
// (sample (c, r) at (c + ½, r + ½), row 0 first); contourGeometry must put every level line back
// on the level set in the plot's (w, b) coordinates. Checked on fields whose level sets are known
// in closed form, on the core's own grids (row 0 at y_max), and against a deliberately wrong
// mapping, so the checks can tell half a cell from right. Also draw/ramp.js, the bands' colours.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLab } = require('./lab.js');

let latticeGrid, logLevels, contourGeometry, ramp, parseColor, oklab, lab;
test.before(async () => {
  ({ latticeGrid, logLevels, contourGeometry } = await import('../../web/src/draw/contour.js'));
  ({ ramp, parseColor, oklab } = await import('../../web/src/draw/ramp.js'));
  lab = await loadLab();
});

/** f at every node of an nx × ny lattice spanning `box`, row 0 at y_max (the core's order). */
function sample(f, box, nx, ny) {
  const values = new Float64Array(nx * ny);
  const hx = (box.x_max - box.x_min) / (nx - 1), hy = (box.y_max - box.y_min) / (ny - 1);
  for (let r = 0; r < ny; r++) for (let c = 0; c < nx; c++) values[r * nx + c] = f(box.x_min + c * hx, box.y_max - r * hy);
  return values;
}

/** How far f at the level lines' points strays from their levels, as a share of `bound`: the most
 *  that linear interpolation along a grid edge can miss a quadratic f by (a·h²/4 for f's term
 *  a·x² across cells of width h; it never overshoots, a convex f lies under its chords), and
 *  how many points were checked. A right mapping keeps the share ≤ 1 at every point. */
function worst(sets, f, bound) {
  let most = 0, points = 0;
  for (const { level, lines } of sets) {
    for (const line of lines) {
      for (let i = 0; i < line.length; i += 2) {
        const miss = level - f(line[i], line[i + 1]);
        most = Math.max(most, miss < -1e-12 * Math.max(1, level) ? Infinity : miss / bound);
        points++;
      }
    }
  }
  return { most, points };
}

const shifted = (box, dx, dy) => ({ x_min: box.x_min + dx, x_max: box.x_max + dx, y_min: box.y_min + dy, y_max: box.y_max + dy });

test('a round bowl x² + y²: the level-r² line lies on the circle of radius r, far within a cell', () => {
  const box = { x_min: -2, x_max: 2, y_min: -2, y_max: 2 }, nx = 81, ny = 81, h = 4 / 80;
  const f = (x, y) => x * x + y * y, bound = h * h / 4;
  const radii = [0.3, 0.7, 1, 1.5, 1.9];
  const sets = contourGeometry({ values: sample(f, box, nx, ny), nx, ny }, box, radii.map((r) => r * r));
  sets.forEach(({ lines }, k) => {
    assert.equal(lines.length, 1, `radius ${radii[k]}: one closed line`);
    const line = lines[0];
    assert.deepEqual([line[0], line[1]], [line[line.length - 2], line[line.length - 1]], 'closed');
    for (let i = 0; i < line.length; i += 2) {
      const off = Math.abs(Math.hypot(line[i], line[i + 1]) - radii[k]);
      assert.ok(off < h, `radius ${radii[k]}: (${line[i]}, ${line[i + 1]}) is ${off / h} cells off`);
    }
  });
  const { most, points } = worst(sets, f, bound);
  assert.ok(points > 500);
  assert.ok(most <= 1, `f misses its level by ${most} times what interpolation allows`);
  // the check can fail: the same grid read half a cell off, in x or in y, misses by far more
  for (const [dx, dy] of [[h / 2, 0], [0, h / 2], [0, -h / 2], [-h, 0]]) {
    const off = worst(contourGeometry({ values: sample(f, box, nx, ny), nx, ny }, shifted(box, dx, dy), radii.map((r) => r * r)), f, bound);
    assert.ok(off.most > 10, `a shift of (${dx / h}, ${dy / h}) cells misses by only ${off.most} times the bound`);
  }
});

test('an elongated valley x² + 100(y − 0.3)², off centre on an unequal lattice: every line on its ellipse', () => {
  const box = { x_min: -3, x_max: 5, y_min: -0.6, y_max: 1.4 }, nx = 161, ny = 101;
  const hx = 8 / 160, hy = 2 / 100;
  const f = (x, y) => (x - 1) ** 2 + 100 * (y - 0.3) ** 2, bound = Math.max(hx * hx, 100 * hy * hy) / 4;
  // the smallest ellipse is 0.1 tall, five cells; the largest 6 wide and 0.6 tall
  const levels = [1, 2, 4, 9];
  const sets = contourGeometry({ values: sample(f, box, nx, ny), nx, ny }, box, levels);
  const { most, points } = worst(sets, f, bound);
  assert.ok(points > 500);
  assert.ok(most <= 1, `f misses its level by ${most} times what interpolation allows`);
  // each line spans its ellipse: semi-axes √c across and √c / 10 up, around (1, 0.3)
  for (const { level, lines } of sets) {
    const xs = lines.flatMap((l) => Array.from(l).filter((_, i) => i % 2 === 0)), ys = lines.flatMap((l) => Array.from(l).filter((_, i) => i % 2 === 1));
    assert.ok(Math.abs(Math.max(...xs) - (1 + Math.sqrt(level))) < hx, `level ${level}: right end ${Math.max(...xs)}`);
    assert.ok(Math.abs(Math.min(...xs) - (1 - Math.sqrt(level))) < hx, `level ${level}: left end ${Math.min(...xs)}`);
    assert.ok(Math.abs(Math.max(...ys) - (0.3 + Math.sqrt(level) / 10)) < hy, `level ${level}: top ${Math.max(...ys)}`);
    assert.ok(Math.abs(Math.min(...ys) - (0.3 - Math.sqrt(level) / 10)) < hy, `level ${level}: bottom ${Math.min(...ys)}`);
  }
  // the wrong way up (row 0 read as y_min) puts the valley at y = 0.5 instead of 0.3
  const flipped = sample((x, y) => f(x, box.y_max + box.y_min - y), box, nx, ny);
  assert.ok(worst(contourGeometry({ values: flipped, nx, ny }, box, levels), f, bound).most > 100);
  assert.ok(worst(contourGeometry({ values: sample(f, box, nx, ny), nx, ny }, shifted(box, 0, hy / 2), levels), f, bound).most > 10);
});

test('the core\'s grids on latticeGrid(box): the race\'s bowl and a valley\'s tilted ellipses, lines where f is the level', () => {
  // the race: f = w² + 10b², lab.quadraticValueGrid, the figure's box and lattice
  const box = { x_min: -5, x_max: 5, y_min: -2.5, y_max: 2.5 }, nx = 161, ny = 81;
  const values = lab.quadraticValueGrid([1, 10], latticeGrid(box, nx, ny));
  const levels = logLevels(values, 0, { ratio: 2, count: 13 });
  assert.equal(levels.length, 13);
  const h = 10 / 160;   // both ways
  const bowl = worst(contourGeometry({ values, nx, ny }, box, levels), (w, b) => w * w + 10 * b * b, 10 * h * h / 4);
  assert.ok(bowl.points > 500);
  assert.ok(bowl.most <= 1, `bowl: ${bowl.most} times the bound`);
  // a regression loss: minimum off the axes, ellipses tilted; f and its gradient from the data
  const data = lab.makeRegressionDataset({ kind: 'sparse_column', density: 0.2, n_samples: 50, noise: 0.3, seed: 3 });
  const vbox = { x_min: -2, x_max: 6, y_min: -1.5, y_max: 3.5 }, vnx = 161, vny = 101;
  const loss = lab.linearRegressionValueGrid(data, latticeGrid(vbox, vnx, vny));
  const min = Array.from(lab.linearRegressionMinimum(data)), floor = lab.linearRegressionValue(data, min);
  const n = data.x.length;
  const L = (w, b) => { let s = 0; for (let i = 0; i < n; i++) s += (w * data.x[i] + b - data.y[i]) ** 2; return s / n; };
  let xx = 0;
  for (const x of data.x) xx += x * x / n;   // L's terms: mean(x²)·w² across, b² up
  assert.ok(Math.abs(L(0.5, 0.25) - lab.linearRegressionValue(data, [0.5, 0.25])) < 1e-12, 'L is the core\'s loss');
  const vsets = contourGeometry({ values: loss, nx: vnx, ny: vny }, vbox, logLevels(loss, floor, { ratio: 2, count: 14 }));
  const valley = worst(vsets, L, Math.max(xx * (8 / 160) ** 2, (5 / 100) ** 2) / 4);
  assert.ok(valley.points > 500);
  assert.ok(valley.most <= 1, `valley: ${valley.most} times the bound`);
});

test('level lines stay inside the box; the rings close each region f ≥ level, holes included', () => {
  const box = { x_min: -1, x_max: 3, y_min: -1, y_max: 1 }, nx = 81, ny = 41, hx = 4 / 80, hy = 2 / 40;
  const f = (x, y) => x * x + y * y;
  // level 0.25 is a circle inside the box; level 2.25's circle leaves it through the top and bottom
  const [inner, cut] = contourGeometry({ values: sample(f, box, nx, ny), nx, ny }, box, [0.25, 2.25]);
  for (const { lines } of [inner, cut]) {
    for (const line of lines) {
      for (let i = 0; i < line.length; i += 2) {
        assert.ok(line[i] >= box.x_min && line[i] <= box.x_max && line[i + 1] >= box.y_min && line[i + 1] <= box.y_max, `(${line[i]}, ${line[i + 1]})`);
      }
    }
  }
  assert.equal(cut.lines.length, 1, 'the circle of radius 1.5 in the box is one open arc');
  const arc = cut.lines[0];
  assert.notDeepEqual([arc[0], arc[1]], [arc[arc.length - 2], arc[arc.length - 1]]);
  // it ends where the circle crosses the box's top and bottom edges, at x = √1.25
  const ends = [[arc[0], arc[1]], [arc[arc.length - 2], arc[arc.length - 1]]].sort((a, b) => a[1] - b[1]);
  for (const [[x, y], edge] of [[ends[0], box.y_min], [ends[1], box.y_max]]) {
    assert.ok(Math.abs(y - edge) < 1e-12 && Math.abs(x - Math.sqrt(1.25)) < 0.01, `an end at (${x}, ${y})`);
  }
  // f ≥ 0.25 is the lattice's frame (the nodes ± half a cell, each corner cut by a diagonal
  // across the quarter cell outside the corner node: half a cell in all) minus the disc of radius 0.5
  const area = (ring) => { let s = 0; for (let i = 0; i + 3 < ring.length; i += 2) s += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1]; return s / 2; };
  const areas = inner.rings.map(area).sort((a, b) => Math.abs(b) - Math.abs(a));
  assert.equal(areas.length, 2);
  assert.ok(Math.abs(Math.abs(areas[0]) - ((4 + hx) * (2 + hy) - hx * hy / 2)) < 1e-9, `frame ${areas[0]}`);
  // (the polygon lies just inside the circle: its vertices are on it, less the chords' error)
  assert.ok(Math.abs(Math.abs(areas[1]) - Math.PI / 4) < 5e-3, `hole ${areas[1]}`);
  assert.ok(Math.sign(areas[0]) !== Math.sign(areas[1]), 'a hole winds the other way');
});

test('contourGeometry refuses a grid that does not match its size', () => {
  const box = { x_min: 0, x_max: 1, y_min: 0, y_max: 1 };
  assert.throws(() => contourGeometry({ values: new Float64Array(10), nx: 3, ny: 3 }, box, [1]), /10 values for a 3 × 3 lattice/);
  assert.throws(() => contourGeometry({ values: new Float64Array(3), nx: 1, ny: 3 }, box, [1]), /lattice/);
});

test('the bands\' ramp: its ends are the two colours, its lightness climbs or falls steadily', () => {
  assert.deepEqual(parseColor('#f8f9fc'), [248, 249, 252]);
  assert.deepEqual(parseColor(' #abc '), [170, 187, 204]);
  assert.deepEqual(parseColor('rgb(1, 2, 3)'), [1, 2, 3]);
  assert.deepEqual(parseColor('rgb(10 20 30 / 50%)'), [10, 20, 30]);
  assert.equal(parseColor('teal'), null);
  const colours = ramp('#f8f9fc', '#5b3cc4', 9);
  assert.equal(colours.length, 9);
  assert.equal(colours[0], 'rgb(248, 249, 252)');
  assert.equal(colours[8], 'rgb(91, 60, 196)');
  const lightness = colours.map((c) => oklab(parseColor(c))[0]);
  const steps = lightness.slice(1).map((l, i) => lightness[i] - l);
  assert.ok(steps.every((d) => d > 0), `darker at every step: ${lightness}`);
  assert.ok(Math.max(...steps) - Math.min(...steps) < 0.01, `even steps in OKLab lightness: ${steps}`);
  // a curve above 1 keeps the low end's steps small and makes the high end's larger
  const curved = ramp('#ffffff', '#000000', 6, 2).map((c) => oklab(parseColor(c))[0]);
  assert.ok(curved[0] - curved[1] < curved[4] - curved[5], `${curved}`);
  assert.deepEqual(ramp('nonsense', '#000', 2), ['rgb(0, 0, 0)', 'rgb(0, 0, 0)'], 'an unreadable end falls back to the other');
});

test('logLevels: each level twice as far above the floor as the one below, the top half the span', () => {
  const levels = logLevels([5, 1, NaN, 9, Infinity], 1, { ratio: 2, count: 4 });
  assert.deepEqual(levels, [1.5, 2, 3, 5]);
  assert.deepEqual(logLevels([1, 1], 1), [], 'a flat field has no levels');
});
