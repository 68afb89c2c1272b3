import type { ExpressError } from './contract/errors.js';
import type { BalanceTransaction, Interval, Payout } from './contract/types.js';

/** Detail of `express-error`: the error and the adapter method that failed. */
export interface ExpressErrorDetail {
  error: ExpressError;
  /** The adapter method's name: `listBalanceTransactions`, `getBalance`, ... */
  operation: string;
}

const init = { bubbles: true, composed: true } as const;

/** `express-error`: an adapter call failed (never for an aborted call). */
export class ExpressErrorEvent extends CustomEvent<ExpressErrorDetail> {
  constructor(detail: ExpressErrorDetail) {
    super('express-error', { ...init, detail });
  }
}

/** `express-transaction-select`: the user selected a transaction row. */
export class ExpressTransactionSelectEvent extends CustomEvent<{ transaction: BalanceTransaction }> {
  constructor(transaction: BalanceTransaction) {
    super('express-transaction-select', { ...init, detail: { transaction } });
  }
}

/**
 * `express-payout-select` (cancelable): the person selected a payout (in `<express-payouts>` or
 * `<express-balance>`). Unless a listener calls `preventDefault()` (to show the payout on the
 * platform's own page), the element opens the payout's details.
 */
export class ExpressPayoutSelectEvent extends CustomEvent<{ payout: Payout }> {
  constructor(payout: Payout) {
    super('express-payout-select', { ...init, cancelable: true, detail: { payout } });
  }
}

/** Range presets of `<express-earnings>`. */
export type EarningsRange = '7d' | '30d' | '90d' | '12m' | 'ytd' | 'all' | 'custom';

/** `express-range-change`: the user changed the earnings range or interval. */
export class ExpressRangeChangeEvent extends CustomEvent<{
  range: EarningsRange;
  interval: Interval;
  from: string | null;
  to: string | null;
}> {
  constructor(detail: { range: EarningsRange; interval: Interval; from: string | null; to: string | null }) {
    super('express-range-change', { ...init, detail });
  }
}

/** `express-login-redirect` (cancelable): about to navigate to a fresh login link. */
export class ExpressLoginRedirectEvent extends CustomEvent<{ url: string }> {
  constructor(url: string) {
    super('express-login-redirect', { ...init, cancelable: true, detail: { url } });
  }
}

/** `express-unsupported-browser`: the page runs in an in-app webview. */
export class ExpressUnsupportedBrowserEvent extends CustomEvent<{ userAgent: string }> {
  constructor(userAgent: string) {
    super('express-unsupported-browser', { ...init, detail: { userAgent } });
  }
}

/** `express-signed-in` (cancelable): sign-in finished; navigates to `redirect_url` unless prevented. */
export class ExpressSignedInEvent extends CustomEvent<{ redirect_url: string }> {
  constructor(redirect_url: string) {
    super('express-signed-in', { ...init, cancelable: true, detail: { redirect_url } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'express-error': ExpressErrorEvent;
    'express-transaction-select': ExpressTransactionSelectEvent;
    'express-payout-select': ExpressPayoutSelectEvent;
    'express-range-change': ExpressRangeChangeEvent;
    'express-login-redirect': ExpressLoginRedirectEvent;
    'express-unsupported-browser': ExpressUnsupportedBrowserEvent;
    'express-signed-in': ExpressSignedInEvent;
  }
}
