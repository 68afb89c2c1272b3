// An instance of the reference server in a process of its own, started as `npm start` starts it
// (server/src/main.ts's start(): configuration from the environment, SIGTERM's graceful
// shutdown), for the tests and the benchmark of several instances on one database.
//
// - `startInstance(env)` (imported) builds the server, runs this file as a child process with
//   `env` added to this process's environment, on a free loopback port, and resolves once it
//   listens (development mode prints its addresses).
// - Run as a script (what startInstance does): SERVER_MODULE is the built server
//   (server/build.mjs), INSTANCE_ROOT the folder of its .data, WEB_ROOT its pages' bundles.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from './build.mjs';

/**
 * Starts an instance with `env` (development mode: its addresses are printed, which tells its
 * origin). Resolves with `{ origin, child, output(), exited, stop(signal) }`; `stop` resolves with
 * the exit code (or the signal's name).
 */
export async function startInstance(env) {
  const root = mkdtempSync(join(tmpdir(), 'express-instance-'));
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ...env, SERVER_MODULE: await buildServer(), INSTANCE_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  void exited.then(() => rmSync(root, { recursive: true, force: true }));
  const origin = await new Promise((resolve, reject) => {
    const look = () => {
      const m = /Express login page:\s+(http:\/\/[^/\s]+)\/login/.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`The instance exited (${code}) before listening:\n${out}`)));
  });
  return {
    origin,
    child,
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.env.SERVER_MODULE) {
  process.setSourceMapsEnabled(true);
  const { start } = await import(process.env.SERVER_MODULE);
  try {
    await start({ root: process.env.INSTANCE_ROOT, webRoot: process.env.WEB_ROOT ?? '', env: process.env });
  } catch (e) {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  }
}
