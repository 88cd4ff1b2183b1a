// Fuzzes the URL-state reader (web/src/state.js with every figure's settings table) with hostile
// hashes from a seeded generator: unknown and prototype keys, script fragments, 1 MB strings,
// huge numbers, duplicate keys, every setting at and just past its limits, random UTF-16 (lone
// surrogates too), percent-encoding garbage.
//
//   node tests/fuzz/url-state.fuzz.mjs [--seconds N] [--seed S] [--replay FILE]
//
// Properties, for every hash:
//  - readHash never throws and answers within 2 s (it runs in a worker a watchdog can stop);
//  - the state holds only the registered groups, and in each only that figure's settings, as
//    strings the settings table allows: numbers finite and within the declared min/max (whole
//    where declared whole, > 0 for rates), choices from the list, subsets of the list without
//    repeats; page.only a figure's name; and each figure's table parses its state without error;
//  - every setting in the link is either kept (the last accepted value of a key wins), a section
//    word, or refused with a message that names its key (quoted as the page shows it);
//  - writeHash of the state reads back with no refusal and to the same settings.
// A case that breaks one is saved to tests/fuzz/corpus/url-state/ (its hash, as text) and the
// run exits 1; every saved case is replayed first on each run.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator, loadFigures, mulberry32 } from './hostile-hashes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const corpusDir = join(here, 'corpus', 'url-state');
const HANG_MS = 2000;

// ---- the properties -----------------------------------------------------------------------

function allowed(decl, value, state, figures) {
  if (typeof value !== 'string') return `not a string: ${typeof value}`;
  if (decl.kind === 'choice') return decl.options.some(([v]) => v === value) ? null : 'not one of the choices';
  if (decl.kind === 'subset') {
    const parts = value === '' ? [] : value.split(',');
    if (parts.some((p) => !decl.values.includes(p))) return 'a part not in the list';
    return new Set(parts).size === parts.length ? null : 'a repeated part';
  }
  if (['rate', 'real', 'count'].includes(decl.kind)) {
    const v = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(v)) return `not a finite number (${v})`;
    if (decl.min !== undefined && v < decl.min) return `below the minimum ${decl.min}`;
    if (decl.max !== undefined && v > decl.max) return `above the maximum ${decl.max}`;
    if (decl.whole && !Number.isInteger(v)) return 'not a whole number';
    if (decl.log && !(v > 0)) return 'a rate that is not > 0';
    return null;
  }
  return decl.parse(value).error || null;  // free text: its own pattern is the contract
}

const tally = { kept: 0, refused: 0 };

function check(hash, api, figures, isSection) {
  const { readHash, writeHash, accepts, groupOf, schema } = api;
  const byGroup = Object.fromEntries(figures.map((f) => [f.name, f]));
  const t0 = performance.now();
  let result;
  try { result = readHash(hash, { isSection }); } catch (error) { return `readHash threw: ${error && error.stack}`; }
  const ms = performance.now() - t0;
  if (ms > HANG_MS) return `readHash took ${ms.toFixed(0)} ms`;
  const { state, refused } = result;
  tally.refused += Array.isArray(refused) ? refused.length : 0;
  tally.kept += Object.values(state || {}).reduce((n, v) => n + Object.keys(v || {}).length, 0);
  if (!Array.isArray(refused) || refused.some((m) => typeof m !== 'string')) return 'refused is not a list of messages';
  const groups = Object.keys(schema).sort();
  if (JSON.stringify(Object.keys(state).sort()) !== JSON.stringify(groups)) return `state has groups ${Object.keys(state)}`;
  for (const [group, values] of Object.entries(state)) {
    for (const [name, value] of Object.entries(values)) {
      if (!Object.hasOwn(schema[group], name)) return `state.${group} holds the unknown setting ${name}`;
      if (group === 'page') {
        if (!Object.hasOwn(byGroup, value)) return `page.only is ${JSON.stringify(value)}, not a figure's name`;
        continue;
      }
      const why = allowed(byGroup[group].settings.get(name), value);
      if (why) return `state.${group}.${name} = ${JSON.stringify(value.slice(0, 80))}: ${why}`;
    }
    if (group !== 'page') {
      const parsed = byGroup[group].settings.parse(values);
      if (!parsed.ok) return `the ${group} table refuses the state it was given: ${JSON.stringify(parsed.errors)}`;
    }
  }
  // every setting kept, a section, or refused by name
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 2000) {
    if (refused.length !== 1 || !/2000 characters/.test(refused[0])) return `a ${text.length}-character hash: ${JSON.stringify(refused)}`;
    if (Object.values(state).some((v) => Object.keys(v).length)) return 'a too-long hash set something';
    return null;
  }
  const quote = (s) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;
  const expected = Object.fromEntries(groups.map((g) => [g, {}]));
  let unread = [...refused], section = null;
  for (const [key, value] of new URLSearchParams(text)) {
    if (value === '' && !key.includes('.') && isSection(key)) { section = key; continue; }
    const dot = key.indexOf('.');
    const group = groupOf(key.slice(0, dot)), name = key.slice(dot + 1);
    if (dot > 0 && accepts(group, name, value)) {
      expected[group][name] = group === 'page' ? groupOf(value) : value;
      continue;
    }
    const i = unread.findIndex((m) => m.includes(quote(key)));
    if (i < 0) return `${JSON.stringify(key)} = ${JSON.stringify(value.slice(0, 80))} was dropped without a message naming it`;
    unread.splice(i, 1);
  }
  if (unread.length) return `refusals for nothing in the link: ${JSON.stringify(unread)}`;
  if (section !== result.section) return `section ${result.section}, expected ${section}`;
  const canonical = (o) => JSON.stringify(Object.keys(o).sort().map((g) => [g, Object.keys(o[g]).sort().map((k) => [k, o[g][k]])]));
  if (canonical(state) !== canonical(expected)) return `state ${JSON.stringify(state)}, expected ${JSON.stringify(expected)}`;
  // the page can reopen its own link
  const defaults = { page: {}, ...Object.fromEntries(figures.map((f) => [f.name, f.settings.defaults])) };
  const again = readHash(`#${writeHash(state, defaults)}`);
  if (again.refused.length) return `writeHash wrote what readHash refuses: ${JSON.stringify(again.refused)}`;
  for (const g of groups) {
    for (const name of Object.keys(schema[g])) {
      const a = state[g][name] ?? defaults[g]?.[name], b = again.state[g][name] ?? defaults[g]?.[name];
      if (a !== b) return `${g}.${name} did not survive writeHash → readHash: ${JSON.stringify(a)} → ${JSON.stringify(b)}`;
    }
  }
  return null;
}

