import { ExpressEarnings } from './earnings.component.js';

export * from './earnings.component.js';

if (!customElements.get('express-earnings')) customElements.define('express-earnings', ExpressEarnings);

declare global {
  interface HTMLElementTagNameMap {
    'express-earnings': ExpressEarnings;
  }
}
