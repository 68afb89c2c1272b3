/**
 * URL and browser checks of the contract: where the login flow may send a person, and whether the
 * page runs in an in-app webview (where the dashboard does not work).
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https:` anywhere, or `http:` on localhost, 127.0.0.1 or [::1]; nothing else (no `javascript:`). */
export function isSafeRedirectUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.trim() !== url || url === '') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return u.hostname !== '';
  if (u.protocol === 'http:') return LOOPBACK.has(u.hostname);
  return false;
}

/**
 * True when the user agent is an in-app browser: Android WebView (`; wv)`), an iOS app's
 * WKWebView (an iPhone/iPad WebKit without the `Safari/` token), or the in-app browsers of
 * Facebook, Instagram, LINE, WeChat, TikTok and X/Twitter. Ordinary Chrome, Firefox, Safari and
 * Edge, and Chrome (CriOS) and Firefox (FxiOS) on iOS, are not webviews.
 */
export function isInAppWebview(userAgent: string): boolean {
  const ua = userAgent ?? '';
  if (/\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b/.test(ua)) return true; // Facebook, Messenger
  if (/\bInstagram\b/.test(ua)) return true;
  if (/\bLine\/\d/i.test(ua)) return true;
  if (/\bMicroMessenger\//i.test(ua)) return true; // WeChat
  if (/\b(musical_ly|BytedanceWebview|TikTok|trill)[_/ ]/i.test(ua)) return true;
  if (/\bTwitter(Android)?\b|\bTwitterAndroid\b/i.test(ua)) return true;
  if (/; wv\)/.test(ua)) return true; // Android System WebView
  const iOS = /\b(iPhone|iPad|iPod)\b/.test(ua);
  if (iOS && /AppleWebKit\//.test(ua)) {
    // Safari and the browsers built on WebKit that say so carry a Safari/ token; apps don't.
    if (/\b(CriOS|FxiOS|EdgiOS|OPiOS|YaBrowser|DuckDuckGo)\//.test(ua)) return false;
    return !/\bSafari\//.test(ua);
  }
  return false;
}
