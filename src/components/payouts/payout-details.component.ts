import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { categoryOf } from '../../contract/categories.js';
import { isAbortError, toExpressError, type ExpressError } from '../../contract/errors.js';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { BalanceTransaction, ExpressAdapter, ExpressEvent, Payout } from '../../contract/types.js';
import { formatUnixDate } from '../../core/date-format.js';
import { describeTransaction } from '../../core/describe.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { reconcilePayout, type Reconciliation } from '../../core/payout-reconciliation.js';
import {
  arrivalDay,
  formatArrivalDate,
  payoutBankName,
  payoutDestinationLabel,
  payoutMethodLabel,
  payoutProblem,
  payoutStatusLabel,
} from '../../core/payouts.js';
import { browserTimeZone, isValidTimeZone } from '../../core/time.js';
import { transactionsCsv } from '../transactions/export.model.js';
import { AdapterController, operation } from '../shared/adapter-controller.js';
import { downloadText } from '../shared/download.js';
import { errorView } from '../shared/error-view.js';
import { LiveController } from '../shared/live-controller.js';
import { LocaleController } from '../shared/locale.js';
import { fetchPayoutTransactions, findPayout, type PayoutTransactions } from './payout-details.data.js';
import { styles } from './payout-details.styles.js';

/** Transactions shown at first, and added by each "Show more". */
const TRANSACTIONS_STEP = 25;

/** The transactions of one payout as fetched, with the payout they belong to. */
interface TransactionsData {
  adapter: GuardedAdapter;
  payoutId: string;
  result: PayoutTransactions;
}

/** One step of the status timeline. */
interface Step {
  label: string;
  date: string | null;
  state: 'done' | 'current' | 'upcoming' | 'failed';
}

/**
 * One payout in full: its amount, status and arrival day, how it was paid (standard or instant)
 * and where to (bank account or card, last four digits), why a failed or canceled payout did not
 * arrive and what to do; a status timeline (started, on the way, arrived, failed or canceled, with
 * dates); and what it paid out: the balance transactions it settled
 * (`listBalanceTransactions({ payout })`, 100 a page to the end), grouped into payments, refunds,
 * fees, adjustments and other, each a count and an exact sum, with the total that equals the
 * payout. When the transactions do not add up to the payout (a manual payout, or an adapter that
 * cannot say), it says so instead of showing a wrong total. The transactions export as CSV.
 *
 * Give it `payout-id` (it fetches the payout with `getPayout`, else pages `listPayouts`), or the
 * `payout` object itself (shown at once). `<express-payouts>` and `<express-balance>` open it in
 * a dialog; a platform's own payout page can use it alone. Live `payout.updated` events for its
 * payout update it in place.
 *
 * @summary A payout's details: status timeline, destination, failure advice, and the transactions it paid out, reconciled to the cent.
 *
 * @csspart base - The card.
 * @csspart summary - The amount, status and arrival day.
 * @csspart amount - The payout's amount.
 * @csspart status - The status badge.
 * @csspart problem - Why a failed or canceled payout did not arrive, and what to do.
 * @csspart facts - The method, destination, bank, statement descriptor and id.
 * @csspart timeline - The status timeline (an ordered list).
 * @csspart reconciliation - The breakdown of what the payout paid out (or why there is none).
 * @csspart transactions - The list of the transactions it paid out.
 * @csspart payout-transaction - One of them (with `data-id`, the transaction's id).
 * @csspart export-button - The "Export CSV" button.
 * @csspart error - An error message with its Retry button.
 *
 * @cssproperty --express-color-primary - Focus rings, the timeline's current step.
 * @cssproperty --express-color-background - Badges, buttons.
 * @cssproperty --express-color-surface - The card, skeletons.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Labels, dates.
 * @cssproperty --express-color-border - Borders and dividers.
 * @cssproperty --express-color-success - The "Paid" badge, done timeline steps.
 * @cssproperty --express-color-danger - The "Failed" badge, the problem note, errors, negative amounts.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The base font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-error - An adapter call failed (`getPayout`, `listPayouts`, `listBalanceTransactions`, `getAccount`), or the live feed sent an invalid event (`subscribe`); `detail` is `{ error, operation }`.
 */
