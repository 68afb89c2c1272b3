#!/usr/bin/env node
// `npm start`: the whole journey on the reference server (server/). Builds the server and the
// pages' browser bundles with esbuild (about a second), seeds an empty database (.data/), and
// serves on 127.0.0.1: the demo platform's site (/), the login page (/login), the dashboard
// (/dashboard), the SMS outbox (/dev/sms) and the in-browser MemoryAdapter demo (/demo/).
// PORT=8080 npm start picks the port (default 8000, or the next free one). NODE_ENV=production
// runs it in production mode (see server/src/config.ts for what that requires).
import { buildServer, buildWeb, defaultWebRoot, root } from '../server/build.mjs';

process.setSourceMapsEnabled(true);
const [serverModule, webRoot] = await Promise.all([buildServer(), buildWeb({ outDir: defaultWebRoot })]);
const { start } = await import(serverModule);
try {
  await start({ root, webRoot, env: process.env });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
