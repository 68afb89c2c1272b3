/**
 * Validation at the boundary: every object that comes out of an adapter (ours or a platform's)
 * passes one of these validators before an element sees it.
 *
 * - A validator returns its input unchanged (same object, typed): unknown fields are ignored and
 *   kept, since Stripe objects carry many.
 * - A bad field throws `ExpressError('invalid_response', message, { param })`, `param` naming the
 *   field as a path (`amount`, `fee_details[0].currency`, `data[3].amount`).
 * - Strings are only checked to be strings: hostile text (HTML) is data, kept as is; escaping is
 *   the renderer's job. The login link's URL is not checked for safety here either: that is the
 *   login button's job (`isSafeRedirectUrl`).
 * - `validateList` drops malformed items and reports them, keeping the rest in order; a list of
 *   the wrong shape throws.
 */
import { isKnownCurrency } from '../core/money.js';
import { isValidTimeZone } from '../core/time.js';
import { ExpressError } from '../contract/errors.js';
import type {
  Amount,
  Balance,
  BalanceTransaction,
  ExpressAccount,
  ExpressEvent,
  List,
  LoginLink,
  NetVolumePoint,
  Payout,
  SignInStep,
} from '../contract/types.js';

type Rec = Record<string, unknown>;


/** Joins a path and a key: `('', 'amount')` → `amount`, `('data[3]', 'amount')` → `data[3].amount`, `('x', 2)` → `x[2]`. */
function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function fail(path: string, problem: string, what: string): never {
  const field = path || 'response';
  throw new ExpressError('invalid_response', `Invalid ${what}: ${field} ${problem}.`, { param: path || undefined });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return `a string`;
  return typeof v;
}

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A small checker bound to one object kind (for messages) and one object path. */
class Fields {
  constructor(
    readonly obj: Rec,
    readonly path: string,
    readonly what: string,
  ) {}

  static of(v: unknown, path: string, what: string): Fields {
    if (!isRecord(v)) fail(path, `must be an object, got ${describe(v)}`, what);
    return new Fields(v, path, what);
  }

  private bad(key: string, problem: string): never {
    fail(at(this.path, key), `${problem}, got ${describe(this.obj[key])}`, this.what);
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  id(key = 'id'): void {
    const v = this.obj[key];
    if (typeof v !== 'string' || v === '') this.bad(key, 'must be a non-empty string');
  }

  string(key: string, opts: { optional?: boolean; nullable?: boolean } = {}): void {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return;
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string') this.bad(key, opts.nullable ? 'must be a string or null' : 'must be a string');
  }

  boolean(key: string, opts: { optional?: boolean } = {}): void {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'boolean') this.bad(key, 'must be a boolean');
  }

  /** A finite number (timestamps, counts). */
  number(key: string, opts: { optional?: boolean; nullable?: boolean } = {}): void {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return;
    if (v === null && opts.nullable) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.bad(key, 'must be a finite number');
  }

  /** An amount in minor units: a safe integer. */
  integer(key: string, opts: { optional?: boolean } = {}): void {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.bad(key, 'must be an integer amount in minor units');
  }

  currency(key: string, opts: { optional?: boolean; nullable?: boolean } = {}): void {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return;
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string' || v !== v.toLowerCase() || !isKnownCurrency(v)) {
      fail(at(this.path, key), `must be a known lowercase ISO 4217 currency code, got ${typeof v === 'string' ? JSON.stringify(v.slice(0, 16)) : describe(v)}`, this.what);
    }
  }

  /** A nested object, or (when allowed) null/absent; returns its checker or undefined. */
  object(key: string, opts: { optional?: boolean; nullable?: boolean } = {}): Fields | undefined {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return undefined;
    if (v === null && opts.nullable) return undefined;
    if (!isRecord(v)) this.bad(key, opts.nullable ? 'must be an object or null' : 'must be an object');
    return new Fields(v, at(this.path, key), this.what);
  }

  array(key: string, opts: { optional?: boolean } = {}): unknown[] | undefined {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return undefined;
    if (!Array.isArray(v)) this.bad(key, 'must be an array');
    return v;
  }

  /** A string, an object with a string `id` (an expanded Stripe object), or null. */
  ref(key: string): void {
    const v = this.obj[key];
    if (v === undefined || v === null || typeof v === 'string') return;
    if (isRecord(v) && typeof v.id === 'string') return;
    this.bad(key, 'must be an id string, an object with an id, or null');
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.obj[key];
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      fail(at(this.path, key), `must be one of ${values.join(', ')}, got ${typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : describe(v)}`, this.what);
    }
    return v as T;
  }
}

/**
 * An account (Stripe's `account`, or the platform's subset of it): `id` a non-empty string; the
 * optional fields, when present, of the contract's types; `default_currency` a known lowercase
 * code; `settings.dashboard.timezone` a zone `Intl` knows.
 */
