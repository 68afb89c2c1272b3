// The demo page: the full <express-dashboard> on MemoryAdapter data, with locale, theme and currency controls.
import '../src/index.js';
import { DemoAdapter, demoAdapter } from '../src/demo/demo-adapter.js';

const params = new URLSearchParams(location.search);
const main = document.getElementById('demo-main')!;
const localeSelect = document.getElementById('locale') as HTMLSelectElement;
const themeSelect = document.getElementById('theme') as HTMLSelectElement;
const currencySelect = document.getElementById('currency') as HTMLSelectElement;

const currency = params.get('currency') ?? 'usd';
const locale = params.get('locale') ?? 'en-US';
const theme = params.get('theme') ?? 'system';
// ?dir=rtl lays the page out right to left, as a platform's page in Arabic or Hebrew would: the
// elements follow the direction they inherit.
if (params.get('dir') === 'rtl') document.documentElement.dir = 'rtl';
currencySelect.value = currency;
localeSelect.value = locale;
themeSelect.value = theme;

/** Two years of a ride-share driver's history, deterministic. */
export const adapter = demoAdapter({
  seed: 7,
  months: 24,
  currency,
  timezone: 'America/New_York',
  livemode: false,
  platformName: 'Lumen Rides',
});
(window as unknown as { demoAdapter: DemoAdapter }).demoAdapter = adapter;

// The whole dashboard in one tag: it lays out the header, balance, earnings chart and
// transactions itself, and feeds them one live subscription.
const dashboard = document.createElement('express-dashboard');
dashboard.adapter = adapter;
dashboard.setAttribute('platform-name', 'Lumen Rides');

// The platform's own control in the header: a new trip payment through the live feed updates the
// balance, the chart and the list together.
const simulate = document.createElement('button');
simulate.type = 'button';
simulate.slot = 'header-actions';
simulate.className = 'demo-button';
simulate.textContent = 'Simulate a payment';
simulate.addEventListener('click', () => adapter.simulatePayment());
const footer = document.createElement('p');
footer.slot = 'footer';
footer.className = 'demo-footer';
footer.textContent = 'Demo data: a seeded ride-share history in the in-browser MemoryAdapter. Nothing leaves this page.';
dashboard.append(simulate, footer);
main.append(dashboard);

function applyLocale(value: string) {
  document.documentElement.lang = value;
  for (const el of document.querySelectorAll('express-dashboard, [data-express]')) el.setAttribute('locale', value);
}
function applyTheme(value: string) {
  if (value === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = value;
}
function setParam(name: string, value: string) {
  const u = new URL(location.href);
  u.searchParams.set(name, value);
  history.replaceState(null, '', u);
}
applyLocale(locale);
applyTheme(theme);
localeSelect.addEventListener('change', () => { applyLocale(localeSelect.value); setParam('locale', localeSelect.value); });
themeSelect.addEventListener('change', () => { applyTheme(themeSelect.value); setParam('theme', themeSelect.value); });
currencySelect.addEventListener('change', () => { setParam('currency', currencySelect.value); location.reload(); });