// ---- the worker runs cases; the main thread watches for hangs and saves findings ----------

const seedOf = (seed, i) => (Math.imul(seed ^ 0x9E3779B9, 0x85EBCA6B) + Math.imul(i, 0xC2B2AE35)) >>> 0;
const sectionsOf = (seed) => { const words = ['summary', 'contents', 'intro']; return (w) => words.includes(w) && (seed & 1) === 0; };

async function caseAt(seed, i, figures) {
  return generator(mulberry32(seedOf(seed, i)), figures)();
}

if (!isMainThread) {
  const { seed, seconds, replay, progress } = workerData;
  const api = await import(join(root, 'web/src/state.js'));
  const figures = await loadFigures();
  api.registerSchemas(figures);
  const counter = new Int32Array(progress);
  for (const [i, hash] of replay.entries()) {
    Atomics.store(counter, 0, -1 - i);
    const problem = check(hash, api, figures, sectionsOf(i));
    if (problem) { parentPort.postMessage({ replayed: i, problem }); process.exit(0); }
  }
  const end = Date.now() + seconds * 1000;
  let i = 0;
  for (; Date.now() < end; i++) {
    Atomics.store(counter, 0, i);
    const hash = await caseAt(seed, i, figures);
    const problem = check(hash, api, figures, sectionsOf(i));
    if (problem) { parentPort.postMessage({ index: i, problem }); process.exit(0); }
  }
  parentPort.postMessage({ done: i, tally });
} else {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : fallback; };
  const seconds = Number(opt('--seconds', '10'));
  const seed = Number(opt('--seed', String(Date.now() % 2147483647)));
  mkdirSync(corpusDir, { recursive: true });
  const files = opt('--replay', null) ? [opt('--replay')] : readdirSync(corpusDir).filter((f) => !f.startsWith('.')).map((f) => join(corpusDir, f));
  const replay = files.map((f) => readFileSync(f, 'utf8').replace(/\n$/, ''));
  const figures = await loadFigures();
  const progress = new SharedArrayBuffer(4);
  const counter = new Int32Array(progress);
  const STARTING = -2147483648;  // the worker is still loading the page's modules
  counter[0] = STARTING;
  const save = (hash, problem) => {
    const file = join(corpusDir, `${createHash('sha1').update(hash).digest('hex').slice(0, 16)}.txt`);
    writeFileSync(file, `${hash}\n`);
    console.error(`[url-state] FINDING: ${problem}\n[url-state] reproducer: ${file} (node tests/fuzz/url-state.fuzz.mjs --replay ${file})`);
  };
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, seconds: opt('--replay', null) ? 0 : seconds, replay, progress } });
  let last = null, since = Date.now();
  const watchdog = setInterval(async () => {
    const now = Atomics.load(counter, 0);
    if (now !== last) { last = now; since = Date.now(); return; }
    if (now === STARTING) {  // loading is not a case; a minute of it is the fuzzer's own failure
      if (Date.now() - since < 60000) return;
      console.error('[url-state] the worker did not start within a minute'); process.exit(2);
    }
    if (Date.now() - since < HANG_MS + 500) return;
    clearInterval(watchdog);
    await worker.terminate();
    const hash = now < 0 ? replay[-1 - now] : await caseAt(seed, now, figures);
    save(hash, `readHash did not return within ${HANG_MS} ms (seed ${seed}, case ${now})`);
    process.exit(1);
  }, 100);
  worker.on('message', async (m) => {
    clearInterval(watchdog);
    if (m.done !== undefined) {
      console.log(`[url-state] ${m.done} hashes in ${seconds} s (${Math.round(m.done / seconds)}/s; ${m.tally.kept} settings kept, ${m.tally.refused} refused), seed ${seed}, ${replay.length} saved cases replayed: nothing found`);
      process.exit(0);
    }
    if (m.replayed !== undefined) { console.error(`[url-state] FINDING in ${files[m.replayed]}: ${m.problem}`); process.exit(1); }
    save(await caseAt(seed, m.index, figures), `${m.problem} (seed ${seed}, case ${m.index})`);
    process.exit(1);
  });
  worker.on('error', (error) => { clearInterval(watchdog); console.error(`[url-state] the fuzzer itself failed: ${error && error.stack}`); process.exit(2); });
}
