/**
 * Generated balance transactions for the browser benchmarks: seeded, so every run (and the
 * baseline in the same run) sees the same rows. Newest first, as the API lists them.
 */
import { mulberry32 } from '../../src/demo/demo-data.js';
import type { BalanceTransaction } from '../../src/contract/types.js';

/** America/New_York midnight, 2024-01-01 (05:00 UTC). */
export const FROM = Date.UTC(2024, 0, 1, 5) / 1000;
/** America/New_York midnight, 2026-01-01 (05:00 UTC): two years, 731 local days. */
export const TO = Date.UTC(2026, 0, 1, 5) / 1000;

/** Type mix of a ride-share driver's history (cumulative weights). */
const TYPES: ReadonlyArray<[string, number]> = [
  ['payment', 0.8], ['payment_refund', 0.85], ['application_fee', 0.9], ['transfer', 0.94],
  ['payout', 0.97], ['adjustment', 0.98], ['topup', 0.99], ['stripe_fee', 1],
];

/** The fields net volume reads, for `n` rows in `[from, to)`, newest first; 2 % are in EUR. */
export function netVolumeRows(n: number, from = FROM, to = TO, seed = 7) {
  const rand = mulberry32(seed);
  const created = new Float64Array(n);
  for (let i = 0; i < n; i++) created[i] = from + Math.floor(rand() * (to - from));
  created.sort().reverse();
  const rows: { created: number; net: number; type: string; currency: string }[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    let type = 'payment';
    for (const [t, w] of TYPES) if (r < w) { type = t; break; }
    const magnitude = 300 + Math.floor(rand() * 9700);
    const net = type === 'payment' || type === 'topup' || type === 'transfer' ? magnitude : -magnitude;
    rows[i] = { created: created[i], net, type, currency: rand() < 0.02 ? 'eur' : 'usd' };
  }
  return rows;
}

/** Full balance transactions (what a MemoryAdapter holds), newest first, all in USD. */
export function balanceTransactions(n: number, from = FROM, to = TO, seed = 11): BalanceTransaction[] {
  const rows = netVolumeRows(n, from, to, seed);
  return rows.map((r, i): BalanceTransaction => {
    const fee = r.type === 'payment' ? Math.round(r.net * 0.029) + 30 : 0;
    return {
      id: `txn_${String(n - i).padStart(24, '0')}`,
      amount: r.net + fee,
      fee,
      net: r.net,
      currency: 'usd',
      created: r.created,
      available_on: r.created + 2 * 86400,
      status: 'available',
      type: r.type,
      description: r.type === 'payment' ? `Ride ${n - i}` : null,
      source: null,
      fee_details: fee ? [{ amount: fee, currency: 'usd', type: 'stripe_fee', description: 'Stripe processing fees' }] : [],
    };
  });
}
