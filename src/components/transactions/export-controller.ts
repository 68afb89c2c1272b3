/**
 * The CSV export of `<express-transactions>`: every transaction of the current filters, paged
 * through the adapter with progress, then handed to the element's `save`. One export at a time;
 * `cancel()` stops it, and so does the element leaving the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, type ExpressError } from '../../contract/errors.js';
import type { AdapterController } from '../shared/adapter-controller.js';
import { exportFileName, transactionsCsv, type CsvExportOptions } from './export.model.js';
import { fetchAllTransactions, type TransactionQuery } from './transactions.model.js';
import { listPages } from './transactions.data.js';

/** Where the export is. */
export type ExportState =
  | { state: 'idle' }
  | { state: 'running'; count: number }
  | { state: 'done'; count: number }
  | { state: 'canceled' }
  | { state: 'error'; error: ExpressError };

export interface ExportOptions {
  adapters: AdapterController;
  /** The list's query now. */
  query(): TransactionQuery | undefined;
  /** The CSV's timezone, words, platform name and `describe`. */
  csv(): CsvExportOptions;
  /** Where the file goes (the element's `save`). */
  save(fileName: string, text: string): void;
}

/** See the module's documentation. */
export class ExportController implements ReactiveController {
  state: ExportState = { state: 'idle' };
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ExportOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private set(state: ExportState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Runs the export (see the module's documentation); resolves when done, canceled or failed. */
  async run(): Promise<void> {
    const { adapters } = this.options;
    const adapter = adapters.value;
    const query = this.options.query();
    if (!adapter || !query || this.state.state === 'running') return;
    const abort = new AbortController();
    this.abort = abort;
    this.set({ state: 'running', count: 0 });
    const csv = this.options.csv();
    try {
      const txns = await fetchAllTransactions(listPages(adapter, adapters), query, {
        signal: abort.signal,
        onProgress: (count) => {
          if (this.abort === abort) this.set({ state: 'running', count });
        },
      });
      this.options.save(exportFileName(query, Date.now() / 1000, csv.timeZone), transactionsCsv(txns, csv));
      if (this.abort === abort) this.set({ state: 'done', count: txns.length });
    } catch (e) {
      if (this.abort !== abort) return;
      const error = abort.signal.aborted || isAbortError(e) ? undefined : adapters.report(e, 'listBalanceTransactions');
      this.set(error ? { state: 'error', error } : { state: 'canceled' });
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  /** Stops a running export; nothing is saved. */
  cancel(): void {
    this.abort?.abort();
  }
}