export function validateAccount(v: unknown, path = ''): ExpressAccount {
  const f = Fields.of(v, path, 'account');
  f.id();
  f.boolean('livemode', { optional: true });
  f.currency('default_currency', { optional: true, nullable: true });
  f.string('country', { optional: true, nullable: true });
  f.string('email', { optional: true, nullable: true });
  f.number('created', { optional: true, nullable: true });
  const bp = f.object('business_profile', { optional: true, nullable: true });
  bp?.string('name', { optional: true, nullable: true });
  const settings = f.object('settings', { optional: true, nullable: true });
  if (settings) {
    const dash = settings.object('dashboard', { optional: true, nullable: true });
    if (dash) {
      dash.string('display_name', { optional: true, nullable: true });
      dash.string('timezone', { optional: true, nullable: true });
      const tz = dash.obj.timezone;
      if (typeof tz === 'string' && !isValidTimeZone(tz)) {
        fail(at(dash.path, 'timezone'), `must be an IANA time zone, got ${JSON.stringify(tz.slice(0, 40))}`, 'account');
      }
    }
    const payouts = settings.object('payouts', { optional: true, nullable: true });
    const schedule = payouts?.object('schedule', { optional: true, nullable: true });
    if (schedule) {
      schedule.string('interval');
      schedule.number('delay_days', { optional: true });
      schedule.string('weekly_anchor', { optional: true });
      schedule.number('monthly_anchor', { optional: true });
    }
    const branding = settings.object('branding', { optional: true, nullable: true });
    if (branding) {
      branding.ref('icon');
      branding.ref('logo');
      branding.string('primary_color', { optional: true, nullable: true });
      branding.string('secondary_color', { optional: true, nullable: true });
    }
  }
  return v as ExpressAccount;
}

function validateAmount(v: unknown, path: string, what: string): Amount {
  const f = Fields.of(v, path, what);
  f.integer('amount');
  f.currency('currency');
  return v as Amount;
}

/** A balance: `available` and `pending` arrays of `{ amount, currency }` (integer minor units, known currency). */
export function validateBalance(v: unknown, path = ''): Balance {
  const f = Fields.of(v, path, 'balance');
  for (const key of ['available', 'pending'] as const) {
    const list = f.array(key)!;
    list.forEach((a, i) => validateAmount(a, at(at(path, key), i), 'balance'));
  }
  f.boolean('livemode', { optional: true });
  return v as Balance;
}

/**
 * A balance transaction: `id` a non-empty string; `amount`, `fee`, `net` safe integers with
 * `net === amount - fee`; `currency` a known lowercase code; `created`, `available_on` finite
 * numbers; `status`, `type` strings; `description` a string or null; `fee_details`, when present,
 * an array of `{ amount, currency, type, description }`.
 */
export function validateBalanceTransaction(v: unknown, path = ''): BalanceTransaction {
  const what = 'balance transaction';
  const f = Fields.of(v, path, what);
  f.id();
  f.integer('amount');
  f.integer('fee');
  f.integer('net');
  const { amount, fee, net } = f.obj as { amount: number; fee: number; net: number };
  if (net !== amount - fee) {
    fail(at(path, 'net'), `must equal amount - fee (${amount} - ${fee} = ${amount - fee}), got ${net}`, what);
  }
  f.currency('currency');
  f.number('created');
  f.number('available_on');
  f.string('status');
  f.string('type');
  f.string('reporting_category', { optional: true });
  f.string('description', { nullable: true });
  f.ref('source');
  const details = f.array('fee_details', { optional: true });
  details?.forEach((d, i) => {
    const fd = Fields.of(d, at(at(path, 'fee_details'), i), what);
    fd.integer('amount');
    fd.currency('currency');
    fd.string('type');
    fd.string('description', { optional: true, nullable: true });
  });
  return v as BalanceTransaction;
}

/**
 * A payout: `id`; `amount` a safe integer; `currency` known; `created`, `arrival_date` finite
 * numbers; `status` a string; when present: `automatic` boolean; `method`, `type`,
 * `reconciliation_status` strings; `description`, `failure_message`, `failure_code`,
 * `statement_descriptor` string or null; `destination` an id, null, or an object with an `id` whose
 * `last4`, `bank_name`, `brand` are strings (`bank_name`, `brand` also null).
 */
export function validatePayout(v: unknown, path = ''): Payout {
  const f = Fields.of(v, path, 'payout');
  f.id();
  f.integer('amount');
  f.currency('currency');
  f.number('created');
  f.number('arrival_date');
  f.string('status');
  f.boolean('automatic', { optional: true });
  f.string('method', { optional: true });
  f.string('type', { optional: true });
  f.string('reconciliation_status', { optional: true });
  f.string('description', { optional: true, nullable: true });
  f.string('failure_message', { optional: true, nullable: true });
  f.string('failure_code', { optional: true, nullable: true });
  f.string('statement_descriptor', { optional: true, nullable: true });
  if (typeof f.obj.destination !== 'string') {
    const d = f.object('destination', { optional: true, nullable: true });
    if (d) {
      d.id();
      d.string('object', { optional: true });
      d.string('last4', { optional: true });
      d.string('bank_name', { optional: true, nullable: true });
      d.string('brand', { optional: true, nullable: true });
    }
  }
  return v as Payout;
}

