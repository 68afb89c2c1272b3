#!/usr/bin/env node
// Screenshots of a demo page with playwright-core and Debian Chromium, to look at what we built.
// node scripts/screenshot.mjs [path=/demo/] [out=<the system's temp folder>/demo.png] [width=1280] [--dark] [--viewport]
// (--viewport: only the first 900px-high screen instead of the full page)
// Starts the demo server itself on a free port.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [path = '/demo/', out = join(tmpdir(), 'demo.png'), width = '1280'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dark = process.argv.includes('--dark');
const port = 9100 + Math.floor(Math.random() * 800);
const server = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('http://') && resolve()));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 2500));
  await page.screenshot({ path: out, fullPage: !process.argv.includes('--viewport') });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.kill();
}
