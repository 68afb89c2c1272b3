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
 * True when the user agent is an in-app browser, where the dashboard does not work: Android
 * WebView (`; wv)`), an iPhone or iPad app's WKWebView (WebKit without the `Safari/` token,
 * including iPad apps that present themselves as a Mac), and the in-app browsers of Facebook,
 * Messenger, Instagram, LINE, WeChat, TikTok, X/Twitter and Snapchat. Ordinary Chrome, Firefox,
 * Safari, Edge, Samsung Internet and Opera, and Chrome (CriOS), Firefox (FxiOS) and Edge (EdgiOS)
 * on iOS, are not webviews. Anything that is not a string is not a webview.
 */
export function isInAppWebview(userAgent: string): boolean {
  const ua = typeof userAgent === 'string' ? userAgent : '';
  if (
    /\b(FBAN|FBAV|FB_IAB)\/|\bInstagram[ /]\d|\bLine\/\d|\bMicroMessenger\/|\b(musical_ly|trill)_|\bBytedanceWebview\/|\bTikTok[ /]\d|\bTwitter(Android\b| for i)|\bSnapchat\/|; wv\)/i.test(ua)
  ) {
    return true;
  }
  // Apple's WebKit without a Safari token is an app's WKWebView. "like Safari/..." (Snapchat)
  // is not the token; iPad apps say "Macintosh" by default.
  if (/\b(iPhone|iPad|iPod|Macintosh)\b/.test(ua) && /AppleWebKit\//.test(ua)) {
    return !/\bSafari\//.test(ua.replace(/\blike Safari\//g, ''));
  }
  return false;
}
