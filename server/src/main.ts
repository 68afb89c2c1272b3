/**
 * The command lines: `npm start` (`start`) and `npm run seed` (`seedCli`). scripts/start.mjs and
 * scripts/seed.mjs build this folder with esbuild first, then call these.
 */
import { relative } from 'node:path';
import { createServer } from './app.js';
import { configFromEnv } from './config.js';
import { seedDatabase, type SeededAccount } from './seed.js';
import { openStorage } from './storage/index.js';

function printSeeded(accounts: SeededAccount[]): void {
  for (const a of accounts) {
    console.log(
      `  ${a.id}  ${a.name.padEnd(18)} ${a.livemode ? 'live' : 'test'}  ${a.currency}  ${a.email.padEnd(28)} ${a.phone}  ` +
        `${a.balance_transactions} transactions, ${a.payouts} payouts`,
    );
  }
}

/** `npm start`: opens (and seeds, when empty) the database, serves, prints the addresses. */
export async function start(o: { root: string; webRoot: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const config = configFromEnv(o.env, o.root);
  const storage = await openStorage({ url: config.databaseUrl, path: config.databasePath, poolSize: config.databasePoolSize });
  const where = config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : relative(o.root, config.databasePath) || config.databasePath;
  const empty = (await storage.db.get('SELECT 1 AS one FROM accounts LIMIT 1')) === undefined;
  if (empty && config.mode === 'development') {
    console.log(`Seeding the empty database ${where} (3 accounts, 24 months):`);
    printSeeded(await seedDatabase(storage.db, { accounts: 3, months: 24 }));
  }
  const server = await createServer({
    storage,
    mode: config.mode,
    secret: config.secret,
    secretKeys: config.secretKeys,
    smsSender: config.smsSender,
    publicUrl: config.publicUrl,
    platformUrl: config.platformUrl,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    allowRemoteDevelopment: config.allowRemoteDevelopment,
    webhooks: config.webhooks,
    heartbeatMs: config.heartbeatMs,
    rateLimit: config.rateLimit,
    webRoot: o.webRoot,
    platformDemo: config.mode === 'development' && config.demoKeys ? { secretKeys: config.demoKeys } : undefined,
  });
  let origin: string | undefined;
  for (let port = config.port ?? 8000; ; port++) {
    try {
      origin = await server.listen({ port, host: config.host });
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EADDRINUSE' || config.port !== undefined || port > 8100) throw e;
    }
  }
  console.log('');
  if (config.mode === 'development') {
    console.log(`Lumen Rides, the demo platform:   ${origin}/`);
    console.log(`Express login page:               ${origin}/login`);
    console.log(`Express dashboard:                ${origin}/dashboard`);
    console.log(`SMS outbox (development only):    ${origin}/dev/sms`);
    console.log(`In-browser demo (MemoryAdapter):  ${origin}/demo/`);
  } else {
    console.log(`Express reference server (production) on ${origin}, links to ${config.publicUrl}`);
  }
  console.log(`Database ${where}, SMS through ${server.ctx.sms.name}. Ctrl+C to stop.`);
  console.log(`Stripe's platform API (for stripeSource, offline): ${origin}/v1 with Authorization: Bearer <a PLATFORM_SECRET_KEYS key> and Stripe-Account: acct_…` +
    (config.webhooks ? `; signed Connect events to ${config.webhooks.url}.` : '; set WEBHOOK_URL and WEBHOOK_SECRET to receive its Connect events.'));
  if (config.mode === 'development' && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    console.warn(
      `Warning: development mode on ${config.host} (ALLOW_REMOTE_DEVELOPMENT): anyone who can reach it can read sign-in codes at /dev/sms. ` +
        'It answers only localhost, 127.0.0.1 and [::1] with its port, PUBLIC_URL and ALLOWED_HOSTS names.',
    );
  }
  // Graceful: not ready, no new connections, streams told to come back (elsewhere) shortly,
  // requests in flight finished, the pool closed. A second signal, or 30 s, ends it at once.
  const stop = async (signal: string) => {
    const force = setTimeout(() => {
      console.error('Shutdown took over 30 s: exiting.');
      process.exit(1);
    }, 30_000);
    force.unref();
    process.once(signal, () => process.exit(1));
    try {
      await server.close({ streamRetryMs: config.shutdownStreamRetryMs });
      await storage.close();
      process.exit(0);
    } catch (e) {
      console.error('Shutting down failed:', e);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** A database URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'postgres://…';
  }
}

/** Reads `--name value` and `--name=value` options. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unexpected argument: ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i] ?? '';
  }
  return out;
}

/**
 * `npm run seed -- --accounts 3 --months 24 [--now <unix seconds or ISO date>] [--database path]`;
 * with `DATABASE_URL`, into PostgreSQL.
 */
export async function seedCli(o: { root: string; argv: readonly string[]; env: NodeJS.ProcessEnv }): Promise<void> {
  const args = parseArgs(o.argv);
  for (const k of Object.keys(args)) {
    if (!['accounts', 'months', 'now', 'database'].includes(k)) throw new Error(`Unknown option --${k} (use --accounts, --months, --now, --database)`);
  }
  const config = configFromEnv(args.database ? { ...o.env, DATABASE_PATH: args.database } : o.env, o.root);
  let now: number | undefined;
  if (args.now) {
    now = /^\d+$/.test(args.now) ? Number(args.now) : Math.floor(Date.parse(args.now) / 1000);
    if (!Number.isFinite(now)) throw new Error(`--now must be Unix seconds or an ISO date, got ${args.now}`);
  }
  const storage = await openStorage({ url: args.database ? undefined : config.databaseUrl, path: config.databasePath });
  let accounts: SeededAccount[];
  try {
    accounts = await seedDatabase(storage.db, {
      accounts: args.accounts ? Number(args.accounts) : 3,
      months: args.months ? Number(args.months) : 24,
      now,
    });
  } finally {
    await storage.close();
  }
  const where = config.databaseUrl && !args.database ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : relative(o.root, config.databasePath) || config.databasePath;
  console.log(`Seeded ${where} (everything it held before is replaced):`);
  printSeeded(accounts);
}
