/**
 * Configuration from the environment.
 *
 * | variable | meaning |
 * |---|---|
 * | `NODE_ENV=production` | production mode: no demo site, no `/dev/*`, and every secret below required |
 * | `PORT`, `HOST` | where to listen; default 8000 (or the next free port) on 127.0.0.1; development refuses a non-loopback `HOST` |
 * | `ALLOW_REMOTE_DEVELOPMENT=1` | development on a non-loopback `HOST` anyway (anyone who reaches it reads sign-in codes at /dev/sms) |
 * | `DATABASE_URL` | `postgres://user:password@host:5432/db`: PostgreSQL, shared by any number of instances (README, "Several instances") |
 * | `DATABASE_POOL_SIZE` | PostgreSQL connections per instance; default 10 |
 * | `DATABASE_PATH` | without `DATABASE_URL`: the SQLite file; default `.data/express.sqlite` |
 * | `SHUTDOWN_STREAM_RETRY_MS` | on SIGTERM, open event streams are told to reconnect after this long (and up to twice it); default 1000 |
 * | `SSE_HEARTBEAT_MS` | milliseconds between an event stream's heartbeats (keep it under the load balancer's idle timeout); default 15000 |
 * | `RATE_LIMIT_PER_MINUTE`, `SIGN_IN_RATE_LIMIT_PER_MINUTE` | requests per client IP and minute, on every route (ten times it with a secret key) and on the sign-in routes, counted in the database; default 600 and 30; `RATE_LIMIT_PER_MINUTE=0` turns both off (a benchmark, a proxy that limits) |
 * | `PUBLIC_URL` | the origin login links point at (production: required, https) |
 * | `PLATFORM_URL` | the platform's own site, linked from the login page ("Go back to {platform}"); development default `/`, the demo site |
 * | `TRUST_PROXY` | behind a reverse proxy: its addresses or CIDR ranges (`10.0.0.5`, `10.0.0.0/8,loopback`), whose `X-Forwarded-Proto` / `-For` / `-Host` are believed; `1` or `true` is refused |
 * | `ALLOWED_HOSTS` | more host names (comma-separated, `name` or `name:port`) answered besides `PUBLIC_URL`'s (and, in development, localhost) |
 * | `ALLOWED_ORIGINS` | more origins (comma-separated) allowed to make state-changing requests |
 * | `SERVER_SECRET` | HMAC key for SMS codes, at least 32 characters (production: required) |
 * | `PLATFORM_SECRET_KEYS` | the platform API keys accepted, comma-separated `sk_test_…`/`sk_live_…` (production: required) |
 * | `SMS_WEBHOOK_URL`, `SMS_WEBHOOK_TOKEN` | the real SMS sender (production: required) |
 * | `WEBHOOK_URL`, `WEBHOOK_SECRET` | playing Stripe: POST signed Connect events (new payments, payout changes) to the platform's endpoint, signed with the `whsec_…` secret |
 *
 * In development, a missing `SERVER_SECRET` and `PLATFORM_SECRET_KEYS` are generated once and
 * kept in `.data/secrets.json` (mode 0600), so sessions and keys survive restarts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Mode } from './context.js';
import { randomToken } from './crypto.js';
import { hostOf, isLoopbackAddress, trustedProxies } from './network.js';
import { WebhookSmsSender, type SmsSender } from './sms.js';

/** What `main` needs to build the server. */
export interface EnvConfig {
  mode: Mode;
  /** Undefined: 8000, or the next free port. */
  port?: number;
  host: string;
  /** PostgreSQL (`DATABASE_URL`), else SQLite at `databasePath`. */
  databaseUrl?: string;
  databasePoolSize?: number;
  databasePath: string;
  /** Milliseconds a shut-down instance's streams wait before reconnecting (and up to twice that). */
  shutdownStreamRetryMs: number;
  heartbeatMs: number;
  /** `false`: off (`RATE_LIMIT_PER_MINUTE=0`). */
  rateLimit: { max: number; signInMax: number } | false;
  publicUrl?: string;
  /** The platform's own site (`PLATFORM_URL`). */
  platformUrl?: string;
  /** The reverse proxies trusted (addresses, CIDR ranges); empty: none. */
  trustProxy: string[];
  allowedOrigins: string[];
  /** Host names answered besides `PUBLIC_URL`'s. */
  allowedHosts: string[];
  /** Development on a non-loopback `HOST` (`ALLOW_REMOTE_DEVELOPMENT=1`). */
  allowRemoteDevelopment: boolean;

  secret: Buffer;
  secretKeys: string[];
  smsSender?: SmsSender;
  /** Development: the keys the demo platform's backend holds. */
  demoKeys?: { test: string; live: string };
  /** Signed Connect events to the platform's endpoint. */
  webhooks?: { url: string; secret: string };
}

