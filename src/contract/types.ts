/**
 * The public data contract: Stripe's JSON shapes (snake_case, integer minor units, Unix seconds,
 * lowercase ISO 4217 currencies) and the adapter interface every element talks to.
 * See CONTRACT.md; Stripe's own TypeScript types are assignable to these (test/types).
 */

/** Stripe: account (subset). `livemode` is not on Stripe's account; a proxy adds it. */
export interface ExpressAccount {
  id: string;
  livemode?: boolean;
  default_currency?: string | null;
  country?: string | null;
  email?: string | null;
  /** Where "all time" starts (Unix seconds). */
  created?: number | null;
  business_profile?: { name?: string | null } | null;
  settings?: {
    /** `timezone` is an IANA zone name. */
    dashboard?: { display_name?: string | null; timezone?: string | null } | null;
    payouts?: {
      schedule?: {
        interval: 'manual' | 'daily' | 'weekly' | 'monthly' | (string & {});
        delay_days?: number;
        weekly_anchor?: string;
        monthly_anchor?: number;
      } | null;
    } | null;
    branding?: {
      icon?: string | { id: string } | null;
      logo?: string | { id: string } | null;
      primary_color?: string | null;
      secondary_color?: string | null;
    } | null;
  } | null;
}

/** An amount in a currency's minor unit. */
export interface Amount {
  amount: number;
  currency: string;
}

/** Stripe: balance. */
export interface Balance {
  available: Amount[];
  pending: Amount[];
  livemode?: boolean;
}

/**
 * Where a payout goes, expanded (Stripe: `bank_account` or `card`; a deleted one has only `id`,
 * `object` and `deleted: true`). Unexpanded, Stripe sends the id alone.
 */
export interface PayoutDestination {
  id: string;
  object?: 'bank_account' | 'card' | (string & {});
  /** The last four digits of the account or card number. */
  last4?: string;
  /** A bank account's bank. */
  bank_name?: string | null;
  /** A card's brand (`Visa`, ...). */
  brand?: string | null;
}

/** Stripe: payout. */
export interface Payout {
  id: string;
  amount: number;
  currency: string;
  created: number;
  arrival_date: number;
  status: 'paid' | 'pending' | 'in_transit' | 'canceled' | 'failed' | (string & {});
  automatic?: boolean;
  /** `instant` payouts arrive within minutes. */
  method?: 'standard' | 'instant' | (string & {});
  description?: string | null;
  failure_message?: string | null;
  /** Why it failed (`account_closed`, `insufficient_funds`, ...), for a failed payout. */
  failure_code?: string | null;
  /** The bank account or card: its id, or the expanded object with `last4`. */
  destination?: string | PayoutDestination | null;
  /** The kind of destination. */
  type?: 'bank_account' | 'card' | (string & {});
  /** What the bank statement shows. */
  statement_descriptor?: string | null;
  /** Whether the balance transactions it paid out are known yet (automatic payouts). */
  reconciliation_status?: 'completed' | 'in_progress' | 'not_applicable' | (string & {});
}

/** Stripe: balance_transaction. */
export interface BalanceTransaction {
  id: string;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  created: number;
  available_on: number;
  status: 'available' | 'pending' | (string & {});
  /**
   * Stripe's type: charge, payment, refund, payment_refund, transfer, payout, stripe_fee,
   * application_fee, adjustment, ... (unknown types are accepted and shown as "Other").
   */
  type: string;
  reporting_category?: string;
  description: string | null;
  source?: string | { id: string } | null;
  fee_details?: { amount: number; currency: string; type: string; description: string | null }[];
}

/** A page of a Stripe list. */
export interface List<T> {
  data: T[];
  has_more: boolean;
}

/** Stripe: login_link. */
export interface LoginLink {
  url: string;
  created: number;
  expires_at?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Net-volume bucket sizes. Weeks start on Monday. */
export type Interval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A half-open range of Unix seconds, as Stripe's `created[gte]` / `created[lt]`. */
export interface TimeRange {
  gte?: number;
  lt?: number;
}

export interface ListBalanceTransactionsParams {
  limit?: number;
  starting_after?: string;
  created?: TimeRange;
  type?: string[];
  currency?: string;
  /**
   * Only what this automatic payout paid out: the balance transactions it settled, its own
   * `payout` transaction included (Stripe's `payout` parameter).
   */
  payout?: string;
}

export interface ListPayoutsParams {
  limit?: number;
  starting_after?: string;
  status?: Payout['status'];
  arrival_date?: TimeRange;
}

export interface NetVolumeParams {
  interval: Interval;
  created: { gte: number; lt: number };
  currency: string;
  timezone: string;
}

/** One bucket of net volume: its true start (Unix seconds) and the integer sum of `net`. */
export interface NetVolumePoint {
  start: number;
  net: number;
}

/** The real-time feed's events. */
export type ExpressEvent =
  | { type: 'balance_transaction.created'; data: BalanceTransaction }
  | { type: 'balance.updated'; data: Balance }
  | { type: 'payout.created' | 'payout.updated'; data: Payout };

/** What every element reads its data through. Every call receives an `AbortSignal`. */
export interface ExpressAdapter {
  getAccount(o?: RequestOptions): Promise<ExpressAccount>;
  getBalance(o?: RequestOptions): Promise<Balance>;
  /** Newest first. */
  listBalanceTransactions(p: ListBalanceTransactionsParams, o?: RequestOptions): Promise<List<BalanceTransaction>>;
  listPayouts(p: ListPayoutsParams, o?: RequestOptions): Promise<List<Payout>>;
  /** One payout by id (`GET {base}/payouts/{id}`). */
  getPayout?(id: string, o?: RequestOptions): Promise<Payout>;
  /** Made on the platform's server. */
  createLoginLink(o?: RequestOptions): Promise<LoginLink>;
  getNetVolume?(p: NetVolumeParams, o?: RequestOptions): Promise<NetVolumePoint[]>;
  /** Real-time feed; returns an unsubscribe function. */
  subscribe?(listener: (e: ExpressEvent) => void): () => void;
  /**
   * Hears when the feed could not deliver every event since the last one it delivered (the
   * server can no longer replay them: the `reset` message of `GET {base}/events`): what was
   * loaded before may be stale and must be loaded again. Every element does so by itself
   * (`AdapterController`). Returns the function that stops listening.
   */
  onReset?(listener: () => void): () => void;
}

/** One step of the sign-in flow of `<express-login>`. */
export type SignInStep =
  | {
      status: 'code_sent';
      challenge_id: string;
      phone_hint: string;
      code_length: number;
      resend_after: number;
      livemode: boolean;
    }
  | { status: 'signed_in'; redirect_url: string };

/** The backend of `<express-login>`. */
export interface ExpressSignInAdapter {
  start(r: { login_token: string } | { email: string }, o?: RequestOptions): Promise<SignInStep>;
  verify(challenge_id: string, code: string, o?: RequestOptions): Promise<SignInStep>;
  resend(challenge_id: string, o?: RequestOptions): Promise<SignInStep>;
}
