/**
 * A fake adapter whose every call returns a promise the test settles by hand (like Lit's
 * `resolveTask`/`rejectTask`), so each state of an element is reached deterministically.
 */
import type { ExpressAdapter, RequestOptions } from '../../src/contract/types.js';

export interface PendingCall {
  method: string;
  params: unknown;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

type Method = Exclude<keyof ExpressAdapter, 'subscribe' | 'getNetVolume'>;

/** Calls are recorded in `calls`; settle them with `call.resolve(...)` / `call.reject(...)`. */
export class DeferredAdapter implements ExpressAdapter {
  readonly calls: PendingCall[] = [];

  private record(method: string, params: unknown, o?: RequestOptions): Promise<never> {
    return new Promise((resolve, reject) => {
      this.calls.push({ method, params, signal: o?.signal, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  /** The calls of one method, oldest first. */
  callsOf(method: Method | 'getNetVolume'): PendingCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The newest call of a method (throws when there is none). */
  last(method: Method | 'getNetVolume'): PendingCall {
    const c = this.callsOf(method).at(-1);
    if (!c) throw new Error(`no ${method} call`);
    return c;
  }

  getAccount(o?: RequestOptions) { return this.record('getAccount', undefined, o); }
  getBalance(o?: RequestOptions) { return this.record('getBalance', undefined, o); }
  listBalanceTransactions(p: unknown, o?: RequestOptions) { return this.record('listBalanceTransactions', p, o); }
  listPayouts(p: unknown, o?: RequestOptions) { return this.record('listPayouts', p, o); }
  createLoginLink(o?: RequestOptions) { return this.record('createLoginLink', undefined, o); }
}