interface DevSecrets {
  server_secret: string;
  platform_keys: { test: string; live: string };
}

/** Reads, or creates once, the development secrets file. */
function devSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const s: DevSecrets = {
    server_secret: randomToken(32),
    platform_keys: { test: `sk_test_${randomToken(24).replace(/[-_]/g, 'x')}`, live: `sk_live_${randomToken(24).replace(/[-_]/g, 'x')}` },
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return s;
}

/** The configuration (see the module doc). @throws Error naming what production mode is missing. */
export function configFromEnv(env: NodeJS.ProcessEnv, root: string): EnvConfig {
  const mode: Mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const dataDir = resolve(root, '.data');
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const port = env.PORT ? Number(env.PORT) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const smsSender = env.SMS_WEBHOOK_URL ? new WebhookSmsSender({ url: env.SMS_WEBHOOK_URL, token: env.SMS_WEBHOOK_TOKEN }) : undefined;
  if (!env.WEBHOOK_URL !== !env.WEBHOOK_SECRET) throw new Error('Set both WEBHOOK_URL and WEBHOOK_SECRET (whsec_…), or neither.');
  if (env.WEBHOOK_SECRET && !/^whsec_\S{8,}$/.test(env.WEBHOOK_SECRET)) throw new Error('WEBHOOK_SECRET looks like whsec_… (at least 8 characters after the prefix).');
  const webhooks = env.WEBHOOK_URL && env.WEBHOOK_SECRET ? { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET } : undefined;
  const host = env.HOST || '127.0.0.1';
  const allowRemoteDevelopment = env.ALLOW_REMOTE_DEVELOPMENT === '1' || env.ALLOW_REMOTE_DEVELOPMENT === 'true';
  if (mode === 'development' && !isLoopbackAddress(host) && !allowRemoteDevelopment) {
    throw new Error(
      `Development mode listens on loopback only (HOST=127.0.0.1, ::1 or localhost), not ${host}: it shows every sign-in code at /dev/sms ` +
        'and its demo site makes login links for any account. Set ALLOW_REMOTE_DEVELOPMENT=1 to listen there anyway, or NODE_ENV=production.',
    );
  }
  const allowedHosts = list(env.ALLOWED_HOSTS);
  for (const h of allowedHosts) hostOf(h); // throws for a value that is not a host
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL (without it: SQLite at DATABASE_PATH).');
  const poolSize = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000)) throw new Error('DATABASE_POOL_SIZE must be a number of connections.');
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const v = env[name] ? Number(env[name]) : fallback;
    if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name} must be an integer from ${min} to ${max}.`);
    return v;
  };
  const retry = integer('SHUTDOWN_STREAM_RETRY_MS', 1000, 0, 600_000);
  const heartbeatMs = integer('SSE_HEARTBEAT_MS', 15_000, 1000, 3600_000);
  const max = integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000);
  const rateLimit = max === 0 ? (false as const) : { max, signInMax: integer('SIGN_IN_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000) };
  const base = {
    mode,
    port,
    host,
    databaseUrl,
    databasePoolSize: poolSize,
    databasePath: resolve(root, env.DATABASE_PATH || join('.data', 'express.sqlite')),
    shutdownStreamRetryMs: retry,
    heartbeatMs,
    rateLimit,
    publicUrl: env.PUBLIC_URL || undefined,
    platformUrl: env.PLATFORM_URL || undefined,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    allowedHosts,
    allowRemoteDevelopment,
    smsSender,
    webhooks,
  };
  if (mode === 'production') {
    const missing = ['SERVER_SECRET', 'PLATFORM_SECRET_KEYS', 'SMS_WEBHOOK_URL', 'PUBLIC_URL'].filter((k) => !env[k]);
    if (missing.length) throw new Error(`Production mode needs ${missing.join(', ')} (see server/src/config.ts).`);
    if (env.SERVER_SECRET!.length < 32) throw new Error('SERVER_SECRET must be at least 32 characters.');
    if (!env.PUBLIC_URL!.startsWith('https://')) throw new Error('PUBLIC_URL must be https in production.');
    return { ...base, secret: Buffer.from(env.SERVER_SECRET!, 'utf8'), secretKeys: list(env.PLATFORM_SECRET_KEYS) };
  }
  const dev = devSecrets(dataDir);
  const keys = env.PLATFORM_SECRET_KEYS ? list(env.PLATFORM_SECRET_KEYS) : [dev.platform_keys.test, dev.platform_keys.live];
  return {
    ...base,
    secret: Buffer.from(env.SERVER_SECRET || dev.server_secret, 'utf8'),
    secretKeys: keys,
    demoKeys: dev.platform_keys,
  };
}
