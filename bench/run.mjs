#!/usr/bin/env node
// `npm run bench`: size and speed against the peers and baselines, side by side in one run.
//   node bench/run.mjs [--only=size,aggregation,transactions,earnings,server] [--docs]
// Installs bench/'s own dependencies first when bench/node_modules is missing (the peers and
// autocannon are benchmark-only: they are not in the library's package.json). Prints a table,
// writes bench/results.json, and with --docs rewrites the results part of BENCHMARKS.md. With
// --only, the sections not run keep their rows from the previous bench/results.json (each section
// carries the date of its own run), so `--only=transactions --docs` updates just that part.
// Ratios say how many times better ours is (theirs / ours for sizes and times). Absolute numbers
// depend on the machine; the ratios are what compares, since both sides ran here, now.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const SECTIONS = ['size', 'aggregation', 'transactions', 'earnings', 'server'];
const argv = process.argv.slice(2);
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? SECTIONS;
const writeDocs = argv.includes('--docs');
const log = (...a) => console.log(...a);

if (!existsSync('bench/node_modules')) {
  log('Installing the benchmark-only dependencies (npm ci --prefix bench) ...');
  const r = spawnSync('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { launchChromium, openBenchPage, startPageServer } = await import('./lib/browser.mjs');
const { renderTable, renderMarkdown, mergeMarkdown, describeMachine } = await import('./lib/report.mjs');

const started = Date.now();
const loadStart = os.loadavg();
const results = { date: new Date().toISOString(), sections: {}, rows: [], tables: [] };
let server;
let browser;
let failed = false;
try {
  const needsBrowser = only.some((s) => ['aggregation', 'transactions', 'earnings'].includes(s));
  if (needsBrowser) {
    server = await startPageServer();
    browser = await launchChromium();
  }
  const ctx = { browser, baseUrl: server?.url, open: openBenchPage, log };
  for (const name of SECTIONS.filter((s) => only.includes(s))) {
    const t0 = Date.now();
    log(`\n== ${name} ==`);
    try {
      const mod = await import(`./${name === 'size' ? 'sizes' : name}.mjs`);
      const out = await mod.run(ctx);
      const seconds = (Date.now() - t0) / 1000;
      if (out.skipped) {
        log(`  skipped: ${out.skipped}`);
        results.sections[name] = { skipped: out.skipped, seconds };
        continue;
      }
      results.sections[name] = { seconds, date: results.date, details: out.details };
      results.rows.push(...out.rows);
      results.tables.push(...(out.tables ?? []));
      log(`  (${seconds.toFixed(0)} s)`);
    } catch (e) {
      failed = true;
      log(`  FAILED: ${e.stack ?? e}`);
      results.sections[name] = { error: String(e.message ?? e), seconds: (Date.now() - t0) / 1000 };
    }
  }
  results.machine = await describeMachine(browser);
  const firefox = results.sections.transactions?.details?.Firefox?.version;
  if (firefox) results.machine.firefox = `Firefox ${firefox.replace(/^firefox\//, '')}`;
} finally {
  await browser?.close();
  await server?.stop();
}
results.load = { start: loadStart, end: os.loadavg() };
results.seconds = (Date.now() - started) / 1000;
for (const name of only) if (results.sections[name]) results.sections[name].load = results.load;

// Sections not run this time keep what the previous run measured (in section order).
const keptPrevious = only.length < SECTIONS.length && existsSync('bench/results.json');
if (keptPrevious) {
  const previous = JSON.parse(readFileSync('bench/results.json', 'utf8'));
  const merged = { ...results, sections: {}, rows: [], tables: [] };
  for (const name of SECTIONS) {
    const ran = only.includes(name);
    const from = ran ? results : previous;
    const section = from.sections?.[name];
    if (!section) continue;
    merged.sections[name] = ran ? section : { ...section, date: section.date ?? previous.date, load: section.load ?? previous.load };
    merged.rows.push(...(from.rows ?? []).filter((r) => r.section === name));
    merged.tables.push(...(from.tables ?? []).filter((t) => t.section === name));
  }
  results.sections = merged.sections;
  results.rows = merged.rows;
  results.tables = merged.tables;
}

log('\n' + renderTable(results));
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
log('\nWrote bench/results.json');
if (writeDocs) {
  const md = readFileSync('BENCHMARKS.md', 'utf8');
  const a = '<!-- results:start -->';
  const b = '<!-- results:end -->';
  if (!md.includes(a) || !md.includes(b)) throw new Error(`BENCHMARKS.md has no ${a} ... ${b} block`);
  // A run of only some sections replaces just their rows (and notes); a full run, the whole block.
  // When the other sections' results were kept from bench/results.json above, `results` holds
  // every section already (each with the date of its run), so the block is rendered whole from it
  // (mergeMarkdown would take every section's rows as this run's and repeat them).
  const partial = SECTIONS.some((s) => !only.includes(s));
  const oldBlock = md.slice(md.indexOf(a) + a.length, md.indexOf(b));
  const block = partial && !keptPrevious ? mergeMarkdown(oldBlock, results, only) : renderMarkdown(results);
  writeFileSync('BENCHMARKS.md', md.slice(0, md.indexOf(a) + a.length) + '\n' + block + md.slice(md.indexOf(b)));
  log('Updated BENCHMARKS.md');
}
if (failed) process.exit(1);
