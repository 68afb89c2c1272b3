#!/usr/bin/env node
// Screenshots of <express-earnings> alone (bench/pages/earnings-look.html, on the demo's data), to
// look at what was built: at 1440, 820 and 375 px, light and dark, in French and right to left.
//   node bench/earnings-screenshots.mjs [outDir, default: earnings-look in the system temp folder]
// Not part of `npm run bench`; Debian's Chromium through playwright-core, as the benchmarks.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_PATH, startPageServer } from './lib/browser.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const out = process.argv[2] ?? join(tmpdir(), 'earnings-look');
mkdirSync(out, { recursive: true });

const shots = [
  { name: 'wide', width: 1440, query: 'compare', hover: true },
  { name: 'tablet', width: 820, query: 'range=90d&compare', hover: true },
  { name: 'phone', width: 375, query: '', hover: true, mobile: true },
  { name: 'wide-dark', width: 1440, query: 'range=12m&compare', dark: true, hover: true },
  { name: 'phone-dark', width: 375, query: 'range=90d', dark: true, mobile: true },
  { name: 'french', width: 820, query: 'range=12m&compare&locale=fr-FR', hover: true },
  { name: 'rtl', width: 820, query: 'range=30d&locale=ar&dir=rtl', hover: true },
  { name: 'rtl-phone', width: 375, query: 'range=30d&locale=ar&dir=rtl', mobile: true },
];

const server = await startPageServer();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const s of shots) {
    const page = await browser.newPage({
      viewport: { width: s.width, height: 900 },
      colorScheme: s.dark ? 'dark' : 'light',
      hasTouch: !!s.mobile,
      isMobile: !!s.mobile,
    });
    page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.log(`  [console.error] ${m.text()}`));
    await page.goto(`${server.url}/bench/pages/earnings-look.html?${s.query}`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    await page.waitForTimeout(800);
    if (s.hover) {
      const box = await page.locator('express-earnings svg[part~="svg"]').boundingBox();
      if (box) await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
      await page.waitForTimeout(200);
    }
    const file = join(out, `earnings-${s.name}.png`);
    await page.locator('express-earnings').screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
