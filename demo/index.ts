// The demo page: every element on MemoryAdapter data, with locale, theme and currency controls.
import '../src/index.js';
import { MemoryAdapter } from '../src/adapters.js';

const params = new URLSearchParams(location.search);
const main = document.getElementById('demo-main')!;
const localeSelect = document.getElementById('locale') as HTMLSelectElement;
const themeSelect = document.getElementById('theme') as HTMLSelectElement;
const currencySelect = document.getElementById('currency') as HTMLSelectElement;

const currency = params.get('currency') ?? 'usd';
const locale = params.get('locale') ?? 'en-US';
const theme = params.get('theme') ?? 'system';
currencySelect.value = currency;
localeSelect.value = locale;
themeSelect.value = theme;

/** Two years of a ride-share driver's history, deterministic. */
export const adapter = MemoryAdapter.demo({
  seed: 7,
  months: 24,
  currency,
  timezone: 'America/New_York',
  livemode: false,
  platformName: 'Lumen Rides',
});
(window as unknown as { demoAdapter: MemoryAdapter }).demoAdapter = adapter;

const dashboard = document.createElement('express-dashboard');
dashboard.adapter = adapter;
dashboard.setAttribute('platform-name', 'Lumen Rides');
main.append(dashboard);

const ch = document.createElement('express-earnings');
ch.dataset.express = '';
dashboard.prepend(ch);

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
