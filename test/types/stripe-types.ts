/**
 * Type-level test (checked by `tsc --noEmit` in `npm test`; never run): Stripe's own TypeScript
 * types (the `stripe` package, v23, a dev dependency only) are assignable to the contract's data
 * types without a cast, so a platform on Stripe Connect passes Stripe's responses straight through.
 */
import type Stripe from 'stripe';
import type {
  Balance,
  BalanceTransaction,
  ExpressAccount,
  List,
  LoginLink,
  Payout,
  PayoutDestination,
} from '../../src/contract/types.js';

type Assert<T extends true> = T;
type IsAssignable<From, To> = [From] extends [To] ? true : false;

export type StripeBalanceTransactionFits = Assert<IsAssignable<Stripe.BalanceTransaction, BalanceTransaction>>;
export type StripeBalanceFits = Assert<IsAssignable<Stripe.Balance, Balance>>;
export type StripePayoutFits = Assert<IsAssignable<Stripe.Payout, Payout>>;
export type StripeAccountFits = Assert<IsAssignable<Stripe.Account, ExpressAccount>>;
export type StripeLoginLinkFits = Assert<IsAssignable<Stripe.LoginLink, LoginLink>>;
export type StripeListFits = Assert<IsAssignable<Stripe.ApiList<Stripe.BalanceTransaction>, List<BalanceTransaction>>>;

// The same, as plain assignments, so a failure names the mismatching field.
declare const stripeTxn: Stripe.BalanceTransaction;
declare const stripeBalance: Stripe.Balance;
declare const stripePayout: Stripe.Payout;
declare const stripeAccount: Stripe.Account;
declare const stripeLoginLink: Stripe.LoginLink;
declare const stripeList: Stripe.ApiList<Stripe.BalanceTransaction>;
export const txn: BalanceTransaction = stripeTxn;
export const balance: Balance = stripeBalance;
export const payout: Payout = stripePayout;
export const account: ExpressAccount = stripeAccount;
export const loginLink: LoginLink = stripeLoginLink;
export const list: List<BalanceTransaction> = stripeList;

// A payout's destination, expanded (`expand[]=destination`) or deleted since, fits too.
export type StripeBankAccountFits = Assert<IsAssignable<Stripe.BankAccount, PayoutDestination>>;
export type StripeCardFits = Assert<IsAssignable<Stripe.Card, PayoutDestination>>;
export type StripeDeletedDestinationFits = Assert<IsAssignable<Stripe.DeletedExternalAccount, PayoutDestination>>;
declare const expandedPayout: Stripe.Payout & { destination: Stripe.BankAccount };
export const withBank: Payout = expandedPayout;
export const bankLast4: string | undefined = typeof withBank.destination === 'object' ? withBank.destination?.last4 : undefined;

// And the check is not vacuous: a shape that breaks the contract is rejected.
// @ts-expect-error amounts are numbers, not strings
export const notATxn: BalanceTransaction = { ...stripeTxn, amount: '1.00' };
// @ts-expect-error a destination's last4 is a string
export const notAPayout: Payout = { ...stripePayout, destination: { id: 'ba_1', last4: 6789 } };

// The server entry's `stripeSource({ stripe })` takes the official client as it is.
import type { StripeClient } from '../../src/server/stripe-client.js';
declare const stripeClient: Stripe;
export const client: StripeClient = stripeClient;
export type StripeClientFits = Assert<IsAssignable<Stripe, StripeClient>>;
