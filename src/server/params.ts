/**
 * Query parameters as Stripe spells and checks them: names literal (`created[gte]`, `type[]`), an
 * unknown name is a 400 `parameter_unknown`, a malformed value a 400 naming the parameter
 * (`parameter_invalid_integer`, `parameter_invalid_empty`, `parameter_invalid`,
 * `parameter_missing`), so no request can name another account and no bad value reaches a source.
 */
import { isKnownCurrency } from '../core/money.js';
import { invalidParam } from './errors.js';

/** An integer parameter (timestamps, limits). */
export interface IntegerParam {
  kind: 'integer';
  min?: number;
  max?: number;
  default?: number;
}

/** A string parameter; `enum` lists the accepted values. */
export interface StringParam {
  kind: 'string';
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  enum?: readonly string[];
}

/** A repeated parameter (`type[]=a&type[]=b`); `indexed` also accepts `name[0]`, `name[1]` (Stripe's clients send those). */
export interface ArrayParam {
  kind: 'array';
  of: StringParam;
  maxItems?: number;
  indexed?: boolean;
}

export type ParamSpec = IntegerParam | StringParam | ArrayParam;

/** What `parseQuery` reads: parameter name → its spec. */
export type QuerySpec = Readonly<Record<string, ParamSpec>>;

/** The largest magnitude of a timestamp parameter (as JavaScript dates). */
const MAX_TIME = 8_640_000_000_000;

/** Stripe's range of a timestamp: `name` (exactly), `name[gte]`, `name[gt]`, `name[lt]`, `name[lte]`. */
export function rangeParams(name: string): QuerySpec {
  const t: IntegerParam = { kind: 'integer', min: -MAX_TIME, max: MAX_TIME };
  return { [name]: t, [`${name}[gte]`]: t, [`${name}[gt]`]: t, [`${name}[lt]`]: t, [`${name}[lte]`]: t };
}

/** An object id (a cursor, `payout`, `source`). */
export const ID_PARAM: StringParam = { kind: 'string', minLength: 1, maxLength: 255 };

/** `limit`, `starting_after`, `ending_before`. */
export const LIST_PARAMS: QuerySpec = {
  limit: { kind: 'integer', min: 1, max: 100, default: 10 },
  starting_after: ID_PARAM,
  ending_before: ID_PARAM,
};

/** A currency code (checked against the currencies `Intl` knows by `currencyParam`). */
export const CURRENCY_PARAM: StringParam = { kind: 'string', minLength: 3, maxLength: 3, pattern: /^[A-Za-z]{3}$/ };

/** A balance transaction's type. */
export const TYPE_PARAM: StringParam = { kind: 'string', minLength: 1, maxLength: 64 };

const shown = (v: string) => `: ${v.length > 64 ? `${v.slice(0, 64)}…` : v}`;

function checkString(name: string, v: string, p: StringParam): string {
  if (v === '' && (p.minLength ?? 0) > 0) throw invalidParam(name, `${name} cannot be empty.`, 'parameter_invalid_empty');
  if (p.enum && !p.enum.includes(v)) throw invalidParam(name, `Invalid ${name}${shown(v)}. Use one of: ${p.enum.join(', ')}.`);
  if ((p.minLength !== undefined && v.length < p.minLength) || (p.maxLength !== undefined && v.length > p.maxLength) || (p.pattern && !p.pattern.test(v))) {
    throw invalidParam(name, `Invalid ${name}${shown(v)}`);
  }
  return v;
}

function checkInteger(name: string, v: string, p: IntegerParam): number {
  const n = /^-?\d{1,16}$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n)) throw invalidParam(name, `Invalid integer${shown(v)}`, 'parameter_invalid_integer');
  if (p.min !== undefined && n < p.min) throw invalidParam(name, `${name} must be at least ${p.min}, got ${n}.`, 'parameter_invalid_integer');
  if (p.max !== undefined && n > p.max) throw invalidParam(name, `${name} must be at most ${p.max}, got ${n}.`, 'parameter_invalid_integer');
  return n;
}

/**
 * Reads `search` against `spec`: integers as numbers, arrays as string arrays (a `name[]` spec's
 * values under `name[]`), defaults filled in. `required` names must be present (checked in order,
 * after the unknown names). @throws ApiError 400 naming the first bad parameter.
 */
export function parseQuery(search: URLSearchParams, spec: QuerySpec, required: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Map<string, string[]>();
  for (const [rawName, value] of search) {
    let name = rawName;
    if (!(name in spec)) {
      const indexed = /^(.+)\[\d{1,3}\]$/.exec(name);
      const arrayName = indexed && `${indexed[1]}[]`;
      const s = arrayName ? spec[arrayName] : undefined;
      if (s?.kind === 'array' && s.indexed) name = arrayName!;
      else throw invalidParam(rawName.slice(0, 100), `Received unknown parameter: ${rawName.slice(0, 64)}`, 'parameter_unknown');
    }
    const list = seen.get(name) ?? [];
    list.push(value);
    seen.set(name, list);
  }
  for (const [name, values] of seen) {
    const p = spec[name];
    if (p.kind === 'array') {
      if (p.maxItems !== undefined && values.length > p.maxItems) throw invalidParam(name, `At most ${p.maxItems} values of ${name}.`);
      out[name] = values.map((v) => checkString(name, v, p.of));
      continue;
    }
    if (values.length > 1) throw invalidParam(name, `${name} was given ${values.length} times; give it once.`);
    out[name] = p.kind === 'integer' ? checkInteger(name, values[0], p) : checkString(name, values[0], p);
  }
  for (const name of required) {
    if (out[name] === undefined) throw invalidParam(name, `Missing required param: ${name}.`, 'parameter_missing');
  }
  for (const [name, p] of Object.entries(spec)) {
    if (out[name] === undefined && p.kind === 'integer' && p.default !== undefined) out[name] = p.default;
  }
  return out;
}

/** A `gte`/`gt`/`lt`/`lte` filter on a timestamp (Stripe's range parameters). */
export interface RangeFilter {
  gte?: number;
  gt?: number;
  lt?: number;
  lte?: number;
}

/** The range filter of `name` from a parsed query; `name=n` alone means exactly n. */
export function rangeOf(q: Record<string, unknown>, name: string): RangeFilter | undefined {
  const r: RangeFilter = {};
  const exact = q[name] as number | undefined;
  if (exact !== undefined) {
    r.gte = exact;
    r.lte = exact;
  }
  for (const k of ['gte', 'gt', 'lt', 'lte'] as const) {
    const v = q[`${name}[${k}]`] as number | undefined;
    if (v !== undefined) r[k] = v;
  }
  return Object.keys(r).length ? r : undefined;
}

/** A currency parameter, lowercased; @throws ApiError 400 for a code `Intl` does not know. */
export function currencyParam(value: unknown, param = 'currency'): string | undefined {
  if (value === undefined) return undefined;
  const c = String(value).toLowerCase();
  if (!isKnownCurrency(c)) throw invalidParam(param, `Invalid currency: ${String(value).slice(0, 8)}`);
  return c;
}

/** @throws ApiError 400 when both cursors are given (Stripe accepts one direction at a time). */
export function checkCursors(q: { starting_after?: string; ending_before?: string }): void {
  if (q.starting_after !== undefined && q.ending_before !== undefined) {
    throw invalidParam('ending_before', 'Give only one of starting_after and ending_before.', 'parameters_exclusive');
  }
}
