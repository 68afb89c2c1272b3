import { ExpressTransactions } from './transactions.component.js';

export * from './transactions.component.js';

if (!customElements.get('express-transactions')) customElements.define('express-transactions', ExpressTransactions);

declare global {
  interface HTMLElementTagNameMap {
    'express-transactions': ExpressTransactions;
  }
}
