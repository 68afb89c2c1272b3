import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { categoryOf } from '../../contract/categories.js';
import { isAbortError, toExpressError, type ExpressError } from '../../contract/errors.js';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { Balance, ExpressAccount, ExpressAdapter, ExpressEvent, Payout } from '../../contract/types.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { browserTimeZone, isValidTimeZone } from '../../core/time.js';
import { AdapterController, operation } from '../shared/adapter-controller.js';
import { errorView } from '../shared/error-view.js';
import { LiveController } from '../shared/live-controller.js';
import { LocaleController } from '../shared/locale.js';
import { PayoutDialogController } from '../shared/payout-dialog.js';
import { fetchPayouts } from './balance.data.js';
import {
  balanceByCurrency,
  describeSchedule,
  estimateNextPayout,
  formatArrivalDate,
  nextPayoutDay,
  payoutStatusLabel,
  recentPayouts,
  upcomingPayouts,
  upsertPayout,
  type CurrencyBalance,
} from './balance.model.js';
import { styles } from './balance.styles.js';

/** What the element shows, and the adapter it came from. */
interface BalanceData {
  adapter: GuardedAdapter;
  account: ExpressAccount;
  balance: Balance;
  payouts: Payout[];
}

/** How long live events are gathered before the balance or payouts are fetched again (ms). */
const REFRESH_DELAY = 250;

/**
 * For each currency the account holds: the total, what is available now, what is available soon
 * and what is on the way to the bank (the `pending` and `in_transit` payouts), with words for a
 * negative balance; the next payout day (every payout arriving that day, summed) in the account's
 * timezone, or an estimate from an automatic schedule; the payout schedule in words; the upcoming payouts and the
 * five most recent others, each with a status badge in words.
 *
 * Live: with an adapter that has `subscribe` (its own, or the fan-out of an enclosing
 * `<express-dashboard>`), `balance.updated` replaces the balance, `balance_transaction.created`
 * fetches the balance again (and the payouts, for a payout transaction) unless a
 * `balance.updated` follows at once, and `payout.created` / `payout.updated` update the payout
 * lists.
 *
 * @summary Available balance, pending balance, money on the way to the bank, next payout and schedule, upcoming payouts.
 *
 * @csspart base - The card.
 * @csspart currency - One currency's block.
 * @csspart total - A currency's total (the large number).
 * @csspart negative-note - The words under a negative total or available amount.
 * @csspart available - The amount available now.
 * @csspart pending - The amount available soon.
 * @csspart in-transit - The amount on the way to the bank.
 * @csspart next-payout - The next payout's block.
 * @csspart payout-count - "2 payouts" when several arrive on the next payout day.
 * @csspart estimate - An estimated next payout (no payout on its way, an automatic schedule).
 * @csspart schedule - The payout schedule line.
 * @csspart payouts - Each payout list (upcoming, recent).
 * @csspart payout - One payout in a list.
 * @csspart status - A payout's status badge.
 * @csspart error - The error message with its Retry button.
 * @csspart next-payout-details - The next payout's "View details" button (one payout that day).
 * @csspart dialog - The dialog with a payout's details (when `<express-payout-details>` is defined).
 * @csspart details - The `<express-payout-details>` in it.
 *
 * @cssproperty --express-color-primary - Focus rings, the "in transit" badge.
 * @cssproperty --express-color-background - Badges and buttons.
 * @cssproperty --express-color-surface - The card, skeletons.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Labels and dates.
 * @cssproperty --express-color-border - Card border, dividers.
 * @cssproperty --express-color-success - The "paid" badge.
 * @cssproperty --express-color-danger - The "failed" badge, the error border, negative amounts.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The base font size.
 * @cssproperty --express-border-radius - The corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-payout-select - A payout was selected (a payout in a list, or the next payout's
 * "View details"); `detail.payout` is the payout. Cancelable: unless prevented, its details open in a
 * dialog when `<express-payout-details>` is defined (the `./payouts` and `./dashboard` entries).
 * @fires express-error - An adapter call failed (`getAccount`, `getBalance`, `listPayouts`), or
 * the live feed sent an invalid event (`subscribe`); `detail` is `{ error, operation }`.
 */
