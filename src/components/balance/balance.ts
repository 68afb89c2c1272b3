import { ExpressBalance } from './balance.component.js';

export * from './balance.component.js';

if (!customElements.get('express-balance')) customElements.define('express-balance', ExpressBalance);

declare global {
  interface HTMLElementTagNameMap {
    'express-balance': ExpressBalance;
  }
}
