// Registers <express-payouts> and <express-payout-details> (the list opens the details).
import { ExpressPayoutDetails } from './payout-details.component.js';
import { ExpressPayouts } from './payouts.component.js';

export * from './payouts.component.js';
export * from './payout-details.component.js';

if (!customElements.get('express-payout-details')) customElements.define('express-payout-details', ExpressPayoutDetails);
if (!customElements.get('express-payouts')) customElements.define('express-payouts', ExpressPayouts);

declare global {
  interface HTMLElementTagNameMap {
    'express-payouts': ExpressPayouts;
    'express-payout-details': ExpressPayoutDetails;
  }
}