export class ExpressBalance extends LitElement {
  static override styles = styles;

  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);
  /** The live feed: events update the data in place; leaving the page stops pending refreshes. */
  private readonly _live = new LiveController(this, this._adapters, {
    onEvent: (e) => this._onEvent(e),
    onStop: () => this._stopRefreshes(),
  });
  /** Selecting a payout: `express-payout-select`, then its details in a dialog. */
  private readonly _dialog = new PayoutDialogController(this, {
    locale: () => this._l10n.locale,
    platformName: () => this._adapters.dashboard?.platformName ?? null,
    words: () => ({ title: this._l10n.strings.payouts.details.title, close: this._l10n.strings.common.close }),
  });

  /** Loaded data (kept while live updates and refreshes change it). */
  @state() private _data?: BalanceData;
  /** A failed refresh after live activity: shown above the data, which stays. */
  @state() private _refreshError?: { error: ExpressError; operation: string };

  /** The data adapter; else the one of an enclosing `<express-dashboard>`. */
  @property({ attribute: false })
  adapter?: ExpressAdapter;

  /** BCP 47 locale; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true })
  locale: string | null = null;

  private _refreshTimer?: ReturnType<typeof setTimeout>;
  private _pendingRefresh = { balance: false, payouts: false };
  private _balanceRefresh?: AbortController;
  private _payoutsRefresh?: AbortController;

  private readonly _load = this._adapters.task({
    operation: 'getAccount',
    task: async ([adapter], { signal }) => {
      if (!adapter) return undefined;
      // Each call's failure is tagged with its operation: Promise.all rejects with the first one.
      const [account, balance, payouts] = await Promise.all([
        operation('getAccount', adapter.getAccount({ signal })),
        operation('getBalance', adapter.getBalance({ signal })),
        operation('listPayouts', fetchPayouts(adapter, signal, (list) => this._adapters.reportDropped(list, 'listPayouts'))),
      ]);
      return { adapter, account, balance, payouts } satisfies BalanceData;
    },
    args: () => [this._adapters.value] as const,
    onComplete: (data) => {
      if (data) {
        this._data = data;
        this._refreshError = undefined;
      }
    },
  });

  // ---- live updates ----

  private _stopRefreshes(): void {
    clearTimeout(this._refreshTimer);
    this._refreshTimer = undefined;
    this._pendingRefresh = { balance: false, payouts: false };
    this._balanceRefresh?.abort();
    this._payoutsRefresh?.abort();
  }

  private _onEvent(e: ExpressEvent): void {
    const data = this._data;
    if (!data || data.adapter !== this._live.adapter) return;
    switch (e.type) {
      case 'balance.updated':
        // The newest balance: any fetch of it that is waiting or running is older.
        this._pendingRefresh.balance = false;
        this._balanceRefresh?.abort();
        this._data = { ...data, balance: e.data };
        break;
      case 'balance_transaction.created':
        this._scheduleRefresh({ balance: true, payouts: categoryOf(e.data) === 'payout' });
        break;
      case 'payout.created':
      case 'payout.updated':
        this._data = { ...data, payouts: upsertPayout(data.payouts, e.data) };
        this._dialog.update(e.data);
        break;
    }
  }

  private _scheduleRefresh(what: { balance: boolean; payouts: boolean }): void {
    this._pendingRefresh.balance ||= what.balance;
    this._pendingRefresh.payouts ||= what.payouts;
    clearTimeout(this._refreshTimer);
    this._refreshTimer = setTimeout(() => {
      const { balance, payouts } = this._pendingRefresh;
      this._pendingRefresh = { balance: false, payouts: false };
      this._refreshTimer = undefined;
      if (balance) void this._refreshBalance();
      if (payouts) void this._refreshPayouts();
    }, REFRESH_DELAY);
  }

  private async _refreshBalance(): Promise<void> {
    const data = this._data;
    if (!data) return;
    this._balanceRefresh?.abort();
    const abort = (this._balanceRefresh = new AbortController());
    try {
      const balance = await data.adapter.getBalance({ signal: abort.signal });
      if (abort.signal.aborted || this._data?.adapter !== data.adapter) return;
      this._data = { ...this._data, balance };
      if (this._refreshError?.operation === 'getBalance') this._refreshError = undefined;
    } catch (e) {
      this._refreshFailed(e, 'getBalance', abort.signal);
    }
  }

  private async _refreshPayouts(): Promise<void> {
    const data = this._data;
    if (!data) return;
    this._payoutsRefresh?.abort();
    const abort = (this._payoutsRefresh = new AbortController());
    try {
      const payouts = await fetchPayouts(data.adapter, abort.signal, (list) => this._adapters.reportDropped(list, 'listPayouts'));
      if (abort.signal.aborted || this._data?.adapter !== data.adapter) return;
      this._data = { ...this._data, payouts };
      if (this._refreshError?.operation === 'listPayouts') this._refreshError = undefined;
    } catch (e) {
      this._refreshFailed(e, 'listPayouts', abort.signal);
    }
  }

  private _refreshFailed(e: unknown, operation: string, signal: AbortSignal): void {
    if (signal.aborted || isAbortError(e)) return;
    const error = this._adapters.report(e, operation);
    if (error) this._refreshError = { error, operation };
  }

  // ---- handlers ----

  private _retry = (): void => {
    void this._load.run();
  };

  private _select(p: Payout, e: Event): void {
    this._dialog.select(p, e.currentTarget as HTMLElement);
  }

  private _retryRefresh = (): void => {
    const op = this._refreshError?.operation;
    this._refreshError = undefined;
    if (op === 'listPayouts') void this._refreshPayouts();
    else void this._refreshBalance();
  };

  // ---- rendering ----

  private _renderSkeleton(s: Strings) {
    return html`
      <span class="visually-hidden">${s.common.loading}</span>
      <div class="skeletons" aria-hidden="true">
        <span class="skeleton sk-label"></span>
        <span class="skeleton sk-total"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-line"></span>
        <span class="skeleton sk-block"></span>
      </div>
    `;
  }

  private _money(amount: number, currency: string, locale: string): string {
    return formatMoney(amount, currency, locale);
  }

  private _renderCurrency(c: CurrencyBalance, several: boolean, s: Strings, locale: string) {
    const b = s.balance;
    const line = (label: string, amount: number, part: string) => html`
      <div class="line">
        <dt>${label}</dt>
        <dd class="amount ${amount < 0 ? 'negative' : ''}" part=${part}>${this._money(amount, c.currency, locale)}</dd>
      </div>
    `;
    const negative = c.total < 0 || c.available < 0;
    const noteId = `negative-${c.currency}`;
    return html`
      <div class="currency" part="currency" data-currency=${c.currency}>
        <p class="total-label">${several ? html`<span class="code">${c.currency.toUpperCase()}</span> ` : nothing}${b.total}</p>
        <p class="amount total ${c.total < 0 ? 'negative' : ''}" part="total" aria-describedby=${negative ? noteId : nothing}>
          ${this._money(c.total, c.currency, locale)}
        </p>
        ${negative ? html`<p class="note" part="negative-note" id=${noteId}>${b.negative}</p>` : nothing}
        <dl class="lines">
          ${line(b.available, c.available, 'available')} ${line(b.pending, c.pending, 'pending')}
          ${line(b.inTransit, c.inTransit, 'in-transit')}
        </dl>
      </div>
    `;
  }

  private _renderPayout(p: Payout, s: Strings, locale: string, zone: string, now: number) {
    const status = payoutStatusLabel(p.status, s);
    const reason = p.status === 'failed' && p.failure_message?.trim() ? p.failure_message.trim() : null;
    return html`
      <li class="payout" part="payout" data-id=${p.id}>
        <button class="payout-select" type="button" @click=${(e: Event) => this._select(p, e)}>
          <span class="date">${formatArrivalDate(p.arrival_date, zone, locale, now)}</span>
          <span class="amount ${p.amount < 0 ? 'negative' : ''}">${this._money(p.amount, p.currency, locale)}</span>
          <span class="pill status-${p.status}" part="status">${status}</span>
          ${p.method === 'instant' ? html`<span class="method">${s.balance.instant}</span>` : nothing}
          ${reason ? html`<span class="reason">${reason}</span>` : nothing}
        </button>
      </li>
    `;
  }

  private _renderPayoutList(title: string, id: string, payouts: Payout[], empty: string, s: Strings, locale: string, zone: string, now: number) {
    return html`
      <div class="list">
        <h3 class="subtitle" id=${id}>${title}</h3>
        ${payouts.length
          ? html`<ul part="payouts" aria-labelledby=${id}>
              ${payouts.map((p) => this._renderPayout(p, s, locale, zone, now))}
            </ul>`
          : html`<p class="empty">${empty}</p>`}
      </div>
    `;
  }

  private _renderData(data: BalanceData, s: Strings, locale: string) {
    const b = s.balance;
    const tz = data.account.settings?.dashboard?.timezone;
    const zone = tz && isValidTimeZone(tz) ? tz : browserTimeZone();
    const now = Math.floor(Date.now() / 1000);
    const currencies = balanceByCurrency(data.balance, data.payouts, data.account.default_currency);
    const rawSchedule = data.account.settings?.payouts?.schedule;
    const next = nextPayoutDay(data.payouts, zone, data.account.default_currency);
    const estimate = next ? undefined : estimateNextPayout(currencies, data.payouts, rawSchedule, now, zone);
    const schedule = describeSchedule(rawSchedule, s, locale);
    return html`
      <div class="currencies">${currencies.map((c) => this._renderCurrency(c, currencies.length > 1, s, locale))}</div>
      <div class="payout-info">
        <div class="next" part="next-payout">
          <h3 class="subtitle">${b.nextPayout}</h3>
          ${next
            ? html`<p class="next-amount amount">${this._money(next.amount, next.currency, locale)}</p>
                <p class="next-date">
                  ${format(b.expected, { date: formatArrivalDate(next.arrivalDate, zone, locale, now) })}${next.payouts.length > 1
                    ? html` · <span part="payout-count">${b.payoutCount(next.payouts.length, locale)}</span>`
                    : nothing}
                </p>
                ${next.payouts.length === 1
                  ? html`<button class="link" part="next-payout-details" type="button" @click=${(e: Event) => this._select(next.payouts[0]!, e)}>
                      ${s.payouts.viewDetails}</button>`
                  : nothing}`
            : estimate
              ? html`<p class="next-amount amount" part="estimate">
                    ${format(b.about, { amount: this._money(estimate.amount, estimate.currency, locale) })}
                    <span class="pill estimate">${b.estimate}</span>
                  </p>
                  <p class="next-date">${format(b.expectedAround, { date: formatArrivalDate(estimate.day, zone, locale, now) })}</p>`
              : html`<p class="empty">${b.noUpcoming}</p>`}
        </div>
        ${schedule
          ? html`<p class="schedule" part="schedule"><span class="label">${b.schedule}</span> <span>${schedule}</span></p>`
          : nothing}
      </div>
      ${this._renderPayoutList(b.upcomingPayouts, 'upcoming', upcomingPayouts(data.payouts), b.noUpcoming, s, locale, zone, now)}
      ${this._renderPayoutList(b.recentPayouts, 'recent', recentPayouts(data.payouts), b.noPayouts, s, locale, zone, now)}
    `;
  }

  override render() {
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const adapter = this._adapters.value;
    const data = this._data && this._data.adapter === adapter ? this._data : undefined;
    const failed = !data && this._load.status === TaskStatus.ERROR && !isAbortError(this._load.error) ? toExpressError(this._load.error) : undefined;
    const loading = !data && !failed;
    return html`
      <section part="base" class="card" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
        <h2 class="title" id="title">${s.balance.title}</h2>
        ${this._refreshError && data ? errorView(this._refreshError.error, s, locale, this._retryRefresh) : nothing}
        ${data ? this._renderData(data, s, locale) : failed ? errorView(failed, s, locale, this._retry) : this._renderSkeleton(s)}
      </section>
      ${this._dialog.render()}
    `;
  }
}
