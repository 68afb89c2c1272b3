// The "platform site" demo: Lumen Rides' driver portal with <express-login-button> on a
// MemoryAdapter whose login links point at this demo's login page.
import '../src/components/login-button/login-button.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { ExpressError } from '../src/contract/errors.js';

let failNext = false;
const adapter = new MemoryAdapter({
  loginUrl: new URL('./login.html', location.href).href,
  latency: 600,
  fail: (operation) => {
    if (operation !== 'createLoginLink' || !failNext) return undefined;
    failNext = false;
    (document.getElementById('fail') as HTMLInputElement).checked = false;
    return new ExpressError('network');
  },
});

const hold = document.getElementById('hold') as HTMLInputElement;
const log = document.getElementById('log') as HTMLOutputElement;
document.getElementById('fail')!.addEventListener('change', (e) => {
  failNext = (e.target as HTMLInputElement).checked;
});

for (const button of document.querySelectorAll('express-login-button')) {
  button.adapter = adapter;
  button.addEventListener('express-login-redirect', (e) => {
    if (!hold.checked) return;
    e.preventDefault();
    log.textContent = `express-login-redirect (cancelled): ${e.detail.url}`;
  });
  button.addEventListener('express-error', (e) => {
    log.textContent = `express-error: ${e.detail.error.code} in ${e.detail.operation}`;
  });
  button.addEventListener('express-unsupported-browser', () => {
    log.textContent = 'express-unsupported-browser: this looks like an in-app browser';
  });
}

const locale = new URLSearchParams(location.search).get('locale');
if (locale) document.documentElement.lang = locale;
