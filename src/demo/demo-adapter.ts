/**
 * The demo's adapter: a `MemoryAdapter` over a seeded ride-share driver's history, with
 * `simulatePayment()` for live demos. Lives in the `./demo` entry so that platforms' pages do not
 * ship the generator to their users.
 */
import { MemoryAdapter, type MemoryAdapterOptions } from '../adapter/memory-adapter.js';
import { stripeId } from '../adapter/memory-data.js';
import type { BalanceTransaction } from '../contract/types.js';
import { generateDemoData, newPaymentTransaction, randomFare, type DemoOptions } from './demo-data.js';

/** Options of `demoAdapter()`: the demo history's options and the adapter's own. */
export type DemoAdapterOptions = DemoOptions & Pick<MemoryAdapterOptions, 'latency' | 'fail' | 'loginUrl'>;

/** A `MemoryAdapter` that can make new payments the way the demo history has them. */
export class DemoAdapter extends MemoryAdapter {
  /**
   * For live demos: a new pending `payment` of `amount` (minor units; default a random fare) in
   * the account's default currency, created now (the real clock), available two local days later,
   * with the platform's application fee (see `addTransaction` for what subscribers get).
   * @returns a copy of the new transaction.
   */
  simulatePayment(opts: { amount?: number; description?: string | null } = {}): BalanceTransaction {
    const currency = this.account.default_currency ?? 'usd';
    let id: string;
    do id = stripeId('txn', this.rand);
    while (this.hasTransaction(id));
    return this.addTransaction(
      newPaymentTransaction({
        amount: opts.amount ?? randomFare(this.rand, currency),
        currency,
        created: Math.floor(Date.now() / 1000),
        timeZone: this.account.settings?.dashboard?.timezone,
        rand: this.rand,
        description: opts.description,
        id,
      }),
    );
  }
}

/** A seeded ride-share driver's history (see `generateDemoData`); deterministic for the same seed and `now`. */
export function demoAdapter(options: DemoAdapterOptions = {}): DemoAdapter {
  return new DemoAdapter({
    ...generateDemoData(options),
    latency: options.latency,
    fail: options.fail,
    loginUrl: options.loginUrl,
    seed: options.seed,
  });
}
