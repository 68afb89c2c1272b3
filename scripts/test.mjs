#!/usr/bin/env node
// `npm test`: install the three browser engines if missing, type-check, run every browser test in
// Chromium, Firefox and WebKit (under Xvfb), then the Node tests: the reference server's suite
// twice, on SQLite and on PostgreSQL (a throwaway cluster this script starts on a free loopback
// port and removes afterwards, installing Debian's postgresql when missing, see
// scripts/postgres.mjs), the two runs side by side. Ends with one plain line `N passed, N failed`
// for the whole run. Exit code 1 on any failure.
//
// Environment: BROWSERS=chromium,firefox,webkit picks engines; CHROME_PATH, FIREFOX_PATH override;
// SKIP_TYPECHECK=1 skips tsc; TEST_FILES=a.test.ts,b.test.ts runs only those browser test files;
// SERVER_ENGINES=sqlite,postgres picks the server suite's databases.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from './postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const browsers = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());

function log(msg) { process.stdout.write(`${msg}\n`); }
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.signal) log(`${cmd} ended by ${r.signal}`);
  else if (r.error) log(`${cmd} did not run: ${r.error.message}`);
  return r.status ?? 1;
}

// 1. Browsers from Debian's packages, never a download.
const needed = [];
if (browsers.includes('chromium') && !existsSync(CHROME_PATH)) needed.push('chromium');
if (browsers.includes('firefox') && !existsSync(FIREFOX_PATH)) needed.push('firefox-esr');
if (browsers.includes('webkit')) {
  if (!existsSync(WEBKIT_DRIVER)) needed.push('webkit2gtk-driver');
  if (!existsSync('/usr/bin/xvfb-run')) needed.push('xvfb', 'xauth');
}
if (needed.length) {
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${needed.join(' ')}`;
  if (process.getuid?.() === 0) {
    log(`Installing browser engines from Debian: ${needed.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('sh', ['-c', cmd], { env }) !== 0) {
      log(`Could not install ${needed.join(', ')}. Run as root: ${cmd}`);
      log('0 passed, 1 failed');
      process.exit(1);
    }
  } else {
    log(`Missing browser engines: ${needed.join(', ')}. Install them as root with:\n  sudo ${cmd}\n` +
      'or point CHROME_PATH / FIREFOX_PATH at your own binaries, or limit BROWSERS=chromium,firefox.');
    log('0 passed, 1 failed');
    process.exit(1);
  }
}

let passed = 0, failed = 0;
const failures = []; // the tests that failed, named, repeated at the very end

// 2a. Repository hygiene: nothing names a path outside the clone; generated fixtures are current.
for (const [label, script, args] of [
  ['paths inside the repository', 'scripts/check-paths.mjs', []],
  ['imports follow the layers', 'scripts/check-layers.mjs', []],
  ['test fixtures generated from test/fixtures/stripe', 'scripts/fixtures.mjs', ['--check']],
  ['framework bindings generated from the elements\' manifest', 'scripts/frameworks.mjs', ['--check']],
]) {
  log(`Checking ${label}...`);
  if (run(process.execPath, [join(root, script), ...args]) === 0) passed++;
  else { failed++; log(`Check FAILED: ${label}.`); }
}

// 2. Type-check (includes the type-level test that Stripe's own types fit the contract).
// The reference server (Node types) and its pages' scripts are separate projects.
if (!process.env.SKIP_TYPECHECK) {
  // tsconfig.build.json: the library alone, as the build compiles it (a type that only resolves
  // because a test imports its module, as an augmented framework module did, fails there).
  for (const project of ['tsconfig.json', 'tsconfig.build.json', 'server/tsconfig.json', 'server/web/tsconfig.json']) {
    if (!existsSync(join(root, project))) continue;
    log(`Type-checking ${project} (tsc --noEmit)...`);
    if (run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]) === 0) {
      passed++;
      log('Type-check passed.');
    } else {
      failed++;
      log('Type-check FAILED.');
    }
  }
}

