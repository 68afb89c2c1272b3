/** The reference server's modules, for scripts/start.mjs, scripts/seed.mjs and the tests. */
export { createServer, pruneExpired, rateLimitStore, type ExpressServer, type ServerOptions } from './app.js';
export { systemClock, type Clock } from './clock.js';
export { configFromEnv, type EnvConfig } from './config.js';
export { SESSION_COOKIE, SECURE_SESSION_COOKIE, type AppContext, type Mode } from './context.js';
export {
  appliedVersion,
  migrate,
  openStorage,
  POSTGRES_MIGRATIONS,
  PostgresDb,
  RateLimitCounter,
  SQLITE_MIGRATIONS,
  SqliteDb,
  type Migration,
  type SqlDb,
  type SqlTx,
  type Storage,
  type StorageOptions,
} from './storage/index.js';
export { sqlNetVolumeStore, sqlStripeState } from './stripe-state.js';
export { ApiError } from './errors.js';
export { Ledger, MAX_NET_VOLUME_BUCKETS, insertAccount, insertPayouts, insertTransactions } from './ledger.js';
export { LEDGER_EVENTS, STRIPE_SOURCE_EVENTS, SqlEventStore } from './event-store.js';
export { stripePlatformApi, type StripeFault, type StripePlatformApi } from './stripe-api.js';
export { StripeWebhookSender, stripeSignature } from './stripe-webhooks.js';
export { parseArgs, redactUrl, seedCli, start } from './main.js';
export { SEED_PROFILES, seedDatabase, seedPhone, type SeedOptions, type SeededAccount } from './seed.js';
export { DEFAULT_SESSION_POLICY, Sessions, type SessionPolicy } from './sessions.js';
export { SIGN_IN_POLICY, SignIn, allowance, countLock, phoneHint, recordCount } from './sign-in.js';
export { DevelopmentSmsSender, WebhookSmsSender, type SmsMessage, type SmsSender } from './sms.js';
export { aggregateNetVolume } from '../../src/core/net-volume.js';
export { balanceOf, generateDemoData, mulberry32 } from '../../src/demo/demo-data.js';
/** The library's server entry (`express-dashboard-elements/server`), from the same build, for tests and scripts. */
export * as lib from '../../src/server/index.js';
