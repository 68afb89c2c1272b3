/**
 * Type-level test (checked by `tsc --noEmit` in `npm test`; never run): the typings generated from
 * the manifest (src/frameworks/*.ts) make the tags, their properties and their events known to
 * Vue's templates, Preact's JSX and Solid's JSX, and the React components' props are typed.
 */
import type { GlobalComponents } from 'vue';
import type { JSX as PreactJSX } from 'preact';
import type { JSX as SolidJSX } from 'solid-js';
import type {} from '../../src/frameworks/vue.js';
import type {} from '../../src/frameworks/preact.js';
import type {} from '../../src/frameworks/solid.js';
import type { ExpressTransactionsProps, ExpressPayoutsProps, ExpressLoginButtonProps } from '../../src/react.js';
import type { ExpressAdapter, BalanceTransaction } from '../../src/contract/types.js';

declare const adapter: ExpressAdapter;
const describe = (t: BalanceTransaction) => t.id;

// Vue: what `<express-transactions :adapter="adapter" @express-error="...">` is checked against.
type VueTransactions = InstanceType<GlobalComponents['express-transactions']>['$props'];
export const vue: VueTransactions = {
  adapter, describe, pageSize: 10, category: 'charge',
  onExpressError: (e) => e.detail.error.code,
  onExpressTransactionSelect: (e) => e.detail.transaction.id,
};
// @ts-expect-error a number is not an adapter
export const vueWrong: VueTransactions = { adapter: 1 };
export const vuePayouts: InstanceType<GlobalComponents['express-payouts']>['$props'] = {
  onExpressPayoutSelect: (e) => e.detail.payout.id,
};

// Preact: properties, and `onexpress-*` listeners typed with the event.
export const preact: PreactJSX.IntrinsicElements['express-transactions'] = {
  adapter, describe, class: 'list',
  'onexpress-transaction-select': (e) => e.detail.transaction.id,
  'onexpress-error': (e) => e.detail.operation,
};
// @ts-expect-error describe returns a string
export const preactWrong: PreactJSX.IntrinsicElements['express-transactions'] = { describe: () => 1 };

// Solid: properties, and `on:express-*` listeners typed with the event.
export const solid: SolidJSX.IntrinsicElements['express-login-button'] = {
  adapter, endpoint: '/api/login-link',
  'on:express-login-redirect': (e) => e.detail.url,
  'on:express-unsupported-browser': (e) => e.detail.userAgent,
};
// @ts-expect-error not an event of the login button
export const solidWrong: SolidJSX.IntrinsicElements['express-login-button'] = { 'on:express-transaction-select': () => {} };

// React: typed props and event props.
export const react: ExpressTransactionsProps = {
  adapter, describe, pageSize: 5, onExpressTransactionSelect: (e) => e.detail.transaction.id, onExpressError: (e) => e.detail.error.code,
};
export const reactPayouts: ExpressPayoutsProps = { onExpressPayoutSelect: (e) => e.preventDefault() };
// @ts-expect-error onExpressPayoutSelect is not an event of the login button
export const reactWrong: ExpressLoginButtonProps = { onExpressPayoutSelect: () => {} };
