// The full dashboard: registers <express-dashboard> and the elements its default layout
// renders. (The component class itself only renders their tags; a page that wants the dashboard's
// context and header without the chart can import dashboard.component.js and register it itself.)
import '../balance/balance.js';
import '../earnings/earnings.js';
import '../payouts/payouts.js';
import '../transactions/transactions.js';
import { ExpressDashboard } from './dashboard.component.js';

export * from './dashboard.component.js';

if (!customElements.get('express-dashboard')) customElements.define('express-dashboard', ExpressDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'express-dashboard': ExpressDashboard;
  }
}