/**
 * A login link: `url` a string, `created` (and `expires_at` when present) finite numbers. Whether
 * the URL is safe to navigate to is the login button's check (`isSafeRedirectUrl`), not this one.
 */
export function validateLoginLink(v: unknown, path = ''): LoginLink {
  const f = Fields.of(v, path, 'login link');
  f.string('url');
  f.number('created');
  f.number('expires_at', { optional: true });
  return v as LoginLink;
}

/**
 * Net volume: an array of `{ start, net }`, `start` a finite number (Unix seconds) and `net` a
 * safe integer. One bad bucket rejects the whole answer (a dropped bucket would read as zero).
 */
export function validateNetVolume(v: unknown, path = ''): NetVolumePoint[] {
  if (!Array.isArray(v)) fail(path, `must be an array of { start, net }, got ${describe(v)}`, 'net volume');
  v.forEach((p, i) => {
    const f = Fields.of(p, path ? at(path, i) : `[${i}]`, 'net volume');
    f.number('start');
    f.integer('net');
  });
  return v as NetVolumePoint[];
}

/** The event types of the real-time feed. */
export const EXPRESS_EVENT_TYPES = [
  'balance_transaction.created',
  'balance.updated',
  'payout.created',
  'payout.updated',
] as const;

/** A real-time event: a known `type` and a `data` object valid for that type. */
export function validateEvent(v: unknown, path = ''): ExpressEvent {
  const f = Fields.of(v, path, 'event');
  const type = f.oneOf('type', EXPRESS_EVENT_TYPES);
  const dataPath = at(path, 'data');
  const data = f.obj.data;
  if (type === 'balance_transaction.created') validateBalanceTransaction(data, dataPath);
  else if (type === 'balance.updated') validateBalance(data, dataPath);
  else validatePayout(data, dataPath);
  return v as ExpressEvent;
}

/**
 * One step of the sign-in flow: `{ status: 'code_sent', challenge_id, phone_hint, code_length,
 * resend_after, livemode }` or `{ status: 'signed_in', redirect_url }`. The redirect URL's safety
 * is checked by `<express-login>` itself.
 */
export function validateSignInStep(v: unknown, path = ''): SignInStep {
  const f = Fields.of(v, path, 'sign-in step');
  const status = f.oneOf('status', ['code_sent', 'signed_in'] as const);
  if (status === 'signed_in') {
    f.string('redirect_url');
  } else {
    f.id('challenge_id');
    f.string('phone_hint');
    const len = f.obj.code_length;
    if (typeof len !== 'number' || !Number.isInteger(len) || len < 1 || len > 12) {
      fail(at(path, 'code_length'), `must be an integer from 1 to 12, got ${describe(len)}`, 'sign-in step');
    }
    f.number('resend_after');
    f.boolean('livemode');
  }
  return v as SignInStep;
}

/** What `validateList` returns: the kept items, and one error per dropped item. */
export interface ValidatedList<T> {
  /** The list with the valid items in their original order (other fields of the response kept). */
  list: List<T>;
  /** One `invalid_response` error per dropped item, `param` like `data[3].amount`. */
  dropped: ExpressError[];
}

/**
 * A Stripe list: the response must be an object with a `data` array and a boolean `has_more`
 * (else it throws `invalid_response`). Each item goes through `item(x, path)` (path `data[i]`); an
 * item that throws is dropped and its error reported in `dropped`, with `param` naming the field
 * (`data[3].amount`). Item validators that ignore `path` get their `param` prefixed.
 */
export function validateList<T>(v: unknown, item: (x: unknown, path: string) => T): ValidatedList<T> {
  const f = Fields.of(v, '', 'list');
  const data = f.array('data')!;
  f.boolean('has_more');
  const kept: T[] = [];
  const dropped: ExpressError[] = [];
  data.forEach((x, i) => {
    const path = `data[${i}]`;
    try {
      kept.push(item(x, path));
    } catch (e) {
      dropped.push(prefixed(e, path));
    }
  });
  return { list: { ...(v as object), data: kept } as List<T>, dropped };
}

function prefixed(e: unknown, path: string): ExpressError {
  if (e instanceof ExpressError) {
    const p = e.param;
    if (p !== undefined && (p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))) return e;
    const param = p === undefined || p === '' ? path : p.startsWith('[') ? `${path}${p}` : `${path}.${p}`;
    return new ExpressError('invalid_response', e.message, { param, cause: e });
  }
  return new ExpressError('invalid_response', `Invalid list item: ${path}.`, { param: path, cause: e });
}
