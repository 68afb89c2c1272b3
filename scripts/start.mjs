#!/usr/bin/env node
// `npm start`: serves the demo on 127.0.0.1 and prints its URL. The demo runs on the in-browser
// MemoryAdapter with seeded data (the embedded default): no backend needed.
// PORT=8080 npm start picks the port (default 8000, or the next free one).
import { createServer } from 'node:net';
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';

const root = new URL('..', import.meta.url).pathname;

function isFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

let port = Number(process.env.PORT ?? 8000);
if (!process.env.PORT) while (!(await isFree(port))) port++;

const server = await startDevServer({
  config: { ...config, rootDir: root, port, open: false, watch: false, clearTerminalOnReload: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Demo running at http://127.0.0.1:${port}/demo/  (MemoryAdapter, seeded data; Ctrl+C to stop)`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await server.stop(); process.exit(0); });
