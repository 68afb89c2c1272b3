/**
 * `<express-earnings>` alone on the demo's data, to look at (screenshots at several widths, light
 * and dark, in other languages and right to left). Query parameters: `locale`, `dir`, `range`,
 * `interval`, `compare`, `from`, `to`. Sets `window.benchReady` once the chart is drawn.
 */
import { demoAdapter } from '../../src/demo/demo-adapter.js';
import '../../src/components/earnings/earnings.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('express-earnings');
for (const name of ['locale', 'range', 'interval', 'from', 'to']) {
  const v = q.get(name);
  if (v) el.setAttribute(name, v);
}
if (q.has('compare')) el.setAttribute('compare', '');
if (q.get('dir')) document.documentElement.dir = q.get('dir')!;
if (q.get('locale')) document.documentElement.lang = q.get('locale')!;
const now = q.get('now') ? Date.parse(q.get('now')!) / 1000 : undefined;
el.adapter = demoAdapter({ seed: 7, months: 24, currency: 'usd', timezone: 'America/New_York', livemode: false, platformName: 'Lumen Rides', now });
document.getElementById('stage')!.append(el);
const ready = () => !!el.shadowRoot?.querySelector('[part~="data-table"] tbody tr, [part~="empty"]');
const wait = () => (ready() ? ((window as unknown as { benchReady: boolean }).benchReady = true) : requestAnimationFrame(wait));
wait();
