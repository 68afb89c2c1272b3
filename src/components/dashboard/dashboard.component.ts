import { ContextProvider } from '@lit/context';
import { TaskStatus } from '@lit/task';
import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LiveHub, Poller } from '../../adapter/fan-out.js';
import { guardedAdapterFor, type GuardedAdapter } from '../../adapter/guard.js';
import type { Balance, ExpressAccount, ExpressAdapter, ExpressEvent } from '../../contract/types.js';
import { dashboardContext } from '../../context.js';
import { format } from '../../core/i18n/registry.js';
import type { ExpressErrorEvent } from '../../events.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { LiveController } from '../shared/live-controller.js';
import { LocaleController } from '../shared/locale.js';
import { brandColour, brandIconUrl, browserRgb, textColourOn } from './branding.js';
import { activityAnnouncement, Throttle } from './live-announcer.js';
import { styles } from './dashboard.styles.js';
import { cssProps } from '../shared/css-props.js';

/** The name a person knows the account by: the dashboard display name, else the business name. */
export function accountDisplayName(account: ExpressAccount | undefined): string | null {
  return account?.settings?.dashboard?.display_name?.trim() || account?.business_profile?.name?.trim() || null;
}

/** The parts of the default layout, in the order they appear. */
export const DASHBOARD_SECTIONS = ['header', 'balance', 'earnings', 'transactions', 'payouts'] as const;

/** One part of the default layout. */
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/**
 * The sections a `sections` attribute names (separated by spaces or commas, any case; unknown
 * names ignored); every section when the attribute is absent, none when it is empty.
 */
export function parseSections(value: string | null | undefined): Set<DashboardSection> {
  if (value === null || value === undefined) return new Set(DASHBOARD_SECTIONS);
  const names = value.toLowerCase().split(/[\s,]+/);
  return new Set(DASHBOARD_SECTIONS.filter((s) => names.includes(s)));
}

/** At most one live announcement in this many milliseconds. */
export const ANNOUNCE_EVERY_MS = 5000;

/**
 * The whole dashboard in one tag: a header with the account's name, the platform's name and a
 * "Test mode" badge, then `<express-balance>`, `<express-earnings>`, `<express-transactions>` and
 * `<express-payouts>` in a responsive grid (`sections` picks which), all fed by one adapter.
 *
 * It provides every element inside it, through `@lit/context`, an adapter that calls the
 * platform's adapter, shares concurrent `getAccount`/`getBalance` calls, and whose `subscribe`
 * fans ONE subscription to the platform's adapter out to every element. When the platform's
 * adapter has no `subscribe`, `poll-interval` (seconds) makes the dashboard fetch the balance and
 * the newest transactions on a timer, paused while the page is hidden, and feed what changed to
 * the elements as the same events. A polite live region announces what arrived, at most once
 * every 5 seconds.
 *
 * The account's `settings.branding.primary_color` (when it is a valid CSS colour) becomes
 * `--express-color-primary` for everything inside (with `--express-color-on-primary`, white or
 * near-black, whichever contrasts more), unless the page sets that token itself; a
 * `settings.branding.icon` that is an https URL is shown in the header. Its `locale` and
 * `platform-name` reach every express element inside it (those it renders and those the page
 * places in it) through `dashboardContext`, unless an element sets its own attribute; the elements
 * inside leave live announcements to the dashboard.
 *
 * The component class renders the child tags without registering them: the
 * `express-dashboard-elements/dashboard` entry point registers all of them.
 *
 * @summary The complete earnings dashboard: header, balance, earnings chart, transactions and payouts, live.
 *
 * @slot - More content after the default sections (any express element placed here gets the adapter too).
 * @slot header-actions - The platform's own controls in the header (a help link, a menu, ...).
 * @slot footer - The platform's own footer content.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The header.
 * @csspart icon - The account's icon in the header (only with an https icon URL).
 * @csspart title - The account's name.
 * @csspart subtitle - "Your earnings with {platform}".
 * @csspart test-mode-badge - The "Test mode" badge, shown when the account or balance says `livemode: false`.
 * @csspart grid - The grid of the default sections.
 * @csspart balance - The default `<express-balance>`.
 * @csspart earnings - The default `<express-earnings>`.
 * @csspart transactions - The default `<express-transactions>`.
 * @csspart payouts - The default `<express-payouts>`.
 * @csspart footer - The footer wrapper.
 *
 * @cssproperty --express-color-primary - Set from the account's branding unless the page sets it.
 * @cssproperty --express-color-on-primary - Set with it: the text colour on the brand colour.
 * @cssproperty --express-color-background - The test-mode badge's base.
 * @cssproperty --express-color-surface - Skeletons.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - The subtitle.
 * @cssproperty --express-color-border - Borders.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The base font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm and the grid's gaps.
 *
 * @fires express-error - `getAccount` failed, the live feed sent an invalid event (`subscribe`),
 * or a poll failed (`getBalance`, `listBalanceTransactions`); `detail` is `{ error, operation }`.
 */
