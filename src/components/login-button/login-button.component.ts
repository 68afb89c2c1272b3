import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ExpressError, isAbortError, toExpressError, type ExpressErrorCode } from '../../contract/errors.js';
import type { ExpressAdapter } from '../../contract/types.js';
import { isInAppWebview } from '../../core/url.js';
import { dashboardContext } from '../../context.js';
import { ExpressErrorEvent, ExpressLoginRedirectEvent, ExpressUnsupportedBrowserEvent } from '../../events.js';
import { fetchLoginLink, loginLinkUrl } from './login-link.js';
import { loadLoginButtonStrings, loginButtonStrings } from './login-button.strings.js';
import { styles } from './login-button.styles.js';

/**
 * A button for the platform's own site that opens the connected account's dashboard: on every
 * click it asks for a fresh, single-use login link and sends the browser there.
 *
 * The link comes from the `adapter` property (its `createLoginLink`), else from the `endpoint`
 * attribute (a POST to the platform's own server, no script needed on the page), else from an
 * enclosing `<express-dashboard>`'s adapter. The link is never cached, stored or logged. While the
 * request runs the button is busy (`aria-busy`, `aria-disabled`, a spinner) and further clicks do
 * nothing. Only `https:` links (or `http:` on a loopback host) are followed; anything else fails
 * with `invalid_response`. Inside an in-app webview it shows a message to open the page in a
 * browser instead (unless `allow-webview`).
 *
 * @summary Fetches a fresh login link on click and redirects to it.
 *
 * @slot - The label. Default: "View dashboard", localised.
 *
 * @csspart base - The `<button>`.
 * @csspart label - The label's wrapper.
 * @csspart spinner - The spinner shown while the link is being created.
 * @csspart message - The inline message under the button (an error, or the webview notice).
 *
 * @cssproperty --express-color-primary - The button's background.
 * @cssproperty --express-color-background - The message's background.
 * @cssproperty --express-color-surface - The webview notice's background.
 * @cssproperty --express-color-text - The message's text.
 * @cssproperty --express-color-border - The webview notice's border.
 * @cssproperty --express-color-danger - The error message's border.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The font size.
 * @cssproperty --express-border-radius - The corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-login-redirect - Cancelable; `detail.url` is the fresh link. Unless a listener
 * calls `preventDefault()`, the button navigates there.
 * @fires express-unsupported-browser - On a click inside an in-app webview; `detail.userAgent`.
 * @fires express-error - The link could not be made; `detail` is `{ error, operation: 'createLoginLink' }`.
 */
export class ExpressLoginButton extends LitElement {
  static override styles = styles;

  // `static properties` rather than decorators: the decorators' runtime costs this element, the
  // one a platform page loads alone, about 0.5 KB of its 10 KB budget.
  static override properties = {
    _busy: { state: true, attribute: false },
    _message: { state: true, attribute: false },
    adapter: { attribute: false },
    endpoint: {},
    target: {},
    allowWebview: { type: Boolean, attribute: 'allow-webview' },
    locale: {},
  };

  private _context = new ContextConsumer(this, { context: dashboardContext, subscribe: true });

  /** True from the click until the request ends (or, after a redirect in this tab, until the page goes). */
  private _busy = false;
  /** What the message part shows: the webview notice, an error code, or nothing. */
  private _message: 'webview' | ExpressErrorCode | undefined;

  /** Makes the links (only `createLoginLink` is used); wins over `endpoint` and an enclosing dashboard. */
  adapter?: Pick<ExpressAdapter, 'createLoginLink'>;
  /** A URL on the platform's own server that answers a POST with a login link object `{ url, ... }`. */
  endpoint?: string;
  /** `_self` (default) navigates this tab; `_blank` opens the dashboard in a new tab. */
  target: '_self' | '_blank' = '_self';
  /** Redirect even inside an in-app webview. */
  allowWebview = false;
  /** BCP 47 locale of the button's words; else the nearest `lang`, else the browser's language. */
  locale?: string;

