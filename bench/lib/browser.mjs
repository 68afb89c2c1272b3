// The browser side of the benchmarks: the repo's @web/dev-server config serving bench/pages/*.html
// (TypeScript compiled on the fly, bare imports resolved as the demo does), and Debian Chromium
// through playwright-core. Frame times are measured with the frame-rate limit off
// (--disable-frame-rate-limit, --disable-gpu-vsync): the time between two requestAnimationFrame
// callbacks is then what producing a frame costs, not the 60 Hz vsync interval.
import { createServer } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import devServerConfig from '../../web-dev-server.config.mjs';

/** Chromium's path: $CHROME_PATH, else Debian's. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the dev server on a free loopback port; returns { url, stop }. */
export async function startPageServer() {
  const port = await freePort();
  const server = await startDevServer({
    config: { ...devServerConfig, port, open: false, watch: false, appIndex: undefined },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** Headless Chromium with precise heap numbers and no frame-rate cap. */
export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      '--enable-precise-memory-info', '--js-flags=--expose-gc',
      '--disable-frame-rate-limit', '--disable-gpu-vsync',
      '--disable-renderer-backgrounding', '--disable-background-timer-throttling',
    ],
  });
}

/**
 * Opens `path` in a new page of `browser`, waits until the page sets `window.benchReady`, and
 * returns the page. Page errors and console errors are printed (a benchmark must not hide them);
 * with BENCH_VERBOSE=1 the pages' progress (console.info) too.
 */
export async function openBenchPage(browser, baseUrl, path, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  [console.error] ${m.text()}`);
    else if (m.type() === 'info' && process.env.BENCH_VERBOSE) console.log(`  [page] ${m.text()}`);
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  return page;
}

/** Firefox's path: $FIREFOX_PATH, else Debian's Firefox ESR. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Headless Firefox through puppeteer-core over WebDriver BiDi (playwright cannot drive Debian's
 * Firefox). `layout.frame_rate: 0` is Firefox's "as soon as possible" mode: no vsync wait between
 * frames, like Chromium's flags above. No page can read Firefox's heap size.
 */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocolTimeout: 60 * 60_000,
    extraPrefsFirefox: { 'layout.frame_rate': 0, 'dom.timeout.enable_budget_timer_throttling': false },
  });
}

/** `openBenchPage` for a puppeteer browser (Firefox): the same page, viewport and error reports. */
export async function openPuppeteerPage(browser, baseUrl, path, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  [console.error] ${m.text()}`);
    else if (m.type() === 'info' && process.env.BENCH_VERBOSE) console.log(`  [page] ${m.text()}`);
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(() => window.benchReady === true, { timeout: 120_000 });
  return page;
}
