// The benchmarks' summary: issue 12's table, one row per measure with its target, from the core
// cases (bench/bench.cpp, native and WASM under Node), the page in Chromium (bench/browser-bench.js)
// and the sizes of the built files. Prints the table; writes everything as JSON when asked.
//   node bench/report.js CORE.json BROWSER.json MODULE.js [OUT.json | -]
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');

const [coreFile, browserFile, moduleFile, out] = process.argv.slice(2);
const core = JSON.parse(fs.readFileSync(coreFile, 'utf8')).cases;
const browser = JSON.parse(fs.readFileSync(browserFile, 'utf8')).cases;
const moduleBytes = fs.readFileSync(moduleFile);

const KB = 1000;  // sizes in kB of 1000 bytes, as the targets are written
const caseOf = (name) => browser.find((c) => c.name === name);
const coreOf = (name) => core.find((c) => c.name === name);
const rows = [];
function row(name, value, unit, target, what) {
  if (value === undefined || value === null || Number.isNaN(value)) return;
  rows.push({ name, value, unit, target, met: target === null ? null : value <= target, what });
}

// sizes
const before = caseOf('load_bytes_before_interactive'), beforeGz = caseOf('load_bytes_before_interactive_gzip9');
row('lesson_kb_before_interactive', before && before.median_ms / KB, 'kB', 300, 'what the lesson loads before it is interactive (raw)');
row('lesson_kb_gzip_before_interactive', beforeGz && beforeGz.median_ms / KB, 'kB', 100, 'the same, each file gzip -9');
const all = caseOf('load_bytes_every_figure'), allGz = caseOf('load_bytes_every_figure_gzip9');
row('lesson_kb_every_figure', all && all.median_ms / KB, 'kB', 300, 'what the lesson has loaded once every figure is mounted (raw)');
row('lesson_kb_gzip_every_figure', allGz && allGz.median_ms / KB, 'kB', 100, 'the same, each file gzip -9');
row('module_kb', moduleBytes.length / KB, 'kB', 180, 'the module adagrad_lab.js, WASM inlined (raw)');
row('module_kb_gzip', zlib.gzipSync(moduleBytes, { level: 9 }).length / KB, 'kB', null, 'the same, gzip -9');
const embeds = browser.filter((c) => /^embed_.*_bytes$/.test(c.name));
if (embeds.length) {
  const worst = embeds.reduce((a, b) => (b.gzip9 > a.gzip9 ? b : a));
  row('embed_kb_gzip_largest', worst.gzip9 / KB, 'kB', 90, `one <adagrad-figure> with everything it loads, gzip -9: the largest (${worst.name.replace(/^embed_|_bytes$/g, '')})`);
  const least = embeds.reduce((a, b) => (b.gzip9 < a.gzip9 ? b : a));
  row('embed_kb_gzip_smallest', least.gzip9 / KB, 'kB', 90, `the smallest (${least.name.replace(/^embed_|_bytes$/g, '')})`);
}
// the page
const take = (name, key = 'median_ms') => { const c = caseOf(name); return c ? c[key] : undefined; };
row('interactive_ms', take('page_interactive_after_load'), 'ms', 200, 'the lesson interactive after load, median');
row('longest_task_ms_before_interactive', take('load_longest_task_before_interactive'), 'ms', 50, 'longest main-thread task until interactive, median of loads');
row('longest_task_ms', take('load_longest_task'), 'ms', 50, 'longest main-thread task until every figure is mounted, median of loads');
row('tasks_over_50ms', take('load_tasks_over_50ms'), 'count', 0, 'main-thread tasks over 50 ms until every figure is mounted, median of loads');
row('spiral_frame_ms_median', take('spiral_frame_total_2_32_32_1'), 'ms', 4, `spiral frame on the main thread, both boards, median (${(caseOf('spiral_frame_total_2_32_32_1') || {}).path || '?'} path)`);
row('spiral_frame_ms_p95', take('spiral_frame_total_2_32_32_1', 'p95_ms'), 'ms', 16, 'the same, p95');
row('spiral_frame_ms_median_main_thread', take('spiral_main_frame_total_2_32_32_1'), 'ms', 4, 'the fallback without worker-src blob: (everything on the main thread), median');
row('spiral_frame_ms_p95_main_thread', take('spiral_main_frame_total_2_32_32_1', 'p95_ms'), 'ms', 16, 'the same, p95');
// the core
const ratio = (name) => { const c = coreOf(name); return c && c.ratio; };
const wasm = (name) => { const c = coreOf(name); return c && c.wasm_ms; };
row('step_table_10_wasm_over_native', ratio('step_table_10'), '×', 2, 'a 10-row step table, WASM in Node / native');
row('spiral_epoch_ms_wasm', wasm('spiral_epoch_2_32_32_1'), 'ms', 0.30, 'a spiral epoch, 2-32-32-1 tanh, 300 points, WASM in Node');
row('spiral_epoch_wasm_over_native', ratio('spiral_epoch_2_32_32_1'), '×', 1.3, 'the same, WASM / native');
row('boundary_f32_ms_wasm', wasm('boundary_f32_100_2_32_32_1'), 'ms', 2.5, 'the 100 × 100 float32 boundary grid, WASM in Node');
row('boundary_f32_wasm_over_native', ratio('boundary_f32_100_2_32_32_1'), '×', 1.3, 'the same, WASM / native');

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const lines = [`${'issue 12 row'.padEnd(38)} ${'value'.padStart(9)} ${'target'.padStart(9)}  met`];
for (const r of rows)
  lines.push(`${r.name.padEnd(38)} ${(fmt(r.value) + ' ' + r.unit).padStart(9)} ${(r.target === null ? '' : '≤ ' + r.target).padStart(9)}  ${r.met === null ? '  ' : r.met ? 'yes' : 'NO '}  ${r.what}`);
(out === '-' ? console.error : console.log)(lines.join('\n'));
if (out) {
  const json = `${JSON.stringify({ rows, cases: core, browser }, null, 2)}\n`;
  if (out === '-') process.stdout.write(json); else { fs.writeFileSync(out, json); console.log(`wrote ${out}`); }
}