  private _abort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this._onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this._onPageShow);
    this._abort?.abort();
    this._abort = undefined;
    this._busy = false;
  }

  /** Back from the dashboard through the back/forward cache: the button is usable again. */
  private _onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && !this._abort) this._busy = false;
  };

  private _onClick(): void {
    // Set synchronously: a second click in the same task finds the button busy.
    if (this._busy) return;
    const ua = this.userAgent();
    if (!this.allowWebview && isInAppWebview(ua)) {
      this._message = 'webview';
      const event = new ExpressUnsupportedBrowserEvent(ua);
      this.dispatchEvent(event);
      return;
    }
    this._busy = true;
    this._message = undefined;
    // A tab opened now, inside the click, is one that popup blockers allow.
    const tab = this.target === '_blank' ? this.openTab() : null;
    void this._redirect(tab);
  }

  private async _redirect(tab: Window | null): Promise<void> {
    const abort = new AbortController();
    this._abort = abort;
    let navigated = false;
    try {
      const link = await this._createLoginLink(abort.signal);
      if (abort.signal.aborted) return;
      const url = loginLinkUrl(link);
      const event = new ExpressLoginRedirectEvent(url);
      if (!this.dispatchEvent(event)) return;
      if (tab) {
        tab.location.replace(url);
        tab = null;
      } else {
        // This tab (or, when the browser refused a new tab, this one after all).
        this.navigate(url);
        // This page is going away: stay busy until it does (pageshow resets it on a way back).
        navigated = true;
      }
    } catch (e) {
      if (abort.signal.aborted || isAbortError(e)) return;
      const error = toExpressError(e);
      this._message = error.code;
      const event = new ExpressErrorEvent({ error, operation: 'createLoginLink' });
      this.dispatchEvent(event);
    } finally {
      if (tab && !tab.closed) tab.close();
      if (this._abort === abort) {
        this._abort = undefined;
        if (!navigated) this._busy = false;
      }
    }
  }

  private async _createLoginLink(signal: AbortSignal): Promise<unknown> {
    const adapter = this.adapter ?? (this.endpoint ? undefined : this._context.value?.adapter);
    if (adapter) return adapter.createLoginLink({ signal });
    if (this.endpoint) return fetchLoginLink(this.endpoint, signal);
    throw new ExpressError('invalid_request', 'No adapter or endpoint.');
  }

  /**
   * Navigates this tab to `url`. A seam for tests and for platforms that route differently.
   * Also used for `_blank` when the browser refused to open a tab.
   */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  /** Opens the empty tab for `target="_blank"` (inside the click) and cuts its `opener`. */
  protected openTab(): Window | null {
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    return tab;
  }

  /** The user agent that `isInAppWebview` judges. A seam for tests. */
  protected userAgent(): string {
    return navigator.userAgent;
  }

  private _lang(): string {
    if (this.locale) return this.locale;
    // On a server (SSR) there is no HTMLElement, no parent and no navigator: English, unless `locale` says.
    let node: Node | null = this;
    while (node) {
      if (typeof HTMLElement !== 'undefined' && node instanceof HTMLElement && node.lang) return node.lang;
      node = node.parentNode ?? (node as ShadowRoot).host ?? null;
    }
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }

  override render() {
    const lang = this._lang();
    const s = loginButtonStrings(lang);
    // Not English: the table loads on first use; the button speaks it once it is there.
    void loadLoginButtonStrings(lang).then((t) => t !== s && this.requestUpdate());
    const m = this._message;
    const text =
      m === undefined ? ''
      : m === 'webview' ? s.webview
      : m === 'network' ? s.network
      : m === 'rate_limited' ? s.rateLimited
      : s.error;
    return html`<button
        part="base"
        class="button"
        type="button"
        aria-busy=${this._busy ? 'true' : 'false'}
        aria-disabled=${this._busy ? 'true' : 'false'}
        @click=${this._onClick}
      >
        <span part="spinner" class="spinner" aria-hidden="true" ?hidden=${!this._busy}></span>
        <span part="label"><slot>${s.label}</slot></span>
      </button>
      <div part="message" class="message ${m === 'webview' ? 'notice' : ''}" role="alert" ?hidden=${!text}>${text}</div>`;
  }
}
