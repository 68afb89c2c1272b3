/**
 * What a row of `<express-transactions>` says, DOM-free: its dates (the time of day in the row,
 * the year only when it is not this year), a payout transaction's payout (from its expanded
 * `source`, or from the payouts the list looked up) and the status a person reads: a payout is
 * "Paid" or "In transit", never "Available".
 */
import { categoryOf } from '../../contract/categories.js';
import type { BalanceTransaction, Payout } from '../../contract/types.js';
import { dateTimeFormat } from '../../core/date-format.js';
import type { Strings } from '../../core/i18n/registry.js';
import { payoutStatusLabel } from '../../core/payouts.js';
import { zonedDateToUnix, zonedParts } from '../../core/time.js';

/** The dates of the rows in one locale and timezone, in the year `thisYear` (in that timezone). */
export class RowDates {
  private readonly f: (options: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat;
  /** Formats made once (a list formats a date per row shown, a few dozen a frame when scrolling). */
  private readonly made = new Map<string, Intl.DateTimeFormat>();
  /** This year's first instant and the next one's, in the timezone. */
  private year?: [number, number];

  constructor(
    locale: string,
    private readonly timeZone: string,
    private readonly thisYear: number,
  ) {
    this.f = (options) => dateTimeFormat(locale, { ...options, timeZone });
  }

  private format(name: string, options: Intl.DateTimeFormatOptions, seconds: number): string {
    let f = this.made.get(name);
    if (!f) this.made.set(name, (f = this.f(options)));
    return f.format(seconds * 1000);
  }

  /** Whether `seconds` falls in `thisYear` in the timezone. */
  private inThisYear(seconds: number): boolean {
    const y = (this.year ??= [zonedDateToUnix(this.thisYear, 1, 1, this.timeZone), zonedDateToUnix(this.thisYear + 1, 1, 1, this.timeZone)]);
    return seconds >= y[0] && seconds < y[1];
  }

  /** In the row: "Nov 26, 9:15 AM"; "Nov 26, 2025, 9:15 AM" in another year. */
  short(seconds: number): string {
    return this.inThisYear(seconds)
      ? this.format('short', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, seconds)
      : this.format('shortYear', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }, seconds);
  }

  /** In the tooltip and the details: "Thursday, November 26, 2026 at 9:15 AM". */
  full(seconds: number): string {
    return this.format('full', { dateStyle: 'full', timeStyle: 'short' }, seconds);
  }

  /** A day: "Thursday, November 26, 2026". */
  long(seconds: number): string {
    return this.format('long', { dateStyle: 'full' }, seconds);
  }

  /** A short day: "Nov 28". */
  day(seconds: number): string {
    return this.format('day', { month: 'short', day: 'numeric' }, seconds);
  }
}

/** The year of `now` (Unix seconds) in `timeZone`. */
export function yearIn(now: number, timeZone: string): number {
  return zonedParts(now, timeZone).year;
}

/** Whether a `source` is an expanded payout (Stripe's `expand[]=data.source`), not a bare id. */
function isPayout(v: unknown): v is Payout {
  if (!v || typeof v !== 'object') return false;
  const p = v as Partial<Payout> & { object?: unknown };
  return typeof p.id === 'string' && typeof p.status === 'string' && typeof p.arrival_date === 'number' && (p.object === undefined || p.object === 'payout');
}

/** The id of a transaction's source (a bare id or an expanded object's), if any. */
export function sourceId(txn: Pick<BalanceTransaction, 'source'>): string | undefined {
  const s = txn.source;
  if (typeof s === 'string') return s || undefined;
  return s && typeof s.id === 'string' ? s.id : undefined;
}

/**
 * The payout of a `payout` transaction: its `source` when expanded, else the one of `payouts`
 * with the source's id. `undefined` for other transactions and for a payout not known.
 */
export function payoutOf(txn: BalanceTransaction, payouts?: ReadonlyMap<string, Payout>): Payout | undefined {
  if (txn.type !== 'payout') return undefined;
  if (isPayout(txn.source)) return txn.source;
  const id = sourceId(txn);
  return id ? payouts?.get(id) : undefined;
}

/** The ids of the payouts `txns` need and neither carry nor are in `known`, newest first. */
export function missingPayouts(txns: Iterable<BalanceTransaction>, known: ReadonlyMap<string, Payout>): { id: string; created: number }[] {
  const out: { id: string; created: number }[] = [];
  for (const t of txns) {
    if (t.type !== 'payout' || isPayout(t.source)) continue;
    const id = sourceId(t);
    if (id && id.startsWith('po_') && !known.has(id)) out.push({ id, created: t.created });
  }
  return out;
}

/** A row's status as a person reads it. */
export type RowStatus =
  /** Not yet available: "Pending until {date}". */
  | { kind: 'pending'; until: number }
  /** A payout's own status ("Paid", "In transit", "Failed", …); `status` is Stripe's. */
  | { kind: 'payout'; status: string; label: string }
  /** Another status in words ("Available"). */
  | { kind: 'plain'; label: string }
  /** Nothing to say (a payout whose payout is not known: "Available" would read as money to take). */
  | { kind: 'none' };

/** The status of a row (see `RowStatus`). */
export function rowStatus(txn: BalanceTransaction, payout: Payout | undefined, strings: Strings): RowStatus {
  if (categoryOf(txn) === 'payout') {
    if (txn.type !== 'payout') return { kind: 'plain', label: txn.status === 'pending' ? strings.statuses.pending : strings.statuses.available };
    return payout ? { kind: 'payout', status: payout.status, label: payoutStatusLabel(payout.status, strings) } : { kind: 'none' };
  }
  if (txn.status === 'pending') return { kind: 'pending', until: txn.available_on };
  if (txn.status === 'available') return { kind: 'plain', label: strings.statuses.available };
  return { kind: 'plain', label: txn.status };
}

/** Whether a row's amounts are money the person lost (red): never a payout's, which is their own money on its way to them. */
export function readsAsLoss(txn: BalanceTransaction, amount: number): boolean {
  return amount < 0 && categoryOf(txn) !== 'payout';
}