// 3. Browser tests in every engine, one run, under Xvfb when WebKit is in it. A file whose session
// failed in the browser's driver, not in a test (the config's reporter names them: a WebDriver
// reply that never came, a dropped protocol connection), runs once more in that engine alone, and
// that run counts; a second driver failure counts as a failure. A run that ends without a result
// (the runner gone mid-run, its reporter never called, no error printed: seen twice on this
// machine) runs once more, saying so; a second such end is a failure.
const summary = join(tmpdir(), `wtr-summary-${process.pid}.json`);
const wtr = [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'web-test-runner.config.mjs'];
function browserRun(engines, files) {
  rmSync(summary, { force: true });
  const env = { ...process.env, WTR_SUMMARY: summary, BROWSERS: engines.join(',') };
  if (files) env.TEST_FILES = files.join(',');
  const code = engines.includes('webkit') && !process.env.DISPLAY
    ? run('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, ...wtr], { env })
    : run(process.execPath, wtr, { env });
  if (!existsSync(summary)) return { code, s: undefined };
  const s = JSON.parse(readFileSync(summary, 'utf8'));
  rmSync(summary, { force: true });
  return { code, s };
}
function countBrowserRun({ code, s }, allowRerun) {
  if (!s) {
    failed++;
    failures.push('The browser test run ended without a result (see the output above).');
    log('The browser test run ended without a result (see the output above).');
    return [];
  }
  passed += s.passed;
  failed += s.failed;
  failures.push(...(s.failures ?? []));
  const rerun = s.rerun ?? [];
  if (code !== 0 && s.failed === 0 && rerun.length === 0) failed++;   // the runner failed outside any test
  if (allowRerun && rerun.length <= 5) return rerun;                  // more is not a passing hiccup
  failed += rerun.length;
  failures.push(...rerun.map((r) => r.error));
  return [];
}

let first = browserRun(browsers, undefined);
if (!first.s) {
  log(`\nThe browser test run ended without a result (exit code ${first.code}; see the output above): running it once more.`);
  first = browserRun(browsers, undefined);
}
const rerun = countBrowserRun(first, true);
for (const engine of new Set(rerun.map((r) => r.engine))) {
  const mine = rerun.filter((r) => r.engine === engine);
  log(`\nRunning again in ${engine} alone, after a failure in the browser's driver rather than a test:\n` +
    mine.map((r) => `  - ${r.error}`).join('\n'));
  countBrowserRun(browserRun([engine], mine.map((r) => r.file)), false);
}

// 4. Node tests: the repository's own (test/node) and the reference server's suite (server/test),
// the latter on SQLite and on PostgreSQL. node --test with a TAP summary per run.
const testsIn = (dir) => {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.test\.(mjs|js|ts)$/.test(f)) out.push(p);
    }
  };
  walk(dir);
  return out;
};

/** Runs node --test on `files`; `live` streams the output, else it is printed when the run ends. */
function nodeTestRun(label, files, env, live) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=tap', ...files], { cwd: root, env: { ...process.env, ...env } });
    let text = '';
    let errText = '';
    child.stdout.on('data', (d) => { text += d; if (live) process.stdout.write(d); });
    child.stderr.on('data', (d) => { if (live) process.stderr.write(d); else errText += d; });
    child.on('close', (code) => {
      if (!live) {
        log(`\n---- ${label} ----`);
        process.stdout.write(text);
        process.stderr.write(errText);
      }
      const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
      const fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
      for (const m of text.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`${label}: ${m[1]}`);
      log(`${label}: ${pass} passed, ${fail} failed`);
      resolve({ pass, fail: fail + (code !== 0 && fail === 0 ? 1 : 0) });
    });
  });
}

if (!process.env.TEST_FILES) {
  const engines = (process.env.SERVER_ENGINES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const own = testsIn(join(root, 'test/node'));
  const server = testsIn(join(root, 'server/test'));
  let pg;
  if (engines.includes('postgres') && server.length) {
    log('Starting a throwaway PostgreSQL cluster for the server suite...');
    try {
      pg = await startPostgres({ durable: false, log });
      log(`PostgreSQL on ${pg.url}`);
    } catch (e) {
      failed++;
      failures.push(`PostgreSQL for the server suite: ${e.message.split('\n')[0]}`);
      log(`Could not start PostgreSQL: ${e.message}`);
    }
  }
  const stopPg = () => pg?.stop();
  process.once('exit', stopPg);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { stopPg(); process.exit(130); });
  try {
    const runs = [];
    const sqliteFiles = [...own, ...(engines.includes('sqlite') ? server : [])];
    if (sqliteFiles.length) {
      log(`Node tests: ${sqliteFiles.length} files (the server's on SQLite)${pg ? ', and the server suite on PostgreSQL alongside (printed when it ends)' : ''}`);
      runs.push(nodeTestRun('Node tests, server on SQLite', sqliteFiles, { EXPRESS_TEST_PG_URL: '' }, true));
    }
    if (pg) runs.push(nodeTestRun('Server tests on PostgreSQL', server, { EXPRESS_TEST_PG_URL: pg.url }, false));
    for (const r of await Promise.all(runs)) {
      passed += r.pass;
      failed += r.fail;
    }
  } finally {
    stopPg();
    pg = undefined;
  }
}

if (failures.length) log(`\nTests that failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
