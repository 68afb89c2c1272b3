// A throwaway PostgreSQL cluster for tests and the benchmark: Debian's binaries (the `postgresql`
// package is installed when missing, as root, like the browsers), `initdb` into a new temporary
// folder (as the `postgres` user when running as root: initdb refuses root), `pg_ctl` on a free
// loopback port with the socket in that folder, and everything removed on `stop()`.
//
//   const pg = await startPostgres();   // { url: 'postgres://postgres@127.0.0.1:PORT/postgres', stop }
//
// `durable: false` (tests) turns fsync off: faster, and nothing of a test cluster must survive.
// Run it alone to keep a cluster up by hand: `node scripts/postgres.mjs` prints the URL, Ctrl+C stops it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder, or undefined. */
function binDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

/** Installs Debian's `postgresql` when missing (as root); returns the bin folder. @throws Error saying what to run otherwise. */
export function ensurePostgres(log = (m) => process.stdout.write(`${m}\n`)) {
  let bin = process.env.POSTGRES_BIN ?? binDir();
  if (bin) return bin;
  const cmd = 'apt-get update && apt-get install -y --no-install-recommends postgresql';
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL is not installed. Install it as root with:\n  sudo ${cmd}\nor set POSTGRES_BIN to a folder with initdb and pg_ctl.`);
  log('Installing PostgreSQL from Debian (for the server tests on PostgreSQL)...');
  const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  bin = binDir();
  if (r.status !== 0 || !bin) throw new Error(`Could not install PostgreSQL (${cmd}).`);
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function runAs(root, bin, args) {
  const file = join(bin, args[0]);
  if (root) return execFileSync('runuser', ['-u', 'postgres', '--', file, ...args.slice(1)], { stdio: 'pipe', encoding: 'utf8' });
  return execFileSync(file, args.slice(1), { stdio: 'pipe', encoding: 'utf8' });
}

/**
 * Starts a cluster (see the module doc). Options: `durable` (default true: fsync on, as in
 * production; tests pass false), `settings` (more `-c name=value`).
 */
export async function startPostgres({ durable = true, settings = {}, log } = {}) {
  const bin = ensurePostgres(log);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'express-pg-'));
  const data = join(dir, 'data');
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  let started = false;
  const stop = () => {
    if (started) {
      try {
        runAs(root, bin, ['pg_ctl', '-D', data, 'stop', '-m', 'fast', '-w']);
      } catch {
        // already stopped
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runAs(root, bin, ['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', ...(durable ? [] : ['--no-sync'])]);
    const port = await freePort();
    const opts = {
      port: String(port),
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      max_connections: '300',
      ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...settings,
    };
    const o = Object.entries(opts).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    try {
      runAs(root, bin, ['pg_ctl', '-D', data, '-o', o, '-l', join(dir, 'log'), '-w', '-t', '120', 'start']);
    } catch (e) {
      const logText = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`pg_ctl start failed: ${e.stderr ?? e.message}\n${logText}`);
    }
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPostgres({ durable: !process.argv.includes('--fast') });
  console.log(pg.url);
  const bye = () => {
    pg.stop();
    process.exit(0);
  };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
  setInterval(() => {}, 1 << 30);
}
