import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ExpressError, isAbortError, toExpressError } from '../../contract/errors.js';
import type { ExpressSignInAdapter, SignInStep } from '../../contract/types.js';
import { validateSignInStep } from '../../adapter/validate.js';
import { format, stringsFor } from '../../core/i18n/registry.js';
import { ExpressErrorEvent, ExpressSignedInEvent } from '../../events.js';
import { LocaleController } from '../shared/locale.js';
import {
  allowedRedirect,
  loginErrorMessage,
  normaliseCode,
  phoneHint,
  safeLinkUrl,
  secondsUntil,
  takeTokenFromUrl,
  type LoginStage,
} from './login.model.js';
import { styles } from './login.styles.js';

/** The SMS step of `SignInStep`. */
type CodeStep = Extract<SignInStep, { status: 'code_sent' }>;

/** What the element shows. */
type View =
  | { kind: 'starting' }
  | { kind: 'email' }
  | { kind: 'code'; step: CodeStep; via: 'link' | 'email' }
  | { kind: 'link-failed' }
  | { kind: 'signed-in'; prevented: boolean };

type Operation = 'start' | 'verify' | 'resend';

/** Codes after which asking again with the same login token may work. */
const RETRYABLE = new Set(['network', 'server_error', 'rate_limited', 'unknown', 'invalid_response']);

/**
 * The login page of the dashboard: it redeems a login-link token, or asks for an email for direct
 * sign-in, then asks for the code sent by SMS, and finally sends the person to the dashboard.
 *
 * The token comes from the `token` attribute, else from `login_token` in the page URL's fragment
 * (`#login_token=…`, never sent to a server or written to an access log) or query, which is then
 * removed from the address bar (`history.replaceState`) so it is not bookmarked, shared or kept in
 * history. The code is never logged and the code field is cleared after a failure. The email field
 * has focus when the page opens; the way to the dashboard replaces the login page in the history,
 * so Back from the dashboard does not land on it. After an email, the code step tells everyone
 * (the answer is the same for every email) that test-mode accounts sign in only through the
 * platform's link, with a link back to `platform-url`.
 *
 * @summary The login page: login-link token or email, then the SMS code.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart form - The email or code form.
 * @csspart input - The email or code field.
 * @csspart submit - The form's main button.
 * @csspart resend - The "Resend code" button.
 * @csspart test-mode - The test-mode note.
 * @csspart test-mode-email - The note, after an email, that test-mode accounts sign in through the platform's link.
 * @csspart back - The "Go back to {platform}" link (with `platform-url`).
 * @csspart message - The error message (`role="alert"`).
 * @csspart status - Progress and confirmations (`role="status"`).
 *
 * @cssproperty --express-color-primary - Buttons and focus rings.
 * @cssproperty --express-color-background - Fields.
 * @cssproperty --express-color-surface - The card.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Hints.
 * @cssproperty --express-color-border - Borders.
 * @cssproperty --express-color-control-border - The fields' borders.
 * @cssproperty --express-color-danger - The error message's border.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-signed-in - Cancelable; `detail.redirect_url` as the server sent it. Unless a
 * listener calls `preventDefault()`, the element navigates there (same origin, `https:`, or
 * `http:` on a loopback host only).
 * @fires express-error - A sign-in call failed; `detail` is `{ error, operation }` with operation
 * `start`, `verify` or `resend`.
 */
