/**
 * The rows of `<express-transactions>` as a person reads them: each transaction's text formatted
 * once (`RowViews`), and the two kinds of row written into the pooled elements of the row window:
 * a transaction's row (`part="row"`, `data-id`) and the detail row under an opened one.
 */
import { html, render, type TemplateResult } from 'lit';
import { categoryOf } from '../../contract/categories.js';
import type { BalanceTransaction } from '../../contract/types.js';
import { dateTimeFormat } from '../../core/date-format.js';
import { describeTransaction, type DescribeFn } from '../../core/describe.js';
import type { Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { isoDateTime, statusLabel } from './export.model.js';

/** What a row's text depends on. */
export interface RowContext {
  strings: Strings;
  locale: string;
  timeZone: string;
  platformName: string | null;
  describe?: DescribeFn;
}

/** A row's text, formatted. */
export interface RowView {
  iso: string;
  short: string;
  full: string;
  type: string;
  description: string;
  amount: string;
  fee: string;
  net: string;
  status: TemplateResult | string;
}

/** The date formats of the rows in a context: short in the row, full in its tooltip and details. */
interface DateFormats {
  short: Intl.DateTimeFormat;
  full: Intl.DateTimeFormat;
  long: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
}

function dateFormats(ctx: RowContext): DateFormats {
  const f = (options: Intl.DateTimeFormatOptions) => dateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
  return {
    short: f({ dateStyle: 'medium' }),
    full: f({ dateStyle: 'full', timeStyle: 'short' }),
    long: f({ dateStyle: 'full' }),
    day: f({ month: 'short', day: 'numeric' }),
  };
}

const formatsOf = new WeakMap<RowContext, DateFormats>();

/** `seconds` in `ctx`'s locale and timezone, in one of the rows' formats. */
function date(seconds: number, ctx: RowContext, kind: keyof DateFormats): string {
  let formats = formatsOf.get(ctx);
  if (!formats) formatsOf.set(ctx, (formats = dateFormats(ctx)));
  return formats[kind].format(seconds * 1000);
}

/** The description a person reads: the platform's `describe`, the transaction's own, or the generic one. */
export function describe(txn: BalanceTransaction, ctx: RowContext): string {
  return describeTransaction(txn, { strings: ctx.strings, platformName: ctx.platformName, describe: ctx.describe });
}

/**
 * Each transaction's text, formatted on first use and kept while the context stays the same
 * (a new locale, timezone, platform name or `describe` starts over).
 */
export class RowViews {
  private views = new WeakMap<BalanceTransaction, RowView>();
  private ctx?: RowContext;

  /** Uses `ctx` from now on; returns whether it differs from the previous one (the rows must be written again). */
  use(ctx: RowContext): boolean {
    const p = this.ctx;
    if (p && p.strings === ctx.strings && p.locale === ctx.locale && p.timeZone === ctx.timeZone && p.platformName === ctx.platformName && p.describe === ctx.describe) return false;
    this.ctx = ctx;
    this.views = new WeakMap();
    return true;
  }

  get context(): RowContext | undefined {
    return this.ctx;
  }

  view(txn: BalanceTransaction): RowView {
    let v = this.views.get(txn);
    if (v) return v;
    const ctx = this.ctx!;
    const money = (n: number) => formatMoney(n, txn.currency, ctx.locale);
    v = {
      iso: isoDateTime(txn.created, ctx.timeZone),
      short: date(txn.created, ctx, 'short'),
      full: date(txn.created, ctx, 'full'),
      type: ctx.strings.categories.singular[categoryOf(txn)],
      description: describe(txn, ctx),
      amount: money(txn.amount),
      fee: money(txn.fee),
      net: money(txn.net),
      status: txn.status === 'pending' ? pendingUntil(txn, ctx) : statusLabel(txn.status, ctx.strings),
    };
    this.views.set(txn, v);
    return v;
  }
}

/** "Pending until {date}", the date kept on one line when the pill wraps. */
function pendingUntil(txn: BalanceTransaction, ctx: RowContext): TemplateResult {
  const day = date(txn.available_on, ctx, 'day');
  const [before = '', after = ''] = ctx.strings.statuses.pendingUntil.split('{date}');
  return html`${before}<span class="until">${day}</span>${after}`;
}

/** Sets an attribute when its value differs (rows are written often; unchanged ones cost nothing). */
function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** A new pooled row element of `kind` (`txn` or `detail`). */
export function createRow(kind: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', 'row');
  el.setAttribute('aria-level', kind === 'txn' ? '1' : '2');
  el.className = kind === 'txn' ? 'row txn' : 'row detail';
  return el;
}

/** How a transaction's row looks now. */
export interface RowState {
  expanded: boolean;
  fresh: boolean;
  tabbable: boolean;
}

/**
 * Writes a transaction into a row element at item `index` (aria-rowindex `index + 2`: the header
 * is row 1). Amounts are isolated left to right: in a right-to-left page "-$88.13" would read
 * "$88.13-".
 */
export function renderTransactionRow(el: HTMLElement, txn: BalanceTransaction, index: number, v: RowView, state: RowState, s: Strings): void {
  const c = s.transactions.columns;
  setAttr(el, 'part', 'row');
  setAttr(el, 'data-id', txn.id);
  setAttr(el, 'aria-rowindex', String(index + 2));
  setAttr(el, 'aria-expanded', state.expanded ? 'true' : 'false');
  setAttr(el, 'tabindex', state.tabbable ? '0' : '-1');
  setAttr(el, 'class', `row txn${state.expanded ? ' expanded' : ''}${state.fresh ? ' fresh' : ''}`);
  render(
    html`<div role="gridcell" part="date" class="cell c-date date">
        <time datetime=${v.iso} aria-hidden="true">${v.short}</time>
        <span class="full-date">${v.full}</span>
      </div>
      <div role="gridcell" part="type" class="cell c-type type">${v.type}</div>
      <div role="gridcell" part="description" class="cell c-description description" title=${v.description}>${v.description}</div>
      <div role="gridcell" part="amount" class="cell c-amount numeric amount ${txn.amount < 0 ? 'negative' : ''}"><span dir="ltr">${v.amount}</span></div>
      <div role="gridcell" part="fee" class="cell c-fee numeric fee"><span class="cell-label">${c.fee}</span><span dir="ltr">${v.fee}</span></div>
      <div role="gridcell" part="net" class="cell c-net numeric net ${txn.net < 0 ? 'negative' : ''}"><span class="cell-label">${c.net}</span><span dir="ltr">${v.net}</span></div>
      <div role="gridcell" part="status" class="cell c-status status"><span class="pill ${txn.status === 'pending' ? 'pending' : ''}">${v.status}</span></div>`,
    el,
  );
}

/** Writes a transaction's details (id, Stripe's type, source, available on, fees) into a detail row element. */
export function renderDetailRow(el: HTMLElement, txn: BalanceTransaction, index: number, ctx: RowContext): void {
  const s = ctx.strings;
  const d = s.transactions.detail;
  const source = typeof txn.source === 'string' ? txn.source : txn.source?.id;
  const fees = txn.fee_details ?? [];
  setAttr(el, 'aria-rowindex', String(index + 2));
  setAttr(el, 'data-detail-for', txn.id);
  render(
    html`<div role="gridcell" aria-colspan="7">
        <dl class="details">
          <div><dt>${s.transactions.columns.date}</dt><dd>${date(txn.created, ctx, 'full')}</dd></div>
          <div><dt>${d.id}</dt><dd class="mono">${txn.id}</dd></div>
          <div><dt>${d.type}</dt><dd class="mono">${txn.type}</dd></div>
          <div><dt>${d.source}</dt><dd class="mono">${source ?? '—'}</dd></div>
          <div><dt>${d.availableOn}</dt><dd>${date(txn.available_on, ctx, 'long')}</dd></div>
          <div><dt>${d.fees}</dt><dd>
            ${fees.length
              ? html`<ul class="fees">${fees.map((f) => html`<li>
                  <span>${f.description?.trim() || s.transactions.feeTypes[f.type] || f.type}</span>
                  <span class="numeric" dir="ltr">${formatMoney(f.amount, f.currency, ctx.locale)}</span></li>`)}</ul>`
              : d.noFees}
          </dd></div>
        </dl>
      </div>`,
    el,
  );
}
