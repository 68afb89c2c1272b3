/**
 * The DOM-free rules of `<express-login>`: where the login token comes from, what a typed or
 * pasted code becomes, how long until a resend, which redirect is allowed, and which words go
 * with each `ExpressError`.
 */
import type { ExpressError } from '../../contract/errors.js';
import { isSafeRedirectUrl } from '../../core/url.js';
import { format, type Strings } from '../../core/i18n/registry.js';

/** The query parameter a login link's URL carries its token in. */
export const TOKEN_PARAM = 'login_token';

/**
 * The `login_token` of a page URL and the same URL without it, or `null` when the URL has no
 * non-empty `login_token`. The token is read from the fragment (`#login_token=…`, which proxies
 * and access logs never see) or else from the query (older links); other parameters are kept.
 */
export function takeTokenFromUrl(href: string): { token: string; cleaned: string } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const hash = new URLSearchParams(url.hash.slice(1));
  let token = hash.get(TOKEN_PARAM);
  if (token) {
    hash.delete(TOKEN_PARAM);
    const rest = hash.toString();
    url.hash = rest ? `#${rest}` : '';
  } else {
    token = url.searchParams.get(TOKEN_PARAM);
    if (!token) return null;
    url.searchParams.delete(TOKEN_PARAM);
  }
  return { token, cleaned: url.href.replace(/#$/, '') };
}

/**
 * The platform's site as a link target: a same-origin URL, or an `https:` one (`http:` on a
 * loopback host); `null` for anything else (`javascript:`, `data:`, garbage).
 */
export function safeLinkUrl(value: string | null | undefined, pageHref: string): string | null {
  return value ? allowedRedirect(value, pageHref) : null;
}

/**
 * A code as typed or pasted, reduced to its digits (`"424 242"`, `"424-242"` → `"424242"`; other
 * scripts' digits such as `"４２４"` become ASCII), at most `length` of them.
 */
export function normaliseCode(input: string, length: number): string {
  const ascii = input.normalize('NFKC');
  return ascii.replace(/\D+/g, '').slice(0, Math.max(0, length));
}

/**
 * Whole seconds from `nowMs` until `resendAfter` (Unix seconds), never negative: the resend
 * countdown.
 */
export function secondsUntil(resendAfter: number, nowMs: number): number {
  return Math.max(0, Math.ceil(resendAfter - nowMs / 1000));
}

/** `phone_hint` as shown: the last digits alone get bullets in front (`4242` → `•••• 4242`). */
export function phoneHint(hint: string): string {
  const h = hint.trim();
  return /^\d{1,4}$/.test(h) ? `•••• ${h}` : h;
}

/**
 * Where `redirect_url` may take the person: the absolute URL when it is on `pageHref`'s origin
 * (a relative path resolves there) or passes `isSafeRedirectUrl` (`https:`, or `http:` on a
 * loopback host); `null` otherwise (`javascript:`, `data:`, an `http:` host elsewhere...).
 */
export function allowedRedirect(redirectUrl: unknown, pageHref: string): string | null {
  if (typeof redirectUrl !== 'string' || redirectUrl.trim() === '') return null;
  let url: URL;
  let page: URL;
  try {
    page = new URL(pageHref);
    url = new URL(redirectUrl, page);
  } catch {
    return null;
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === page.origin && !url.username && !url.password) {
    return url.href;
  }
  return isSafeRedirectUrl(redirectUrl) ? redirectUrl : null;
}

/** Which request failed: starting from a login link, from an email, or in the SMS step. */
export type LoginStage = 'link' | 'email' | 'code';

/**
 * The words for a failure: each sign-in code in its own words (`invalid_code` with the attempts
 * left when known, `expired` for a link or a code, `too_many_attempts`, `rate_limited` with the
 * wait, `network`), a failed link in link words, anything else in the code's common words.
 */
export function loginErrorMessage(
  s: Strings,
  error: ExpressError,
  stage: LoginStage,
  platform: string | null | undefined,
  locale?: string,
): string {
  const l = s.login;
  const withPlatform = (some: string, none: string) => (platform ? format(some, { platform }) : none);
  switch (error.code) {
    case 'invalid_code':
      return error.attemptsRemaining !== undefined ? l.attemptsLeft(error.attemptsRemaining, locale) : l.invalidCode;
    case 'expired':
      return stage === 'code' ? l.codeExpired : withPlatform(l.expired, l.expiredNoPlatform);
    case 'too_many_attempts':
      return l.tooManyAttempts;
    case 'rate_limited':
      return error.retryAfter !== undefined && error.retryAfter > 0
        ? l.rateLimited(Math.ceil(error.retryAfter), locale)
        : s.common.errors.rate_limited;
    case 'network':
      return l.network;
    case 'invalid_request':
    case 'not_found':
    case 'unauthorized':
      if (stage === 'link') return withPlatform(l.linkInvalid, l.linkInvalidNoPlatform);
      return error.code === 'invalid_request' && stage === 'email' ? l.emailInvalid : s.common.errors[error.code];
    default:
      return s.common.errors[error.code];
  }
}
