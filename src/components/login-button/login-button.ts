import { ExpressLoginButton } from './login-button.component.js';

export * from './login-button.component.js';

if (!customElements.get('express-login-button')) customElements.define('express-login-button', ExpressLoginButton);

declare global {
  interface HTMLElementTagNameMap {
    'express-login-button': ExpressLoginButton;
  }
}
