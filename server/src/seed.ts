/**
 * Seeding: fills the database with the demo history of `demoAdapter` (src/demo/), made by the same
 * generator (`generateDemoData`, src/demo/demo-data.ts), deterministically for the same
 * options and `now`. Account `i` (from 0) uses seed `i + 1` and the profile `SEED_PROFILES[i]`
 * (cycled): the first is a live-mode account, the second a test-mode one, each with a
 * (fictional, 555-01xx) phone number for the SMS outbox.
 */
import { generateDemoData } from '../../src/demo/demo-data.js';
import { insertAccount, insertPayouts, insertTransactions } from './ledger.js';
import type { SqlDb } from './storage/sql.js';

/** Currency, zone and mode of the seeded accounts, in order (cycled past the end). */
export const SEED_PROFILES: readonly { livemode: boolean; currency: string; timezone: string }[] = [
  { livemode: true, currency: 'usd', timezone: 'America/New_York' },
  { livemode: false, currency: 'usd', timezone: 'America/Los_Angeles' },
  { livemode: true, currency: 'eur', timezone: 'Europe/Berlin' },
  { livemode: true, currency: 'jpy', timezone: 'Asia/Tokyo' },
  { livemode: false, currency: 'gbp', timezone: 'Europe/London' },
];

/** Options of `seedDatabase`. */
export interface SeedOptions {
  /** How many accounts; default 3 (1 to 99). */
  accounts?: number;
  /** Months of history each; default 24. */
  months?: number;
  /** The present, Unix seconds; default the real clock. The same `now` gives the same data. */
  now?: number;
  /** Named in fee and dispute descriptions; default `Lumen Rides`. */
  platformName?: string;
}

/** What was seeded, per account. */
export interface SeededAccount {
  id: string;
  name: string;
  email: string;
  phone: string;
  livemode: boolean;
  currency: string;
  timezone: string;
  balance_transactions: number;
  payouts: number;
}

/** The phone number of seeded account `i`: +1 202 555 01xx, a range reserved for fiction. */
export function seedPhone(i: number): string {
  return `+1202555${String(101 + i).padStart(4, '0')}`;
}

/** Every table the seeder empties, children before parents. */
const SEEDED_TABLES = [
  'sessions',
  'sign_in_challenges',
  'sign_in_counts',
  'login_links',
  'events',
  'event_log_state',
  'payouts',
  'balance_transactions',
  'accounts',
  'rate_limits',
  'stripe_source_events',
  'stripe_webhook_events',
  'stripe_told',
  'stripe_payout_states',
  'net_volume_series',
];

/**
 * Empties the ledger, the sign-in tables and the counters, then seeds them (see the module doc)
 * in one transaction. @throws RangeError for counts out of range.
 */
export async function seedDatabase(db: SqlDb, options: SeedOptions = {}): Promise<SeededAccount[]> {
  const { accounts = 3, months = 24, platformName = 'Lumen Rides' } = options;
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 99) throw new RangeError('accounts must be an integer from 1 to 99');
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new RangeError('months must be an integer from 0 to 120');
  const now = options.now ?? Math.floor(Date.now() / 1000);
  return db.transaction(async (tx) => {
    for (const table of SEEDED_TABLES) await tx.run(`DELETE FROM ${table}`);
    const emails = new Set<string>();
    const out: SeededAccount[] = [];
    for (let i = 0; i < accounts; i++) {
      const profile = SEED_PROFILES[i % SEED_PROFILES.length];
      const data = generateDemoData({ seed: i + 1, months, now, platformName, ...profile });
      let email = data.account.email ?? `driver${i + 1}@example.com`;
      for (let n = 2; emails.has(email); n++) email = email.replace(/(\+\d+)?@/, `+${n}@`);
      emails.add(email);
      const account = { ...data.account, email };
      const phone = seedPhone(i);
      await insertAccount(tx, account, phone, now);
      await insertTransactions(db, account.id, data.balance_transactions, data.payout_balance_transactions, tx);
      await insertPayouts(db, account.id, data.payouts, tx);
      out.push({
        id: account.id,
        name: account.settings?.dashboard?.display_name ?? account.id,
        email,
        phone,
        livemode: profile.livemode,
        currency: profile.currency,
        timezone: profile.timezone,
        balance_transactions: data.balance_transactions.length,
        payouts: data.payouts.length,
      });
    }
    return out;
  });
}
