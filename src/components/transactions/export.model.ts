/**
 * The CSV export of `<express-transactions>`, DOM-free: rows through the core's formula-safe
 * writer (`toCsv`), dates in the account's timezone, amounts in exact major units.
 */
import { categoryOf, categoryOfType, type Category } from '../../contract/categories.js';
import type { BalanceTransaction, Payout } from '../../contract/types.js';
import { payoutStatusLabel } from '../../core/payouts.js';
import { payoutOf } from './row-text.js';
import { toCsv, type CsvValue } from '../../core/csv.js';
import { describeTransaction, type DescribeFn } from '../../core/describe.js';
import type { Strings } from '../../core/i18n/registry.js';
import { toMajorUnitString } from '../../core/money.js';
import { localIsoDate, zonedParts } from '../../core/time.js';

/** What `transactionsCsv` needs besides the transactions. */
export interface CsvExportOptions {
  /** IANA zone of the dates (the account's). */
  timeZone: string;
  /** The reader's string table (`stringsFor(locale)`): headers, category and status labels, descriptions. */
  strings: Strings;
  /** The platform's name, for generic descriptions. */
  platformName?: string | null;
  /** The platform's description rule (the element's `describe`). */
  describe?: DescribeFn | null;
  /** Payouts of payout transactions whose `source` is a bare id: their status and bank's last digits. */
  payouts?: ReadonlyMap<string, Payout>;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * ISO 8601 date and time of Unix second `ts` in `timeZone`, with the zone's UTC offset at that
 * instant: `2026-11-26T09:15:02-05:00` (`Z` is never used; UTC is `+00:00`).
 */
export function isoDateTime(ts: number, timeZone: string): string {
  const p = zonedParts(ts, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
  // Date.UTC maps years 0-99 to 1900-1999; the offset is the same either way for any real data.
  const offsetMinutes = Math.round((wall - Math.floor(ts)) / 60);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  // The date from the same wall clock (one Intl call a row; the list formats one per row shown).
  const date = p.year >= 0 && p.year <= 9999 ? `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}` : localIsoDate(ts, timeZone);
  return `${date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${off}`;
}

/** The category's word in a file name (English, plural, ASCII: file names travel). */
const FILE_CATEGORY: Record<Category, string> = {
  charge: 'payments', refund: 'refunds', transfer: 'transfers', payout: 'payouts', fee: 'fees', adjustment: 'adjustments', other: 'other',
};

/** What a file name says of a list: its query's dates, category and currency (a `TransactionQuery` fits). */
export interface ExportedQuery {
  params: { created?: { gte?: number; lt?: number }; type?: readonly string[]; currency?: string };
  clientCategory?: 'other';
}

/**
 * The export's file name: what it holds, in the account's `timeZone` at `now` (Unix seconds):
 * the local days of the range (`2026-11-01-to-2026-11-30`; `2026-11-01-to-{today}` without an
 * end; `up-to-{last day}` without a start, `up-to-{today}` for all time), the category filter and the currency
 * filter when set: `transactions-2026-11-01-to-2026-11-30-payouts-usd.csv`,
 * `transactions-up-to-2026-11-26.csv`.
 */
export function exportFileName(query: ExportedQuery, now: number, timeZone: string): string {
  const { created, type, currency } = query.params;
  const day = (ts: number) => localIsoDate(ts, timeZone);
  const last = day(created?.lt !== undefined ? created.lt - 1 : now);
  const parts = ['transactions', created?.gte !== undefined ? `${day(created.gte)}-to-${last}` : `up-to-${last}`];
  const category = query.clientCategory ?? (type?.length ? categoryOfType(type[0]!) : undefined);
  if (category) parts.push(FILE_CATEGORY[category]);
  if (currency) parts.push(currency.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return `${parts.join('-')}.csv`;
}

/** The person-readable status of a transaction: `Available`, `Pending`, or Stripe's word for a new one. */
export function statusLabel(status: string, strings: Strings): string {
  if (status === 'available') return strings.statuses.available;
  if (status === 'pending') return strings.statuses.pending;
  return status;
}

/**
 * The export's rows, header first. Columns: date and time (ISO 8601 in `timeZone`), Stripe's type,
 * the category's label, the description (the element's rules), amount, fee and net in major units
 * (`-12.34`, `1000` for jpy, `0.001` for bhd), currency (upper case), status, id.
 */
export function transactionCsvRows(txns: Iterable<BalanceTransaction>, opts: CsvExportOptions): CsvValue[][] {
  const s = opts.strings;
  const c = s.transactions.columns;
  const rows: CsvValue[][] = [[
    c.date, c.type, s.transactions.csv.category, c.description, c.amount, c.fee, c.net,
    s.transactions.csv.currency, c.status, s.transactions.csv.id,
  ]];
  for (const t of txns) {
    const payout = payoutOf(t, opts.payouts);
    rows.push([
      isoDateTime(t.created, opts.timeZone),
      t.type,
      s.categories.singular[categoryOf(t)],
      describeTransaction(t, { strings: s, platformName: opts.platformName, describe: opts.describe, payout }),
      toMajorUnitString(t.amount, t.currency),
      toMajorUnitString(t.fee, t.currency),
      toMajorUnitString(t.net, t.currency),
      t.currency.toUpperCase(),
      payout ? payoutStatusLabel(payout.status, s) : statusLabel(t.status, s),
      t.id,
    ]);
  }
  return rows;
}

/** The export's CSV text (RFC 4180, CRLF, with a byte order mark so spreadsheets read UTF-8). */
export function transactionsCsv(txns: Iterable<BalanceTransaction>, opts: CsvExportOptions): string {
  return toCsv(transactionCsvRows(txns, opts), { bom: true });
}