export class ExpressLogin extends LitElement {
  static override styles = styles;

  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);
  @query('#input') private _input?: HTMLInputElement;

  @state() private _view: View = { kind: 'email' };
  @state() private _busy = false;
  @state() private _error?: { error: ExpressError; stage: LoginStage };
  @state() private _notice?: 'codeResent';
  @state() private _code = '';
  @state() private _email = '';
  @state() private _emailInvalid = false;
  /** Bumped every second while the resend countdown runs. */
  @state() private _tick = 0;

  /** The sign-in backend (`HttpSignInAdapter`, or the platform's own). */
  @property({ attribute: false }) adapter?: ExpressSignInAdapter;
  /** The login-link token; without it the token is read from `login_token` in the page URL. */
  @property() token?: string;
  /** The platform's name, used in "Go back to {platform}". */
  @property({ attribute: 'platform-name', reflect: true }) platformName: string | null = null;
  /** The platform's site (same origin, or `https:`): "Go back to {platform}" links there. */
  @property({ attribute: 'platform-url' }) platformUrl: string | null = null;
  /** BCP 47 locale; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true }) locale: string | null = null;

  private _token: string | null | undefined;
  private _begun = false;
  private _abort?: AbortController;
  private _timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._token === undefined) {
      // Read once, and take it out of the address bar right away.
      const fromUrl = takeTokenFromUrl(this.pageUrl());
      if (fromUrl) this.replaceUrl(fromUrl.cleaned);
      this._token = this.token || fromUrl?.token || null;
      if (this._token) this._view = { kind: 'starting' };
    }
    if (!this._begun) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._abort = undefined;
    this._busy = false;
    this._stopTimer();
    // Connected again later: start over from the same token.
    if (this._view.kind === 'starting') this._begun = false;
  }

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Here rather than in updated(): the state it sets belongs to this update.
    if (!this._begun && this.adapter && this._view.kind === 'starting') {
      this._begun = true;
      void this._startWithToken();
    }
  }

  override firstUpdated(): void {
    // The login page's one task: the email field has focus when the page opens.
    if (this._view.kind === 'email') this._input?.focus();
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    const view = this._view;
    const waiting = view.kind === 'code' && secondsUntil(view.step.resend_after, this.now()) > 0;
    if (waiting && !this._timer) this._timer = setInterval(() => this._tick++, 1000);
    if (!waiting) this._stopTimer();
  }

  private _stopTimer(): void {
    if (this._timer !== undefined) clearInterval(this._timer);
    this._timer = undefined;
  }

  // ---- requests ------------------------------------------------------------------------------

  /**
   * Runs one sign-in call: busy meanwhile, abortable, its answer validated. Failures are shown
   * (for `stage`), reported as `express-error` and answered with `undefined`; so are aborts,
   * silently.
   */
  private async _call(
    operation: Operation,
    stage: LoginStage,
    run: (adapter: ExpressSignInAdapter, signal: AbortSignal) => Promise<SignInStep>,
  ): Promise<SignInStep | undefined> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._busy = true;
    this._error = undefined;
    this._notice = undefined;
    try {
      if (!this.adapter) throw new ExpressError('invalid_request', 'No sign-in adapter.');
      const step = validateSignInStep(await run(this.adapter, abort.signal));
      if (abort.signal.aborted) return undefined;
      return step;
    } catch (e) {
      if (abort.signal.aborted || isAbortError(e)) return undefined;
      const error = toExpressError(e);
      this._error = { error, stage };
      const event = new ExpressErrorEvent({ error, operation });
      this.dispatchEvent(event);
      return undefined;
    } finally {
      if (this._abort === abort) {
        this._abort = undefined;
        this._busy = false;
      }
    }
  }

  private async _startWithToken(): Promise<void> {
    const token = this._token;
    if (!token) return;
    this._view = { kind: 'starting' };
    const step = await this._call('start', 'link', (a, signal) => a.start({ login_token: token }, { signal }));
    if (step) this._apply(step, 'link', 'start');
    else if (this._error) this._view = { kind: 'link-failed' };
  }

  private async _startWithEmail(): Promise<void> {
    const email = this._email.trim();
    const step = await this._call('start', 'email', (a, signal) => a.start({ email }, { signal }));
    if (step) this._apply(step, 'email', 'start');
  }

  private async _verify(): Promise<void> {
    const view = this._view;
    if (view.kind !== 'code' || this._busy) return;
    const code = this._code;
    const step = await this._call('verify', 'code', (a, signal) => a.verify(view.step.challenge_id, code, { signal }));
    this._code = '';
    if (step) this._apply(step, view.via, 'verify');
    else if (this._error) void this._focusInput();
  }

  private async _resend(): Promise<void> {
    const view = this._view;
    if (view.kind !== 'code' || this._busy) return;
    const step = await this._call('resend', 'code', (a, signal) => a.resend(view.step.challenge_id, { signal }));
    if (!step) return;
    this._apply(step, view.via, 'resend');
    if (step.status === 'code_sent') this._notice = 'codeResent';
  }

  /** Moves to what the server answered. */
  private _apply(step: SignInStep, via: 'link' | 'email', operation: Operation): void {
    if (step.status === 'code_sent') {
      const wasCode = this._view.kind === 'code';
      this._view = { kind: 'code', step, via };
      this._code = '';
      if (!wasCode || operation === 'resend') void this._focusInput();
      return;
    }
    const target = allowedRedirect(step.redirect_url, this.pageUrl());
    if (!target) {
      const error = new ExpressError('invalid_response', 'The sign-in redirect is not a safe URL.', { param: 'redirect_url' });
      this._error = { error, stage: this._view.kind === 'code' ? 'code' : via };
      if (this._view.kind === 'starting') this._view = { kind: 'link-failed' };
      const event = new ExpressErrorEvent({ error, operation });
      this.dispatchEvent(event);
      return;
    }
    const event = new ExpressSignedInEvent(step.redirect_url);
    const go = this.dispatchEvent(event);
    this._view = { kind: 'signed-in', prevented: !go };
    if (go) this.navigate(target);
  }

  private async _focusInput(): Promise<void> {
    await this.updateComplete;
    this._input?.focus();
  }

  // ---- handlers ------------------------------------------------------------------------------

  private _onEmailInput(e: InputEvent): void {
    this._email = (e.target as HTMLInputElement).value;
    this._emailInvalid = false;
  }

  private _onEmailSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this._busy) return;
    const input = this._input;
    if (!this._email.trim() || (input && !input.checkValidity())) {
      this._emailInvalid = true;
      this._error = undefined;
      input?.focus();
      return;
    }
    void this._startWithEmail();
  }

  private _onCodeInput(e: InputEvent): void {
    const view = this._view;
    if (view.kind !== 'code') return;
    const input = e.target as HTMLInputElement;
    const code = normaliseCode(input.value, view.step.code_length);
    if (input.value !== code) input.value = code;
    this._code = code;
    // A complete code (typed, pasted or filled in from the SMS) submits itself.
    if (code.length === view.step.code_length) void this._verify();
  }

  private _onCodeSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const view = this._view;
    if (view.kind !== 'code' || this._busy) return;
    if (this._code.length !== view.step.code_length) {
      this._input?.focus();
      return;
    }
    void this._verify();
  }

  private _useEmail(): void {
    this._abort?.abort();
    this._error = undefined;
    this._notice = undefined;
    this._code = '';
    this._view = { kind: 'email' };
    void this._focusInput();
  }

  // ---- seams ---------------------------------------------------------------------------------

  /**
   * Navigates to the dashboard, replacing the login page in the history (Back from the dashboard
   * does not return to a spent login). A seam for tests and for platforms that route differently.
   */
  protected navigate(url: string): void {
    window.location.replace(url);
  }

  /** The page's URL, where `login_token` may be. */
  protected pageUrl(): string {
    return window.location.href;
  }

  /** Replaces the address bar's URL without a navigation (the token taken out). */
  protected replaceUrl(url: string): void {
    window.history.replaceState(window.history.state, '', url);
  }

  /** The time in milliseconds, for the resend countdown. A seam for tests. */
  protected now(): number {
    return Date.now();
  }

  // ---- render --------------------------------------------------------------------------------

  override render() {
    const locale = this._l10n.locale;
    const s = stringsFor(locale);
    const view = this._view;
    const err = this._error;
    const message = err ? loginErrorMessage(s, err.error, err.stage, this.platformName, locale) : '';
    const status = this._statusText(view, s);
    return html`<div part="base" class="card">
      <h1 part="title">${s.login.title}</h1>
      ${this._renderView(view, s, locale, message)}
      <div part="status" class="status ${status ? '' : 'empty'}" role="status">${status}</div>
      ${this._renderAfter(view, s)}
    </div>`;
  }

  private _statusText(view: View, s: ReturnType<typeof stringsFor>): string {
    if (view.kind === 'starting' && !this._error) return s.login.signingIn;
    if (view.kind === 'signed-in') return view.prevented ? s.login.signedIn : s.login.redirecting;
    if (this._notice === 'codeResent') return s.login.codeResent;
    return '';
  }

  /** The error message (`role="alert"`), right under the field it is about. */
  private _renderMessage(message: string) {
    return html`<div part="message" class="error-message ${message ? '' : 'empty'}" role="alert" id="message">${message}</div>`;
  }

  private _renderView(view: View, s: ReturnType<typeof stringsFor>, locale: string, message: string) {
    switch (view.kind) {
      case 'starting':
      case 'signed-in':
        return html`<div class="progress" aria-hidden="true"><span class="spinner"></span></div>${this._renderMessage(message)}`;
      case 'link-failed':
        return this._renderMessage(message);
      case 'email':
        return this._renderEmail(s, message);
      case 'code':
        return this._renderCode(view, s, locale, message);
    }
  }

  private _renderEmail(s: ReturnType<typeof stringsFor>, message: string) {
    const invalid = this._emailInvalid;
    const prompt = this.platformName
      ? format(s.login.emailPrompt, { platform: this.platformName })
      : s.login.emailPromptNoPlatform;
    return html`<form part="form" @submit=${this._onEmailSubmit} novalidate>
      <p class="lead">${prompt}</p>
      <label for="input">${s.login.emailLabel}</label>
      <input
        part="input"
        id="input"
        type="email"
        name="email"
        autocomplete="email"
        inputmode="email"
        spellcheck="false"
        required
        .value=${live(this._email)}
        aria-invalid=${invalid || this._error?.stage === 'email' ? 'true' : 'false'}
        aria-describedby=${invalid ? 'email-invalid' : 'message'}
        @input=${this._onEmailInput}
      />
      ${invalid ? html`<p class="field-error" id="email-invalid">${s.login.emailInvalid}</p>` : nothing}
      ${this._renderMessage(message)}
      <button part="submit" class="button primary" type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
        ${this._busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.login.continue}
      </button>
    </form>`;
  }

  private _renderCode(view: Extract<View, { kind: 'code' }>, s: ReturnType<typeof stringsFor>, locale: string, message: string) {
    void this._tick; // re-rendered every second for the countdown
    const { step } = view;
    const wait = secondsUntil(step.resend_after, this.now());
    const failed = this._error?.stage === 'code';
    return html`<p class="lead">${format(s.login.codeSent, { phone: phoneHint(step.phone_hint) })}</p>
      ${step.livemode === false ? html`<p part="test-mode" class="test-mode">${s.login.testModeNote}</p>` : nothing}
      ${view.via === 'email'
        ? html`<p part="test-mode-email" class="hint">
            ${this.platformName ? format(s.login.testModeEmail, { platform: this.platformName }) : s.login.testModeEmailNoPlatform}
            ${this._renderBack(s)}
          </p>`
        : nothing}
      <form part="form" @submit=${this._onCodeSubmit} novalidate>
        <label for="input">${s.login.codeLabel}</label>
        <input
          part="input"
          id="input"
          class="code"
          type="text"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
          pattern="[0-9]*"
          spellcheck="false"
          size=${step.code_length}
          .value=${live(this._code)}
          aria-invalid=${failed ? 'true' : 'false'}
          aria-describedby="code-help message"
          ?readonly=${this._busy}
          @input=${this._onCodeInput}
        />
        <p class="hint" id="code-help">${format(s.login.codeHelp, { length: new Intl.NumberFormat(locale).format(step.code_length) })}</p>
        ${this._renderMessage(message)}
        <button part="submit" class="button primary" type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
          ${this._busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.login.verify}
        </button>
      </form>
      <button part="resend" class="link" type="button" ?disabled=${wait > 0 || this._busy} @click=${this._resend}>
        ${wait > 0 ? format(s.login.resendIn, { seconds: new Intl.NumberFormat(locale).format(wait) }) : s.login.resend}
      </button>`;
  }

  /** "Go back to {platform}" as a link to `platform-url`, when it is a safe one. */
  private _renderBack(s: ReturnType<typeof stringsFor>) {
    const href = safeLinkUrl(this.platformUrl, this.pageUrl());
    if (!href) return nothing;
    const text = this.platformName ? format(s.login.goBack, { platform: this.platformName }) : s.login.goBackNoPlatform;
    return html`<a part="back" class="back" href=${href}>${text}</a>`;
  }

  private _renderAfter(view: View, s: ReturnType<typeof stringsFor>) {
    if (view.kind === 'link-failed') {
      const retry = this._error && RETRYABLE.has(this._error.error.code);
      return html`<div class="actions">
        ${retry
          ? html`<button class="button primary" type="button" @click=${this._startWithToken}>${s.common.retry}</button>`
          : nothing}
        <button class="button" type="button" @click=${this._useEmail}>${s.login.signInWithEmail}</button>
        ${this._renderBack(s)}
      </div>`;
    }
    if (view.kind === 'code' && view.via === 'email') {
      return html`<button class="link" type="button" @click=${this._useEmail}>${s.login.useDifferentEmail}</button>`;
    }
    return nothing;
  }
}
