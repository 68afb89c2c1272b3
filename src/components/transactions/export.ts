/**
 * The CSV export of `<express-transactions>`: the rows and the text come from the core's
 * `transaction-csv.ts` (shared with a payout's export); this module names the file.
 */
import { localIsoDate } from '../../core/time.js';

export { isoDateTime, statusLabel, transactionCsvRows, transactionsCsv, type CsvExportOptions } from '../../core/transaction-csv.js';

/** The export's file name on local date of `now` (Unix seconds) in `timeZone`: `transactions-2026-11-26.csv`. */
export function exportFileName(now: number, timeZone: string): string {
  return `transactions-${localIsoDate(now, timeZone)}.csv`;
}
