/**
 * The rows of `<express-transactions>` as a person reads them: each transaction's text formatted
 * once (`RowViews`), and the two kinds of row written into the pooled elements of the row window:
 * a transaction's row (`part="row"`, `data-id`) and the detail row under an opened one.
 */
import { html, nothing, render } from 'lit';
import { categoryOf } from '../../contract/categories.js';
import type { BalanceTransaction, Payout } from '../../contract/types.js';
import { describeTransaction, disputeKind, refundedWhat, type DescribeFn } from '../../core/describe.js';
import type { Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { formatArrivalDate, payoutBankName, payoutDestinationLabel, payoutStatusLabel } from '../../core/payouts.js';
import { isoDateTime } from './export.model.js';
import { payoutOf, readsAsLoss, RowDates, rowStatus, sourceId } from './row-text.js';

/** What a row's text depends on. */
export interface RowContext {
  strings: Strings;
  locale: string;
  timeZone: string;
  platformName: string | null;
  describe?: DescribeFn;
  /** This year in `timeZone`: a row's date names its year only when it is another. */
  thisYear: number;
  /** The payouts of payout rows whose `source` is a bare id (a new map whenever one arrives). */
  payouts: ReadonlyMap<string, Payout>;
}

/** A row's text, formatted. */
export interface RowView {
  iso: string;
  short: string;
  /** "Thursday, November 26, 2026 at 9:15 AM": the tooltip (formatted on first use). */
  readonly full: string;
  type: string;
  description: string;
  amount: string;
  fee: string;
  net: string;
  /** The status pill's words (empty: no pill); a pending one's date is `until`, kept on one line. */
  status: string;
  until?: { before: string; day: string; after: string };
  /** The pill's class: `pending`, `payout-paid`, `payout-in_transit`, ... or empty. */
  statusClass: string;
  /** Whether the amount and net read as money lost (red); a payout's never do. */
  amountLoss: boolean;
  netLoss: boolean;
}

const datesOf = new WeakMap<RowContext, RowDates>();

/** The row dates of a context. */
function dates(ctx: RowContext): RowDates {
  let d = datesOf.get(ctx);
  if (!d) datesOf.set(ctx, (d = new RowDates(ctx.locale, ctx.timeZone, ctx.thisYear)));
  return d;
}

/** The description a person reads: the platform's `describe`, the transaction's own, or the generic one (a payout's with its bank's last digits). */
export function describe(txn: BalanceTransaction, ctx: Pick<RowContext, 'strings' | 'platformName' | 'describe'> & { payouts?: ReadonlyMap<string, Payout> }): string {
  return describeTransaction(txn, { strings: ctx.strings, platformName: ctx.platformName, describe: ctx.describe, payout: payoutOf(txn, ctx.payouts) });
}

/** How many rows' texts are kept (a few screens' worth: scrolling through 100,000 rows keeps no more). */
const KEPT_VIEWS = 1000;

/**
 * Each transaction's text, formatted on first use and kept while the context stays the same
 * (a new locale, timezone, year, platform name, `describe` or payout starts over), for the
 * `KEPT_VIEWS` rows used last.
 */
export class RowViews {
  private views = new Map<BalanceTransaction, RowView>();
  private ctx?: RowContext;

  /** Uses `ctx` from now on; returns whether it differs from the previous one (the rows must be written again). */
  use(ctx: RowContext): boolean {
    const p = this.ctx;
    if (
      p && p.strings === ctx.strings && p.locale === ctx.locale && p.timeZone === ctx.timeZone && p.platformName === ctx.platformName &&
      p.describe === ctx.describe && p.thisYear === ctx.thisYear && p.payouts === ctx.payouts
    ) return false;
    this.ctx = ctx;
    this.views = new Map();
    return true;
  }

  get context(): RowContext | undefined {
    return this.ctx;
  }

  view(txn: BalanceTransaction): RowView {
    let v = this.views.get(txn);
    if (v) {
      // The most recently used last, so the oldest go first.
      this.views.delete(txn);
      this.views.set(txn, v);
      return v;
    }
    const ctx = this.ctx!;
    const d = dates(ctx);
    const money = (n: number) => formatMoney(n, txn.currency, ctx.locale);
    const status = rowStatus(txn, payoutOf(txn, ctx.payouts), ctx.strings);
    let until: RowView['until'];
    if (status.kind === 'pending') {
      const [before = '', after = ''] = ctx.strings.statuses.pendingUntil.split('{date}');
      until = { before, day: d.day(status.until), after };
    }
    let full: string | undefined;
    v = {
      iso: isoDateTime(txn.created, ctx.timeZone),
      short: d.short(txn.created),
      // Formatted when first shown (a tooltip): most rows never are.
      get full() {
        return (full ??= d.full(txn.created));
      },
      type: ctx.strings.categories.singular[categoryOf(txn)],
      description: describe(txn, ctx),
      amount: money(txn.amount),
      fee: money(txn.fee),
      net: money(txn.net),
      status: status.kind === 'pending' ? `${until!.before}${until!.day}${until!.after}` : status.kind === 'none' ? '' : status.label,
      until,
      statusClass: status.kind === 'pending' ? 'pending' : status.kind === 'payout' ? `payout payout-${status.status.replace(/[^a-z_]/g, '')}` : '',
      amountLoss: readsAsLoss(txn, txn.amount),
      netLoss: readsAsLoss(txn, txn.net),
    };
    this.views.set(txn, v);
    if (this.views.size > KEPT_VIEWS) this.views.delete(this.views.keys().next().value!);
    return v;
  }
}

/** Sets an attribute when its value differs (rows are written often; unchanged ones cost nothing). */
function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets an element's only text when it differs. */
function setText(el: Element, text: string): void {
  const node = el.firstChild;
  if (node && node === el.lastChild && node.nodeType === 3) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else el.textContent = text;
}

/** The nodes of a transaction's row element that change from one transaction to the next. */
interface TxnRowNodes {
  time: HTMLElement;
  full: HTMLElement;
  type: HTMLElement;
  description: HTMLElement;
  amountCell: HTMLElement;
  netCell: HTMLElement;
  labels: HTMLElement[];
  money: HTMLElement[];
  statusCell: HTMLElement;
  pill: HTMLElement;
  /** What the pill shows now (its words and class), so that an unchanged pill is not rebuilt. */
  pillKey: string;
  /** What the row was last written with: an unchanged part is not written again, nor read from the DOM. */
  view?: RowView;
  strings?: Strings;
  id?: string;
  index?: number;
  state?: string;
}

const nodesOf = new WeakMap<HTMLElement, TxnRowNodes>();

/** An element with attributes and children. */
function h(tag: string, attrs: Record<string, string>, ...children: Node[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** A gridcell of the row (`part` and classes name the column). */
const cell = (part: string, cls: string, ...children: Node[]) => h('div', { role: 'gridcell', part, class: `cell c-${part} ${cls}` }, ...children);

/** The row's cells, built once per pooled element: writing a transaction then only changes text and a few attributes. */
function buildTxnRow(el: HTMLElement): TxnRowNodes {
  // Screen readers read the date as it is shown (its words are the cell's name); the full date is
  // the tooltip of a pointer or a keyboard (shown on hover and focus, in the row's details too).
  const time = h('time', {});
  const full = h('span', { class: 'full-date', 'aria-hidden': 'true' });
  const type = cell('type', 'type');
  const description = cell('description', 'description');
  const labels: HTMLElement[] = [];
  const money: HTMLElement[] = [];
  const moneyCell = (part: string) => {
    const label = h('span', { class: 'cell-label' });
    const value = h('span', { dir: 'ltr' });
    labels.push(label);
    money.push(value);
    return cell(part, `numeric ${part}`, label, value);
  };
  const amountCell = moneyCell('amount');
  const feeCell = moneyCell('fee');
  const netCell = moneyCell('net');
  const statusCell = cell('status', 'status');
  el.append(cell('date', 'date', time, full), type, description, amountCell, feeCell, netCell, statusCell);
  el.setAttribute('part', 'row');
  const nodes: TxnRowNodes = { time, full, type, description, amountCell, netCell, labels, money, statusCell, pill: h('span', {}), pillKey: '' };
  nodesOf.set(el, nodes);
  return nodes;
}

/**
 * Fills in a row's tooltips when a pointer or the focus comes to it: the full date (shown on hover
 * and focus) and, under the pointer, the description's whole text (it may be cut with an
 * ellipsis). Most rows are never hovered or focused: writing these with every row written cost a
 * date format and a text a row, and a `title` invalidates the cell's style (Chromium's UA style
 * sheet has an `abbr[title]` rule). A row written again while they are filled in updates them.
 */
export function tooltipsOnDemand(e: Event): void {
  const target = e.target as Element | null;
  const row = target?.closest?.<HTMLElement>('.row.txn');
  const n = row ? nodesOf.get(row) : undefined;
  if (!n?.view) return;
  setText(n.full, n.view.full);
  const cell = e.type === 'pointerover' ? target!.closest('.c-description') : null;
  if (cell && cell.getAttribute('title') !== n.view.description) cell.setAttribute('title', n.view.description);
}

/** A new pooled row element of `kind` (`txn` or `detail`). */
export function createRow(kind: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', 'row');
  el.setAttribute('aria-level', kind === 'txn' ? '1' : '2');
  el.className = kind === 'txn' ? 'row txn' : 'row detail';
  if (kind === 'txn') buildTxnRow(el);
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
 * is row 1), changing only what differs from the transaction it showed before. Amounts are
 * isolated left to right: in a right-to-left page "-$88.13" would read "$88.13-".
 */
export function renderTransactionRow(el: HTMLElement, txn: BalanceTransaction, index: number, v: RowView, state: RowState, s: Strings): void {
  const n = nodesOf.get(el) ?? buildTxnRow(el);
  if (n.id !== txn.id) el.setAttribute('data-id', (n.id = txn.id));
  if (n.index !== index) el.setAttribute('aria-rowindex', String((n.index = index) + 2));
  const rowState = `${state.expanded ? ' expanded' : ''}${state.fresh ? ' fresh' : ''}`;
  if (n.state !== rowState) {
    n.state = rowState;
    el.setAttribute('aria-expanded', state.expanded ? 'true' : 'false');
    el.className = `row txn${rowState}`;
  }
  // The grid moves the tab stop itself (its roving tabindex): compared with the element's own.
  const tabIndex = state.tabbable ? 0 : -1;
  if (el.tabIndex !== tabIndex || !el.hasAttribute('tabindex')) el.tabIndex = tabIndex;
  if (n.strings !== s) {
    n.strings = s;
    const c = s.transactions.columns;
    [c.amount, c.fee, c.net].forEach((label, i) => setText(n.labels[i]!, label));
  }
  if (n.view === v) return;
  n.view = v;
  n.time.setAttribute('datetime', v.iso);
  setText(n.time, v.short);
  // Filled in on demand (`tooltipsOnDemand`), and kept true here once it is.
  if (n.full.firstChild) setText(n.full, v.full);
  setText(n.type, v.type);
  setText(n.description, v.description);
  if (n.description.hasAttribute('title')) n.description.setAttribute('title', v.description);
  setAttr(n.amountCell, 'class', `cell c-amount numeric amount${v.amountLoss ? ' negative' : ''}`);
  setAttr(n.netCell, 'class', `cell c-net numeric net${v.netLoss ? ' negative' : ''}`);
  const money = [v.amount, v.fee, v.net];
  for (let i = 0; i < 3; i++) setText(n.money[i]!, money[i]!);
  const pillKey = `${v.statusClass}|${v.status}`;
  if (pillKey !== n.pillKey) {
    n.pillKey = pillKey;
    n.pill.className = `pill${v.statusClass ? ` ${v.statusClass}` : ''}`;
    if (v.until) n.pill.replaceChildren(v.until.before, h('span', { class: 'until' }, document.createTextNode(v.until.day)), v.until.after);
    else n.pill.textContent = v.status;
    if (v.status === '') n.pill.remove();
    else if (n.pill.parentNode !== n.statusCell) n.statusCell.append(n.pill);
  }
}

/**
 * Writes a transaction's details into a detail row element: in words first (when, what kind, what
 * happened, a payout's status, arrival and bank account, when the money is available, the fees),
 * then Stripe's ids and words behind a "Technical details" disclosure, for support.
 */
export function renderDetailRow(el: HTMLElement, txn: BalanceTransaction, index: number, ctx: RowContext): void {
  const s = ctx.strings;
  const d = s.transactions.detail;
  const when = dates(ctx);
  const fees = txn.fee_details ?? [];
  const payout = payoutOf(txn, ctx.payouts);
  const dispute = disputeKind(txn);
  const refunded = categoryOf(txn) === 'refund' ? refundedWhat(txn) : undefined;
  const destination = payout ? payoutDestinationLabel(payout, s) : null;
  const bank = payout ? payoutBankName(payout) : null;
  const item = (label: string, value: unknown, cls = '') => html`<div><dt>${label}</dt><dd class=${cls}>${value}</dd></div>`;
  setAttr(el, 'aria-rowindex', String(index + 2));
  setAttr(el, 'data-detail-for', txn.id);
  render(
    html`<div role="gridcell" aria-colspan="7">
        <dl class="details">
          ${item(s.transactions.columns.date, when.full(txn.created))}
          ${item(d.category, s.categories.singular[categoryOf(txn)])}
          ${dispute ? item(d.what, dispute === 'dispute' ? d.disputeExplained : d.disputeReversalExplained, 'wide') : nothing}
          ${refunded ? item(d.refundOf, refunded) : nothing}
          ${payout
            ? html`${item(d.status, payoutStatusLabel(payout.status, s))}
                ${item(d.arrival, formatArrivalDate(payout.arrival_date, ctx.timeZone, ctx.locale, Date.now() / 1000))}
                ${destination ? item(d.destination, bank ? `${destination} (${bank})` : destination) : nothing}`
            : categoryOf(txn) === 'payout' ? nothing : item(d.availableOn, when.long(txn.available_on))}
          ${item(d.fees, fees.length
            ? html`<ul class="fees">${fees.map((f) => html`<li>
                <span>${f.description?.trim() || s.transactions.feeTypes[f.type] || f.type}</span>
                <span class="numeric" dir="ltr">${formatMoney(f.amount, f.currency, ctx.locale)}</span></li>`)}</ul>`
            : d.noFees)}
        </dl>
        <details class="technical">
          <summary>${d.technical}</summary>
          <dl class="details">
            ${item(d.id, txn.id, 'mono')}
            ${item(d.type, txn.type, 'mono')}
            ${item(d.source, sourceId(txn) ?? '—', 'mono')}
            ${txn.reporting_category ? item(d.reportingCategory, txn.reporting_category, 'mono') : nothing}
            ${txn.description?.trim() ? item(s.transactions.columns.description, txn.description, 'mono') : nothing}
          </dl>
        </details>
      </div>`,
    el,
  );
}
