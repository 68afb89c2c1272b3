// The login page: <express-login> on the reference server's sign-in API. A visitor who is already
// signed in and has no login link's token goes on to the dashboard; `location.replace` leaves the
// login page out of the history, so Back does not return to it.
import '../../src/components/login/login.js';
import { HttpSignInAdapter } from '../../src/adapter/http-sign-in-adapter.js';

/** Whether the page's address holds a login link's token (`#login_token=…`, or `?login_token=…`). */
function hasToken(url: URL): boolean {
  return new URLSearchParams(url.hash.slice(1)).has('login_token') || url.searchParams.has('login_token');
}

if (document.body.hasAttribute('data-signed-in') && !hasToken(new URL(location.href))) {
  location.replace('/dashboard');
} else {
  const login = document.querySelector('express-login');
  if (login) login.adapter = new HttpSignInAdapter({ baseUrl: '/v1' });
}
