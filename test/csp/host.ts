// A platform's page hosting every element under the strict policy the README documents: the
// whole dashboard, each element on its own (balance, earnings, transactions, payouts, one payout's
// details), the login page's element and the login button, all on the in-browser demo adapters.
import './watch-violations.js';
import '../../src/index.js';
import { demoAdapter } from '../../src/demo/demo-adapter.js';
import { DemoSignInAdapter } from '../../src/demo/demo-sign-in-adapter.js';

const host = document.getElementById('host')!;
const adapter = demoAdapter({ seed: 3, months: 3, currency: 'usd', timezone: 'America/New_York', livemode: false, platformName: 'Lumen Rides' });
const payout = (await adapter.listPayouts({ limit: 1 })).data[0]!;

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, set: (el: HTMLElementTagNameMap[K]) => void) => {
  const el = document.createElement(tag);
  set(el);
  el.setAttribute('locale', 'en-US');
  host.append(el);
  return el;
};
make('express-dashboard', (el) => {
  el.adapter = adapter;
  el.setAttribute('platform-name', 'Lumen Rides');
});
make('express-balance', (el) => (el.adapter = adapter));
make('express-earnings', (el) => {
  el.adapter = adapter;
  el.setAttribute('time-zone', 'America/New_York');
});
make('express-transactions', (el) => (el.adapter = adapter));
make('express-payouts', (el) => (el.adapter = adapter));
make('express-payout-details', (el) => {
  el.adapter = adapter;
  el.payoutId = payout.id;
});
make('express-login', (el) => {
  el.adapter = new DemoSignInAdapter({ livemode: true, redirectUrl: '#signed-in' });
  el.setAttribute('platform-name', 'Lumen Rides');
});
make('express-login-button', (el) => (el.adapter = adapter));
(window as unknown as { hostReady: boolean }).hostReady = true;
