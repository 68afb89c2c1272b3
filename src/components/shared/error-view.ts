import { html, type TemplateResult } from 'lit';
import type { ExpressError } from '../../contract/errors.js';
import type { Strings } from '../../core/i18n/registry.js';

/** The words a person reads for an error: a title, and what happened (with the wait for `rate_limited`). */
export function errorWords(error: ExpressError, s: Strings, locale: string): { title: string; message: string } {
  const title = error.code === 'network' ? s.common.networkErrorTitle : s.common.errorTitle;
  const message =
    error.code === 'rate_limited' && error.retryAfter !== undefined
      ? s.common.rateLimitedWait(error.retryAfter, locale)
      : s.common.errors[error.code] ?? s.common.errors.unknown;
  return { title, message };
}

/**
 * Every element's error: an alert with the title, the words and a Retry button (`part="error"`).
 * Whatever the element already shows stays beside it; only the failed part is retried.
 */
export function errorView(error: ExpressError, s: Strings, locale: string, retry: () => void): TemplateResult {
  const { title, message } = errorWords(error, s, locale);
  return html`
    <div class="error" part="error" role="alert">
      <p class="message"><strong>${title}</strong> <span>${message}</span></p>
      <button class="button" type="button" @click=${retry}>${s.common.retry}</button>
    </div>
  `;
}
