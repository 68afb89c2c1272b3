// The login page: <express-login> on the reference server's sign-in API.
// - A visitor who is already signed in and has no login link's token goes on to the dashboard;
//   `location.replace` leaves the login page out of the history, so Back does not return to it.
// - Signed in, a link for another account is answered 409 (param replace_session) and not spent:
//   the page asks (#switch-account) before going on, which signs the current account out here.
import { HttpSignInAdapter } from '../../src/adapter/http-sign-in-adapter.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { ExpressSignInAdapter, RequestOptions, SignInStep } from '../../src/contract/types.js';

/** Whether the page's address holds a login link's token (`#login_token=…`, or `?login_token=…`). */
function hasToken(url: URL): boolean {
  return new URLSearchParams(url.hash.slice(1)).has('login_token') || url.searchParams.has('login_token');
}

/** Shows the question; resolves true when the person continues with the link. */
function askToSwitch(): Promise<boolean> {
  const box = document.getElementById('switch-account');
  const go = document.getElementById('switch-continue');
  if (!box || !go) return Promise.resolve(false);
  box.hidden = false;
  go.focus();
  return new Promise((resolve) => {
    go.addEventListener('click', () => {
      box.hidden = true;
      resolve(true);
    }, { once: true });
  });
}

/** The sign-in adapter, asking before a link replaces another account's session. */
class AskingSignInAdapter implements ExpressSignInAdapter {
  private replace = false;
  private readonly http = new HttpSignInAdapter({ baseUrl: '/v1', headers: (): HeadersInit => (this.replace ? [['Express-Replace-Session', 'true']] : []) });

  async start(r: { login_token: string } | { email: string }, o?: RequestOptions): Promise<SignInStep> {
    try {
      return await this.http.start(r, o);
    } catch (e) {
      if (!(e instanceof ExpressError) || e.param !== 'replace_session') throw e;
      if (!(await askToSwitch())) return new Promise(() => location.replace('/dashboard'));
      this.replace = true;
      return this.http.start(r, o);
    }
  }

  verify(challenge_id: string, code: string, o?: RequestOptions): Promise<SignInStep> {
    return this.http.verify(challenge_id, code, o);
  }

  resend(challenge_id: string, o?: RequestOptions): Promise<SignInStep> {
    return this.http.resend(challenge_id, o);
  }
}

// Decided before the element is defined: it takes the token out of the address bar as it starts.
if (document.body.hasAttribute('data-signed-in') && !hasToken(new URL(location.href))) {
  location.replace('/dashboard');
} else {
  const adapter = new AskingSignInAdapter();
  void import('../../src/components/login/login.js').then(() => {
    const login = document.querySelector('express-login');
    if (login) login.adapter = adapter;
  });
}
