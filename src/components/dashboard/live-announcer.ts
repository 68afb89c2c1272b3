/**
 * What the dashboard's polite live region says about live activity, and how often. DOM-free.
 */
import { defaultSchedule, type Schedule } from '../../adapter/fan-out.js';
import type { ExpressEvent } from '../../contract/types.js';
import { describeTransaction } from '../../core/describe.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { payoutStatusLabel } from '../balance/balance.model.js';

/**
 * At most one `flush` per `windowMs`: the first item when idle is flushed at once and opens a
 * window; items that come during the window are gathered and flushed together when it ends
 * (which opens the next window).
 */
export class Throttle<T> {
  private queue: T[] = [];
  private cancelWindow?: () => void;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (items: T[]) => void,
    private readonly schedule: Schedule = defaultSchedule,
  ) {}

  /** Adds an item: flushed now when no window is open, else when the window ends. */
  push(item: T): void {
    if (this.cancelWindow) {
      this.queue.push(item);
      return;
    }
    this.flush([item]);
    this.open();
  }

  /** Drops what is gathered and closes the window. */
  cancel(): void {
    this.cancelWindow?.();
    this.cancelWindow = undefined;
    this.queue = [];
  }

  private open(): void {
    this.cancelWindow = this.schedule(() => {
      this.cancelWindow = undefined;
      const items = this.queue;
      this.queue = [];
      if (items.length) {
        this.flush(items);
        this.open();
      }
    }, this.windowMs);
  }
}

/**
 * The sentence for a batch of live events: one new transaction as "New activity: Payment from
 * Lumen Rides, $12.40" (its description and net amount), several as "3 new transactions"; the
 * latest payout event as "Payout of $120.00: In transit". Balance updates say nothing on their
 * own. `null` when there is nothing to say.
 */
export function activityAnnouncement(
  events: readonly ExpressEvent[],
  strings: Strings,
  locale: string,
  platformName?: string | null,
): string | null {
  const parts: string[] = [];
  const txns = events.flatMap((e) => (e.type === 'balance_transaction.created' ? [e.data] : []));
  if (txns.length === 1) {
    const t = txns[0];
    parts.push(
      format(strings.dashboard.newActivity, {
        description: describeTransaction(t, { strings, platformName }),
        amount: formatMoney(t.net, t.currency, locale),
      }),
    );
  } else if (txns.length > 1) {
    parts.push(strings.dashboard.newActivityCount(txns.length, locale));
  }
  const payout = events.filter((e) => e.type === 'payout.created' || e.type === 'payout.updated').at(-1);
  if (payout && (payout.type === 'payout.created' || payout.type === 'payout.updated')) {
    const p = payout.data;
    parts.push(
      format(strings.dashboard.payoutActivity, {
        amount: formatMoney(p.amount, p.currency, locale),
        status: payoutStatusLabel(p.status, strings),
      }),
    );
  }
  return parts.length ? parts.join(' ') : null;
}