export class ExpressPayoutDetails extends LitElement {
  static override styles = styles;

  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);
  /** Live: a `payout.updated` of this payout updates it in place. */
  protected readonly _live = new LiveController(this, this._adapters, {
    onEvent: (e) => this._onEvent(e),
  });

  /** The newest version of the payout from the live feed. */
  @state() private _livePayout?: Payout;
  /** Transactions fetched so far (progress of a long payout). */
  @state() private _progress = 0;
  /** How many transactions the list shows. */
  @state() private _shown = TRANSACTIONS_STEP;
  /** The last export's count (announced). */
  @state() private _exported?: number;
  /** The transactions last fetched (kept while they are fetched again). */
  @state() private _txnsData?: TransactionsData;

  /** The data adapter; else the one of an enclosing `<express-dashboard>`. */
  @property({ attribute: false })
  adapter?: ExpressAdapter;

  /** The id of the payout to show (`po_…`). */
  @property({ attribute: 'payout-id', reflect: true })
  payoutId: string | null = null;

  /** The payout itself, when the page has it: shown at once, without fetching it (its id wins over `payout-id`). */
  @property({ attribute: false })
  payout?: Payout;

  /** BCP 47 locale; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true })
  locale: string | null = null;

  /** The platform's name, in advice ("Update your bank details with {platform}") and descriptions; default: the enclosing dashboard's. */
  @property({ attribute: 'platform-name' })
  platformName: string | null = null;

  /** The account, for its timezone (dates use the browser's until it answers). */
  private readonly _account = this._adapters.task({
    operation: 'getAccount',
    task: async ([adapter], { signal }) => (adapter ? adapter.getAccount({ signal }) : undefined),
    args: () => [this._adapters.value] as const,
  });

  /** The payout: the `payout` property when given, else fetched by `payout-id`. */
  private readonly _payout = this._adapters.task({
    operation: 'getPayout',
    task: async ([adapter, id, given], { signal }) => {
      if (given) return given;
      if (!adapter || !id) return undefined;
      const op = adapter.getPayout ? 'getPayout' : 'listPayouts';
      return operation(op, findPayout(adapter, id, signal, (list, o) => this._adapters.reportDropped(list, o)));
    },
    args: () => [this._adapters.value, this._id, this.payout?.id === this._id ? this.payout : undefined] as const,
  });

  /** What the payout paid out; fetched again when its status changes (a payout's list is final once it has arrived). */
  private readonly _transactions = this._adapters.task({
    operation: 'listBalanceTransactions',
    task: async ([adapter, id, automatic], { signal }) => {
      if (!adapter || !id) return undefined;
      this._progress = 0;
      const result = await fetchPayoutTransactions(adapter, { id, automatic }, signal, (list, count) => {
        this._adapters.reportDropped(list, 'listBalanceTransactions');
        this._progress = count;
      });
      return { adapter, payoutId: id, result } satisfies TransactionsData;
    },
    args: () => {
      const p = this._shownPayout;
      return [this._adapters.value, p?.id, p?.automatic, p?.status] as const;
    },
    onComplete: (data) => {
      if (data) this._txnsData = data;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('payoutId') || changed.has('payout')) {
      if (this._livePayout && this._livePayout.id !== this._id) this._livePayout = undefined;
      if (this._txnsData && this._txnsData.payoutId !== this._id) {
        this._txnsData = undefined;
        this._shown = TRANSACTIONS_STEP;
        this._exported = undefined;
      }
    }
  }

  // ---- derived values ----

  /** The id shown: the `payout` property's, else `payout-id`. */
  private get _id(): string | null {
    return this.payout?.id ?? (this.payoutId?.trim() || null);
  }

  /** The payout to show: the newest known version of the one asked for. */
  private get _shownPayout(): Payout | undefined {
    const id = this._id;
    if (!id) return undefined;
    if (this._livePayout?.id === id) return this._livePayout;
    const p = this._payout.value;
    return p?.id === id ? p : undefined;
  }

  private get _timeZone(): string {
    const tz = this._account.value?.settings?.dashboard?.timezone;
    return tz && isValidTimeZone(tz) ? tz : browserTimeZone();
  }

  private get _platformName(): string | null {
    return this.platformName ?? this._adapters.dashboard?.platformName ?? null;
  }

  // ---- live ----

  private _onEvent(e: ExpressEvent): void {
    if ((e.type === 'payout.updated' || e.type === 'payout.created') && e.data.id === this._id) this._livePayout = e.data;
  }

  // ---- handlers ----

  private _retryPayout = (): void => {
    void this._payout.run();
  };

  private _retryTransactions = (): void => {
    void this._transactions.run();
  };

  /**
   * Exports the transactions the payout paid out (its own `payout` transaction left out) as CSV,
   * formula-safe, and hands the file to `save`. Does nothing until they are loaded.
   */
  exportCsv(): void {
    const data = this._currentTransactions;
    const payout = this._shownPayout;
    if (!data || data.result.state !== 'listed' || !payout) return;
    const settled = reconcilePayout(payout, data.result.txns).settled;
    const timeZone = this._timeZone;
    const csv = transactionsCsv(settled, { timeZone, strings: this._l10n.strings, platformName: this._platformName });
    this.save(`payout-${arrivalDay(payout.arrival_date, timeZone)}-${payout.id}.csv`, csv);
    this._exported = settled.length;
  }

  /**
   * Saves the export: by default downloads `text` as `fileName` (a `text/csv` file). Override it
   * (on the instance or a subclass) to handle the file yourself.
   */
  save(fileName: string, text: string): void {
    downloadText(this.renderRoot, fileName, text);
  }

  // ---- rendering ----

  /** The fetched transactions of the payout shown, if any (also while they are fetched again). */
  private get _currentTransactions(): TransactionsData | undefined {
    const d = this._txnsData;
    return d && d.payoutId === this._id && d.adapter === this._adapters.value ? d : undefined;
  }

  private _money(amount: number, currency: string, locale: string): TemplateResult {
    // Isolated left to right: in a right-to-left page "-$8.00" would read "$8.00-".
    return html`<span dir="ltr">${formatMoney(amount, currency, locale)}</span>`;
  }

  private _renderSkeleton(s: Strings): TemplateResult {
    return html`
      <span class="visually-hidden">${s.common.loading}</span>
      <div class="skeletons" aria-hidden="true">
        <span class="skeleton sk-amount"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-block"></span>
      </div>
    `;
  }

  private _steps(p: Payout, s: Strings, locale: string, zone: string, now: number): Step[] {
    const d = s.payouts.details;
    const created = formatUnixDate(p.created, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    const arrival = formatArrivalDate(p.arrival_date, zone, locale, now);
    const steps: Step[] = [{ label: d.created, date: created, state: 'done' }];
    switch (p.status) {
      case 'paid':
        steps.push({ label: d.inTransit, date: null, state: 'done' }, { label: d.paid, date: arrival, state: 'done' });
        break;
      case 'in_transit':
        steps.push({ label: d.inTransit, date: null, state: 'current' }, { label: format(d.expected, { date: arrival }), date: null, state: 'upcoming' });
        break;
      case 'failed':
        steps.push({ label: d.failed, date: null, state: 'failed' });
        break;
      case 'canceled':
        steps.push({ label: d.canceled, date: null, state: 'failed' });
        break;
      default: // pending, or a status this version does not know
        steps[0]!.state = 'current';
        steps.push({ label: d.inTransit, date: null, state: 'upcoming' }, { label: format(d.expected, { date: arrival }), date: null, state: 'upcoming' });
    }
    return steps;
  }

  private _renderTimeline(p: Payout, s: Strings, locale: string, zone: string, now: number): TemplateResult {
    return html`
      <h3 class="subtitle" id="timeline-title">${s.payouts.details.timeline}</h3>
      <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
        ${this._steps(p, s, locale, zone, now).map(
          (step) => html`<li class="step ${step.state}" aria-current=${step.state === 'current' ? 'step' : nothing}>
            <span class="dot" aria-hidden="true"></span>
            <span class="step-label">${step.label}</span>
            ${step.date ? html`<span class="step-date">${step.date}</span>` : nothing}
          </li>`,
        )}
      </ol>
    `;
  }

  private _renderSummary(p: Payout, s: Strings, locale: string, zone: string, now: number): TemplateResult {
    const d = s.payouts.details;
    const arrival = formatArrivalDate(p.arrival_date, zone, locale, now);
    const method = payoutMethodLabel(p.method, s);
    const destination = payoutDestinationLabel(p, s);
    const bank = payoutBankName(p);
    const descriptor = p.statement_descriptor?.trim();
    const problem = payoutProblem(p, s, this._platformName);
    const fact = (label: string, value: unknown, cls = '') => html`<div><dt>${label}</dt><dd class=${cls}>${value}</dd></div>`;
    return html`
      <div class="summary" part="summary">
        <p class="amount big ${p.amount < 0 ? 'negative' : ''}" part="amount">${this._money(p.amount, p.currency, locale)}</p>
        <span class="pill status-${p.status}" part="status">${payoutStatusLabel(p.status, s)}</span>
      </div>
      ${problem
        ? html`<div class="problem" part="problem">
            <p class="reason">${problem.reason}</p>
            <p class="action"><strong>${s.payouts.problems.whatToDo}:</strong> ${problem.action}</p>
          </div>`
        : nothing}
      <dl class="facts" part="facts">
        ${fact(d.arrival, arrival)}
        ${method ? fact(d.method, method) : nothing}
        ${destination ? fact(d.destination, destination) : nothing}
        ${bank ? fact(d.bank, bank) : nothing}
        ${descriptor ? fact(d.statementDescriptor, descriptor) : nothing}
        ${fact(d.id, p.id, 'mono')}
      </dl>
    `;
  }

  private _renderReconciliation(p: Payout, r: Reconciliation, s: Strings, locale: string): TemplateResult {
    const d = s.payouts.details;
    if (!r.balanced) {
      const text =
        r.reason === 'currency'
          ? d.otherCurrency
          : p.reconciliation_status === 'in_progress' && p.status !== 'paid'
            ? d.inProgress
            : r.total !== undefined
              ? format(d.mismatch, { sum: formatMoney(r.total, p.currency, locale), amount: formatMoney(p.amount, p.currency, locale) })
              : format(d.mismatch, { sum: '—', amount: formatMoney(p.amount, p.currency, locale) });
      return html`<p class="note unreconciled" data-reason=${r.reason ?? nothing}>${text}</p>`;
    }
    return html`
      <table class="breakdown">
        <thead>
          <tr><th scope="col"><span class="visually-hidden">${s.transactions.columns.type}</span></th>
            <th scope="col" class="num">${d.count}</th><th scope="col" class="num">${d.amount}</th></tr>
        </thead>
        <tbody>
          ${r.lines.map(
            (line) => html`<tr data-group=${line.group}>
              <th scope="row">${d.groups[line.group]}</th>
              <td class="num">${new Intl.NumberFormat(locale).format(line.count)}</td>
              <td class="num amount ${line.amount < 0 ? 'negative' : ''}">${this._money(line.amount, p.currency, locale)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr class="total">
            <th scope="row">${d.total}</th>
            <td class="num">${new Intl.NumberFormat(locale).format(r.settled.length)}</td>
            <td class="num amount">${this._money(r.total ?? 0, p.currency, locale)}</td>
          </tr>
        </tfoot>
      </table>
      <p class="matches">${d.matches}</p>
    `;
  }

  private _renderTransactions(settled: BalanceTransaction[], s: Strings, locale: string, zone: string): TemplateResult {
    const d = s.payouts.details;
    const shown = settled.slice(0, this._shown);
    const platformName = this._platformName;
    return html`
      <div class="txns-head">
        <h3 class="subtitle" id="txns-title">${d.transactions}</h3>
        ${settled.length
          ? html`<button class="button" part="export-button" type="button" @click=${() => this.exportCsv()}>${s.common.exportCsv}</button>`
          : nothing}
      </div>
      ${settled.length
        ? html`<ul class="txns" part="transactions" aria-labelledby="txns-title">
            ${repeat(
              shown,
              (t) => t.id,
              (t) => html`<li class="txn" part="payout-transaction" data-id=${t.id}>
                <span class="txn-date">${formatUnixDate(t.created, locale, { dateStyle: 'medium', timeZone: zone })}</span>
                <span class="txn-description">${describeTransaction(t, { strings: s, platformName })}
                  <span class="txn-type">${s.categories.singular[categoryOf(t)]}</span></span>
                <span class="amount ${t.net < 0 ? 'negative' : ''}">${this._money(t.net, t.currency, locale)}</span>
              </li>`,
            )}
          </ul>
          ${settled.length > shown.length
            ? html`<button class="button show-more" type="button" @click=${() => (this._shown += TRANSACTIONS_STEP * 2)}>
                ${d.showMore} (${new Intl.NumberFormat(locale).format(settled.length - shown.length)})</button>`
            : nothing}`
        : html`<p class="empty">${d.noTransactions}</p>`}
      <p class="visually-hidden" role="status">${this._exported !== undefined ? d.exported(this._exported, locale) : ''}</p>
    `;
  }

  private _renderPaidOut(p: Payout, s: Strings, locale: string, zone: string): TemplateResult {
    const d = s.payouts.details;
    const data = this._currentTransactions;
    const running = this._transactions.status === TaskStatus.PENDING;
    const failed = this._transactions.status === TaskStatus.ERROR && !isAbortError(this._transactions.error);
    let body: unknown;
    let list: unknown = nothing;
    if (data?.result.state === 'manual') {
      body = html`<p class="note">${d.manual}</p>`;
    } else if (data?.result.state === 'unavailable') {
      body = html`<p class="note">${d.unavailable}</p>`;
    } else if (data?.result.state === 'listed') {
      const r = reconcilePayout(p, data.result.txns);
      body = this._renderReconciliation(p, r, s, locale);
      list = this._renderTransactions(r.settled, s, locale, zone);
    } else if (!failed) {
      body = html`<div class="skeletons" aria-hidden="true"><span class="skeleton sk-line"></span><span class="skeleton sk-line"></span></div>
        <p class="progress" role="status">${this._progress ? d.loaded(this._progress, locale) : s.common.loading}</p>`;
    }
    const error = failed ? errorView(toExpressError(this._transactions.error) as ExpressError, s, locale, this._retryTransactions) : nothing;
    return html`
      <h3 class="subtitle" id="reconciliation-title">${d.reconciliation}</h3>
      <div class="reconciliation" part="reconciliation" aria-labelledby="reconciliation-title" aria-busy=${running ? 'true' : 'false'} role="group">
        ${error} ${body ?? nothing}
      </div>
      ${list}
    `;
  }

  override render() {
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const p = this._shownPayout;
    const failed = !p && this._payout.status === TaskStatus.ERROR && !isAbortError(this._payout.error) ? toExpressError(this._payout.error) : undefined;
    const zone = this._timeZone;
    const now = Math.floor(Date.now() / 1000);
    return html`
      <section part="base" class="card" aria-labelledby="title" aria-busy=${!p && !failed ? 'true' : 'false'}>
        <h2 class="title" id="title">${s.payouts.details.payout}</h2>
        ${p
          ? html`${this._renderSummary(p, s, locale, zone, now)} ${this._renderTimeline(p, s, locale, zone, now)}
              ${this._renderPaidOut(p, s, locale, zone)}`
          : failed
            ? errorView(failed, s, locale, this._retryPayout)
            : this._renderSkeleton(s)}
      </section>
    `;
  }
}
