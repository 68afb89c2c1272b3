// Browser tests in three engines: Chromium, Firefox ESR and WebKitGTK (Safari's engine).
// `scripts/test.mjs` is the front door (`npm test`): it installs the browsers, type-checks,
// runs this config under Xvfb and prints one `N passed, N failed` line for the whole run.
//
// BROWSERS=chromium,firefox,webkit (default: all three) picks engines;
// CHROME_PATH / FIREFOX_PATH / WEBKIT_DRIVER_PATH / WEBKIT_BROWSER_PATH override the Debian paths.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import puppeteer from 'puppeteer-core';
import { testMiddleware } from './test/support/middleware.mjs';
import { frameworkModules } from './test/support/framework-modules.mjs';
import { ssrMiddleware } from './test/support/ssr-middleware.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const WEBKIT_BROWSER_PATH =
  process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

async function webkitLauncher() {
  if (!process.env.DISPLAY) throw new Error('No $DISPLAY for WebKit: run under `xvfb-run -a` (npm test does).');
  const { webdriverLauncher } = await import('@web/test-runner-webdriver');
  const port = Number(process.env.WEBKIT_WEBDRIVER_PORT ?? (await freePort()));
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { stdio: 'ignore' });
  const stop = () => { try { driver.kill('SIGTERM'); } catch {} };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`Browser tests ended by ${sig}`); stop(); process.exit(130); });
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break; } catch {}
    if (i > 100) throw new Error(`WebKitWebDriver did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1', port, path: '/', logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER_PATH, args: ['--automation'] },
    },
  });
  // Above 1 the webdriver launcher runs files in iframes, where sendMouse and focus misbehave.
  launcher.concurrency = 1;
  return launcher;
}

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(chromeLauncher({
    launchOptions: {
      executablePath: CHROME_PATH,
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--disable-dev-shm-usage'],
    },
  }));
}
if (wanted.includes('firefox')) {
  browsers.push(chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
  }));
}
if (wanted.includes('webkit')) browsers.push(await webkitLauncher());
if (browsers.length === 0) throw new Error(`BROWSERS=${process.env.BROWSERS} names no known engine`);

// A session that failed in the browser's driver rather than in a test: WebKitWebDriver's reply to
// a navigation never came (UND_ERR_HEADERS_TIMEOUT), a protocol connection dropped. Its file is not
// counted here; scripts/test.mjs runs it once more in that engine and counts that run.
const DRIVER_ERROR = /WebDriverError|UND_ERR_|Protocol error|Target closed|Session closed|Browser (?:was )?disconnected/;
const engineKey = (name = '') => (/chrom/i.test(name) ? 'chromium' : /firefox/i.test(name) ? 'firefox' : 'webkit');

/**
 * Counts every test of every browser and writes `{ passed, failed, skipped, failures, rerun }` for
 * scripts/test.mjs, `rerun` being the files whose session failed in the driver, by engine.
 */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      // What failed, named (engine, file, suites › test, first line of the error), for the run's last lines.
      const failures = [];
      const rerun = [];
      for (const session of sessions) {
        const where = `${session.browser?.name ?? '?'} ${session.testFile.replace(process.cwd() + '/', '')}`;
        let p = 0, f = 0, s = 0;
        const mine = [];
        const walk = (suite, path) => {
          for (const t of suite.tests ?? []) {
            if (t.skipped) s++;
            else if (t.passed) p++;
            else {
              f++;
              mine.push(`${where}: ${[...path, t.name].join(' › ')}: ${String(t.error?.message ?? '').split('\n')[0]}`);
            }
          }
          for (const child of suite.suites ?? []) walk(child, [...path, child.name]);
        };
        if (session.testResults) walk(session.testResults, []);
        const errors = session.errors ?? [];
        if (!session.passed && f === 0 && errors.length > 0 && errors.every((e) => DRIVER_ERROR.test(String(e?.message)))) {
          rerun.push({ engine: engineKey(session.browser?.name), file: session.testFile.replace(process.cwd() + '/', ''),
            error: `${where}: ${String(errors[0].message).split('\n')[0]}` });
          continue;
        }
        passed += p; failed += f; skipped += s;
        failures.push(...mine);
        // A file that failed to load, or errored outside a test, counts as one failure.
        if (!session.passed && f === 0) {
          failed++;
          failures.push(`${where}: ${String(errors[0]?.message ?? 'the file failed outside any test').split('\n')[0]}`);
        }
      }
      if (process.env.WTR_SUMMARY) writeFileSync(process.env.WTR_SUMMARY, JSON.stringify({ passed, failed, skipped, failures, rerun }));
    },
  };
}

export default {
  files: process.env.TEST_FILES ? process.env.TEST_FILES.split(',') : 'test/**/*.test.ts',
  nodeResolve: true,
  rootDir: '.',
  hostname: '127.0.0.1',
  port: Number(process.env.WTR_PORT ?? (await freePort())),
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  // tsconfig is required: without it esbuild leaves decorators untranslated.
  // frameworkModules: React (CommonJS) pre-bundled as ES modules, React 18 beside 19, Vue's browser build.
  plugins: [frameworkModules(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  middleware: [...testMiddleware, ssrMiddleware],
  browsers,
  reporters: [defaultReporter(), countingReporter()],
};
