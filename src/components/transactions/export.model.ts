/**
 * The CSV export of `<express-transactions>`, DOM-free: rows through the core's formula-safe
 * writer (`toCsv`), dates in the account's timezone, amounts in exact major units.
 */
import { categoryOf } from '../../contract/categories.js';
import type { BalanceTransaction } from '../../contract/types.js';
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

/** The export's file name on local date of `now` (Unix seconds) in `timeZone`: `transactions-2026-11-26.csv`. */
export function exportFileName(now: number, timeZone: string): string {
  return `transactions-${localIsoDate(now, timeZone)}.csv`;
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
    rows.push([
      isoDateTime(t.created, opts.timeZone),
      t.type,
      s.categories.singular[categoryOf(t)],
      describeTransaction(t, { strings: s, platformName: opts.platformName, describe: opts.describe }),
      toMajorUnitString(t.amount, t.currency),
      toMajorUnitString(t.fee, t.currency),
      toMajorUnitString(t.net, t.currency),
      t.currency.toUpperCase(),
      statusLabel(t.status, s),
      t.id,
    ]);
  }
  return rows;
}

/** The export's CSV text (RFC 4180, CRLF, with a byte order mark so spreadsheets read UTF-8). */
export function transactionsCsv(txns: Iterable<BalanceTransaction>, opts: CsvExportOptions): string {
  return toCsv(transactionCsvRows(txns, opts), { bom: true });
}