export class ExpressDashboard extends LitElement {
  static override styles = styles;

  /** What every element inside gets: the fan-out adapter, `platform-name`, `locale`, and that the dashboard announces. */
  private readonly _provider = new ContextProvider(this, { context: dashboardContext });
  /** Reports failures and runs the account task. */
  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the dashboard's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);
  /** The dashboard's own listener on the fan-out: the test-mode badge and the announcements. */
  protected readonly _live = new LiveController(this, this._adapters, {
    adapter: () => this._guarded,
    onEvent: (e) => {
      if (e.type === 'balance.updated') this._liveBalance = e.data;
      else this._throttle.push(e);
    },
    onStop: () => this._throttle.cancel(),
  });

  /** The live region's current text. */
  @state() private _announcement = '';
  /** The newest balance from the live feed (for the test-mode badge). */
  @state() private _liveBalance?: Balance;

  /** The data adapter, fanned out to every element inside (see the class description). */
  @property({ attribute: false })
  adapter?: ExpressAdapter;

  /** The platform's name, shown in the header and passed to the elements inside. */
  @property({ attribute: 'platform-name', reflect: true })
  platformName: string | null = null;

  /** BCP 47 locale, passed to the elements inside; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true })
  locale: string | null = null;

  /** Which default sections appear: `header`, `balance`, `earnings`, `transactions`, `payouts` (spaces or commas); all when absent. */
  @property()
  sections: string | null = null;

  /** Seconds between polls when the adapter has no `subscribe`; off when absent or 0. */
  @property({ type: Number, attribute: 'poll-interval' })
  pollInterval: number | null = null;

  /** The account's colour, when it may be used (the page does not set the token). */
  private _brand: string | null = null;
  private _brandAccount?: ExpressAccount;
  /** The text colour on the brand colour (see `textColourOn`). */
  private _brandText: string | null = null;
  private _hub?: LiveHub;
  private _guarded?: GuardedAdapter;
  private _poller?: Poller;
  private readonly _throttle = new Throttle<ExpressEvent>(ANNOUNCE_EVERY_MS, (events) => this._announce(events));

  /**
   * One failure is reported once: when several elements inside share one request (the fan-out
   * shares concurrent `getAccount`/`getBalance` calls) and it fails, each of them fires
   * `express-error` for it; only the first of those leaves the dashboard. The listener is the
   * dashboard's first, so `stopImmediatePropagation` keeps the copies from the page's listeners.
   */
  private readonly _seenErrors = new Map<string, WeakSet<object>>();

  constructor() {
    super();
    this.addEventListener('express-error', (e) => {
      const { error, operation } = (e as ExpressErrorEvent).detail;
      const root = (error as { cause?: unknown }).cause ?? error;
      if (typeof root !== 'object' || root === null) return;
      let seen = this._seenErrors.get(operation);
      if (!seen) this._seenErrors.set(operation, (seen = new WeakSet()));
      if (seen.has(root)) e.stopImmediatePropagation();
      else seen.add(root);
    });
  }

  private readonly _account = this._adapters.task({
    operation: 'getAccount',
    task: async ([adapter], { signal }) => (adapter ? adapter.getAccount({ signal }) : undefined),
    args: () => [this._guarded] as const,
  });

