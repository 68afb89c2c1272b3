// JustiFi's payments list web component (Stencil), defined as its docs show for bundlers.
import { defineCustomElement } from '@justifi/webcomponents/dist/module/justifi-payments-list.js';

defineCustomElement();
