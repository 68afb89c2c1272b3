// The dashboard page: every element on the reference server's data API (session cookie), with
// sign-out and, in development, a control that makes a new payment so the live update shows.
// `data-api-base` on <express-dashboard> points it at another mount of the API (default /v1).
import '../../src/index.js';
import { HttpAdapter } from '../../src/adapter/http-adapter.js';
import type { ExpressErrorEvent } from '../../src/events.js';

const dashboard = document.querySelector('express-dashboard');
if (dashboard) {
  dashboard.adapter = new HttpAdapter({ baseUrl: dashboard.dataset.apiBase ?? '/v1' });
  // The session ended (idle or absolute expiry, or signed out elsewhere): back to the login page.
  dashboard.addEventListener('express-error', (e) => {
    if ((e as ExpressErrorEvent).detail.error.code === 'unauthorized') location.assign('/login');
  });
}

document.getElementById('sign-out')?.addEventListener('click', async () => {
  await fetch('/v1/sign_out', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => r.text())
    .catch(() => undefined);
  location.assign('/login');
});

const simulate = document.getElementById('simulate-payment') as HTMLButtonElement | null;
simulate?.addEventListener('click', async () => {
  simulate.disabled = true;
  try {
    const res = await fetch('/dev/payments', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    await res.text(); // read to the end: the request is not finished until the body is consumed
    if (res.status === 401) location.assign('/login');
  } finally {
    simulate.disabled = false;
  }
});