  private readonly _balance = this._adapters.task({
    operation: 'getBalance',
    // Only for the test-mode badge: a failure here is the balance element's to show.
    task: async ([adapter], { signal }) => (adapter ? adapter.getBalance({ signal }).catch(() => undefined) : undefined),
    args: () => [this._guarded] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this._syncPolling);
    this._syncPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this._syncPolling);
    this._syncPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) {
      this._hub?.close();
      this._liveBalance = undefined;
      this._hub = this.adapter ? new LiveHub(this.adapter, (error, operation) => this._adapters.report(error, operation)) : undefined;
      this._guarded = this._hub ? guardedAdapterFor(this._hub.adapter) : undefined;
    }
    if (changed.has('adapter') || changed.has('locale') || changed.has('platformName')) {
      this._provider.setValue({ adapter: this._hub?.adapter, platformName: this.platformName, locale: this.locale, announces: true });
    }
    const account = this._account.status === TaskStatus.COMPLETE ? this._account.value : undefined;
    if (account !== this._brandAccount) {
      this._brandAccount = account;
      this._brand = this._brandFor(account);
      const rgb = this._brand ? browserRgb(this._brand) : null;
      this._brandText = rgb ? textColourOn(rgb) : null;
    }
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Hydrated from a server render: its `locale` attributes on the default elements give way to the context.
    for (const el of this.renderRoot.querySelectorAll('[part~="balance"], [part~="earnings"], [part~="transactions"], [part~="payouts"]')) {
      el.removeAttribute('locale');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('adapter') || changed.has('pollInterval')) this._syncPolling();
  }

  // ---- live ----

  private _announce(events: ExpressEvent[]): void {
    const text = activityAnnouncement(events, this._l10n.strings, this._l10n.locale, this.platformName);
    if (text) this._announcement = text;
  }

  /** Starts, restarts or stops polling to match the adapter, `poll-interval` and the page's visibility. */
  private _syncPolling = (): void => {
    const hub = this._hub;
    const seconds = Number(this.pollInterval);
    const wanted = this.isConnected && !!hub && !hub.hasUpstreamFeed && Number.isFinite(seconds) && seconds > 0;
    if (!wanted) {
      this._poller?.stop();
      this._poller = undefined;
      return;
    }
    if (!this._poller || this._pollerFor !== hub || this._pollerSeconds !== seconds) {
      this._poller?.stop();
      this._poller = new Poller(hub.upstream, {
        intervalSeconds: seconds,
        emit: (e) => hub.emit(e),
        onError: (error, operation) => this._adapters.report(error, operation),
      });
      this._pollerFor = hub;
      this._pollerSeconds = seconds;
    }
    if (document.hidden) this._poller.stop();
    else this._poller.start();
  };

  private _pollerFor?: LiveHub;
  private _pollerSeconds?: number;

  // ---- helpers ----

  private _brandFor(account: ExpressAccount | undefined): string | null {
    const colour = brandColour(account);
    if (!colour) return null;
    // The page's own token wins (it is inherited, so the host sees it).
    return getComputedStyle(this).getPropertyValue('--express-color-primary').trim() ? null : colour;
  }

  // ---- rendering ----

  override render() {
    const s = this._l10n.strings;
    const sections = parseSections(this.sections);
    // INITIAL only on a server (SSR), where tasks never run: render what the browser's first render
    // shows (the name's skeleton), so that hydration adopts the server's DOM.
    const account = this._account.value;
    const name = accountDisplayName(account);
    const balance = this._liveBalance ?? this._balance.value;
    const testMode = account?.livemode === false || balance?.livemode === false;
    const icon = brandIconUrl(account);
    const brand: Record<string, string> = {};
    if (this._brand) {
      brand['--express-color-primary'] = brand['--_primary'] = this._brand;
      // Text on the brand colour (primary buttons): white or near-black, whichever contrasts more.
      if (this._brandText) brand['--express-color-on-primary'] = brand['--_on-primary'] = this._brandText;
    }
    // The elements inside get the dashboard's `locale` through context. A server render
    // (@lit-labs/ssr) has no context: there the attribute carries it, and `firstUpdated` removes
    // it in the browser (the page's elements and these keep their attributes their own).
    const serverLocale = isServer ? this.locale || nothing : nothing;
    const pair = sections.has('balance') && sections.has('earnings');
    const grid = sections.has('balance') || sections.has('earnings') || sections.has('transactions') || sections.has('payouts');
    return html`
      <div part="base" style=${cssProps(brand)}>
        <header part="header" ?hidden=${!sections.has('header')}>
          ${icon ? html`<img part="icon" src=${icon} alt="" width="40" height="40" referrerpolicy="no-referrer" />` : nothing}
          <div class="names">
            ${(this._account.status === TaskStatus.PENDING || this._account.status === TaskStatus.INITIAL) && !account
              ? html`<span class="skeleton name-skeleton"><span class="visually-hidden">${s.common.loading}</span></span>`
              : html`<h1 part="title">${name ?? s.dashboard.title}</h1>`}
            ${this.platformName
              ? html`<p part="subtitle" class="subtitle">${format(s.dashboard.subtitle, { platform: this.platformName })}</p>`
              : nothing}
          </div>
          ${testMode ? html`<span class="pill" part="test-mode-badge">${s.common.testMode}</span>` : nothing}
          <div class="actions"><slot name="header-actions"></slot></div>
        </header>
        <div part="grid" class="grid ${pair ? 'pair' : ''}" ?hidden=${!grid}>
          ${sections.has('balance')
            ? html`<express-balance part="balance" class="balance" locale=${serverLocale}></express-balance>`
            : nothing}
          ${sections.has('earnings')
            ? html`<express-earnings part="earnings" class="earnings" locale=${serverLocale}></express-earnings>`
            : nothing}
          ${sections.has('transactions')
            ? html`<express-transactions part="transactions" class="transactions" locale=${serverLocale}></express-transactions>`
            : nothing}
          ${sections.has('payouts') ? html`<express-payouts part="payouts" class="payouts" locale=${serverLocale}></express-payouts>` : nothing}
        </div>
        <slot></slot>
        <div part="footer" class="footer"><slot name="footer"></slot></div>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
      </div>
    `;
  }
}
