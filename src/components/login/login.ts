import { ExpressLogin } from './login.component.js';

export * from './login.component.js';

if (!customElements.get('express-login')) customElements.define('express-login', ExpressLogin);

declare global {
  interface HTMLElementTagNameMap {
    'express-login': ExpressLogin;
  }
}
