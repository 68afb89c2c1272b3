/**
 * Connect webhooks, as Stripe sends them, from the reference server playing Stripe: with
 * `WEBHOOK_URL` and a `whsec_…` secret it POSTs an `event` object (`account` the connected
 * account, `data.object` the object) for each new payment (`charge.succeeded`) and payout change
 * (`payout.created`; `payout.updated` with `payout.paid`, `payout.failed` or `payout.canceled`),
 * signed with Stripe's scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.payload" keyed with the secret>`. Deliveries go one at a time, in order; a failed one (no
 * answer, or not 2xx) is retried twice with backoff, then logged.
 */
import { createHmac } from 'node:crypto';
import type { BalanceTransaction, Payout } from '../../src/contract/types.js';
import { unixNow, type Clock } from './clock.js';
import { randomId } from './crypto.js';

/** The API version the events claim (the `stripe` package's of this release). */
export const WEBHOOK_API_VERSION = '2026-10-28.endive';

/** `t=…,v1=…`: Stripe's signature header of `payload` at `timestamp` (Unix seconds). */
export function stripeSignature(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Options of `new StripeWebhookSender(...)`. */
export interface StripeWebhookOptions {
  /** The platform's Connect webhook endpoint. */
  url: string;
  /** Its signing secret, `whsec_…`. */
  secret: string;
  clock: Clock;
  log(message: string, error?: unknown): void;
  /** Milliseconds before the first retry (then four times as long); default 500. */
  retryDelayMs?: number;
}

/** One delivered (or attempted) event, for tests and `/dev`. */
export interface SentEvent {
  id: string;
  type: string;
  account: string;
  status: number | 'failed';
}

/** See the module doc. */
export class StripeWebhookSender {
  private queue: Promise<void> = Promise.resolve();
  /** What was sent, oldest first (the last 200). */
  readonly sent: SentEvent[] = [];

  constructor(private readonly o: StripeWebhookOptions) {
    if (!/^whsec_\S{8,}$/.test(o.secret)) throw new Error('A webhook signing secret looks like whsec_… (at least 8 characters after the prefix).');
    if (!/^https?:\/\//.test(o.url)) throw new Error('WEBHOOK_URL must be an http(s) URL.');
  }

  /** Queues an event of the connected account; resolves when it was delivered or given up. */
  send(account: { id: string; livemode: boolean }, type: string, object: unknown): Promise<void> {
    const event = {
      id: randomId('evt', 24),
      object: 'event',
      account: account.id,
      api_version: WEBHOOK_API_VERSION,
      created: unixNow(this.o.clock),
      data: { object },
      livemode: account.livemode,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const next = this.queue.then(() => this.deliver(event.id, type, account.id, JSON.stringify(event)));
    this.queue = next.catch(() => {});
    return next;
  }

  /** `charge.succeeded` for a new payment's balance transaction (a charge object as Stripe sends it). */
  paymentSucceeded(account: { id: string; livemode: boolean }, txn: BalanceTransaction): Promise<void> {
    const id = typeof txn.source === 'string' ? txn.source : txn.source?.id ?? randomId('py', 24);
    return this.send(account, 'charge.succeeded', {
      id,
      object: 'charge',
      amount: txn.amount,
      amount_captured: txn.amount,
      amount_refunded: 0,
      balance_transaction: txn.id,
      captured: true,
      created: txn.created,
      currency: txn.currency,
      description: txn.description,
      livemode: account.livemode,
      paid: true,
      refunded: false,
      status: 'succeeded',
    });
  }

  /** `payout.created`, or `payout.updated` and the status's own event (`payout.paid`, ...), with `destination` as an id. */
  payoutChanged(account: { id: string; livemode: boolean }, payout: Payout, created: boolean): Promise<void> {
    const object = { ...payout, destination: typeof payout.destination === 'object' && payout.destination ? payout.destination.id : payout.destination ?? null };
    if (created) return this.send(account, 'payout.created', object);
    const own = ({ paid: 'payout.paid', failed: 'payout.failed', canceled: 'payout.canceled' } as Record<string, string>)[payout.status];
    const updated = this.send(account, 'payout.updated', object);
    return own ? Promise.all([updated, this.send(account, own, object)]).then(() => {}) : updated;
  }

  /** Resolves when every queued delivery is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async deliver(id: string, type: string, account: string, payload: string): Promise<void> {
    let status: number | 'failed' = 'failed';
    const base = this.o.retryDelayMs ?? 500;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, base * 4 ** (attempt - 1)));
      try {
        const res = await fetch(this.o.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'Stripe-Signature': stripeSignature(payload, this.o.secret, unixNow(this.o.clock)),
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        status = res.status;
        if (res.ok) break;
      } catch (e) {
        if (attempt === 2) this.o.log(`Delivering ${type} ${id} to the webhook endpoint failed`, e);
      }
    }
    this.sent.push({ id, type, account, status });
    if (this.sent.length > 200) this.sent.splice(0, this.sent.length - 200);
  }
}
