import { ExpressDashboard } from './dashboard.component.js';

export * from './dashboard.component.js';

if (!customElements.get('express-dashboard')) customElements.define('express-dashboard', ExpressDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'express-dashboard': ExpressDashboard;
  }
}
