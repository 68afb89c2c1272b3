/**
 * English strings: the reference table. `Strings` is derived from this object's shape, so every
 * other language must have exactly these keys (a missing or extra key is a compile error).
 *
 * Conventions for every language:
 * - Grouped by element (`common`, `categories`, `statuses`, `descriptions`, `transactions`,
 *   `earnings`, `balance`, `payouts`, `dashboard`, `login`); later issues add keys inside their group.
 * - Plain text only: no HTML. `{name}` placeholders are filled with `format()`; values are
 *   inserted as text.
 * - A count-dependent message is a function `(n, locale?) => string` that picks the plural form
 *   with Intl.PluralRules and formats `n` with Intl.NumberFormat for `locale` (the reader's full
 *   locale, e.g. `es-MX`; the table's language when omitted).
 */
import type { Category } from '../../contract/categories.js';
import { DEFAULT_ERROR_MESSAGES } from '../../contract/error-messages.js';
import { ordinalForm, plural } from './format.js';

const L = 'en';

const WEEKDAYS: Record<string, string> = {
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday',
  friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday',
};

const ORDINAL_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };
const ordinal = (n: number): string => `${n}${ORDINAL_SUFFIX[ordinalForm(L, n)] ?? 'th'}`;

/** The English string table. */
export const en = {
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    loadMore: 'Load more',
    exportCsv: 'Export CSV',
    cancel: 'Cancel',
    close: 'Close',
    clearFilters: 'Clear filters',
    filters: 'Filters',
    testMode: 'Test mode',
    showDetails: 'Show details',
    hideDetails: 'Hide details',
    total: 'Total',
    /** Title above an error message when a view could not load. */
    errorTitle: 'Something went wrong',
    /** Title for a `network` error. */
    networkErrorTitle: 'You appear to be offline',
    /** Title when a later page failed and the rows already shown stay. */
    loadMoreErrorTitle: 'Could not load more',
    /** One person-readable message per `ExpressError` code. */
    errors: DEFAULT_ERROR_MESSAGES,
    /** `rate_limited` when the wait is known (`retryAfter`, in seconds). */
    rateLimitedWait: (seconds: number, locale?: string): string =>
      plural(L, locale, seconds, {
        one: 'Too many requests. Try again in {count} second.',
        other: 'Too many requests. Try again in {count} seconds.',
      }),
  },

  categories: {
    /** The filter option that shows every category. */
    all: 'All',
    /** Filter labels, one per category. */
    plural: {
      charge: 'Payments', refund: 'Refunds', transfer: 'Transfers', payout: 'Payouts',
      fee: 'Fees', adjustment: 'Adjustments', other: 'Other',
    } satisfies Record<Category, string>,
    /** The type label of one row. */
    singular: {
      charge: 'Payment', refund: 'Refund', transfer: 'Transfer', payout: 'Payout',
      fee: 'Fee', adjustment: 'Adjustment', other: 'Other',
    } satisfies Record<Category, string>,
  },

  statuses: {
    available: 'Available',
    pending: 'Pending',
    /** `{date}`: when the funds become available, already formatted. */
    pendingUntil: 'Pending until {date}',
    paid: 'Paid',
    in_transit: 'In transit',
    canceled: 'Canceled',
    failed: 'Failed',
  },

  /** Generic descriptions for a transaction without its own, per category. */
  descriptions: {
    charge: 'Payment from {platform}',
    /** `charge` when no platform name is known. */
    chargeNoPlatform: 'Payment',
    transfer: 'Transfer from {platform}',
    /** `transfer` when no platform name is known. */
    transferNoPlatform: 'Transfer',
    refund: 'Refund',
    payout: 'Payout to your bank account',
    /** A payout whose bank account (or card) is known; `{last4}`: its last four digits. */
    payoutEnding: 'Payout to your bank account ···· {last4}',
    payoutToCardEnding: 'Payout to your card ···· {last4}',
    /** A dispute's withdrawal (Stripe's reporting category `dispute`). */
    dispute: 'Chargeback: a customer disputed a payment',
    /** A dispute decided in the account's favour (`dispute_reversal`). */
    disputeReversal: 'Chargeback reversed: a disputed payment came back',
    /** A refund that names what it refunded; `{what}`: the refunded payment's own description. */
    refundOf: 'Refund: {what}',
    fee: 'Fee',
    adjustment: 'Adjustment',
    other: 'Transaction',
  },

  transactions: {
    title: 'Transactions',
    columns: {
      date: 'Date', type: 'Type', description: 'Description', amount: 'Amount',
      fee: 'Fee', net: 'Net', status: 'Status',
    },
    /** Date range presets, keyed like the `range` attribute. */
    ranges: {
      '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months',
      all: 'All time', custom: 'Custom',
    },
    rangeLabel: 'Date range',
    categoryLabel: 'Type',
    from: 'From',
    to: 'To',
    currency: 'Currency',
    allCurrencies: 'All currencies',
    empty: 'No transactions in this period',
    /** `{filters}`: the active filters as one list (Intl.ListFormat), e.g. "Refunds, Last 30 days and EUR". */
    emptyFiltered: 'No transactions match these filters: {filters}.',
    exporting: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: 'Exporting… {count} transaction so far', other: 'Exporting… {count} transactions so far' }),
    exported: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: 'Exported {count} transaction', other: 'Exported {count} transactions' }),
    exportCanceled: 'Export canceled',
    /** Announced politely when a live transaction arrives. `{description}`, `{amount}` formatted. */
    newTransaction: 'New transaction: {description}, {amount}',
    detail: {
      id: 'ID', source: 'Source', availableOn: 'Available on', fees: 'Fees',
      type: 'Stripe type', noFees: 'No fees',
      /** The disclosure that keeps ids and Stripe's words for support. */
      technical: 'Technical details',
      category: 'Type', status: 'Status', arrival: 'Arrival', destination: 'Destination',
      reportingCategory: 'Reporting category', refundOf: 'Refund of',
      what: 'What happened',
      disputeExplained: 'A customer asked their bank to reverse a payment. Its amount was taken from your balance while the dispute is reviewed; if it is decided in your favour, the money comes back.',
      disputeReversalExplained: 'A dispute was decided in your favour: the money taken for it came back to your balance.',
    },
    /** Extra CSV column headers (the others are `columns`). */
    csv: { category: 'Category', currency: 'Currency', id: 'ID' },
    /** While the next page loads. */
    loadingMore: 'Loading more…',
    /** Under the list: how many rows it shows. */
    showing: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: 'Showing {count} transaction', other: 'Showing {count} transactions' }),
    /** Title of the alert when an export fails (the error's message follows). */
    exportFailed: 'The export did not finish',
    /** A custom range whose start is after its end. */
    invalidRange: 'The start date must be on or before the end date.',
    /** Labels of `fee_details` types, for a fee without its own description (others show Stripe's type). */
    feeTypes: { application_fee: 'Platform fee', stripe_fee: 'Processing fee', tax: 'Tax' } as Record<string, string>,
  },

  earnings: {
    title: 'Earnings',
    netVolume: 'Net volume',
    intervalLabel: 'Interval',
    rangeLabel: 'Date range',
    compare: 'Compare with previous period',
    intervals: { day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
    ranges: {
      '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months + this month',
      ytd: 'Year to date', all: 'All time', custom: 'Custom',
    },
    from: 'From',
    to: 'To',
    currency: 'Currency',
    /** `{pct}`: the change, formatted as a percentage without sign; `{previous}`: the dates compared with ("Oct 9 – Nov 7"). */
    up: 'up {pct} vs {previous}',
    down: 'down {pct} vs {previous}',
    same: 'no change vs {previous}',
    /** Previous total was zero: the change has no percentage. `{zero}` is the formatted zero amount. */
    upFromZero: 'up from {zero} vs {previous}',
    downFromZero: 'down from {zero} vs {previous}',
    /** How to use the focused chart, read after its summary. */
    keyboardHint: 'Use the left and right arrow keys to go through each period.',
    /** Legend of the two lines when comparing. */
    currentPeriod: 'This period',
    previousPeriod: 'Previous period',
    /** The comparison could not load; the chart stays. */
    previousError: 'The previous period could not be loaded.',
    noComparison: 'no earlier data to compare',
    /** A bucket whose period is not over: `{period}` is its label ("November 2026"). */
    soFar: '{period} (so far)',
    /** A bucket the range cuts: `{dates}` are the dates of it that count ("Mar 10 – 31"). */
    partOf: '{period} ({dates})',
    /** Legend of the lighter bars: a period not over yet, or cut by the range. */
    incompleteLegend: 'Incomplete period',
    empty: 'No earnings in this period',
    loaded: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: 'Loaded {count} transaction', other: 'Loaded {count} transactions' }),
    /** The label of the chart: one sentence. All values are formatted. */
    chartSummary: 'Net volume from {from} to {to}: {total} in total. Highest {max} ({maxLabel}), lowest {min} ({minLabel}).',
    /** A week bucket's label; `{date}` is its Monday. */
    weekOf: 'Week of {date}',
    /** Tooltip line: number of transactions in a bucket. */
    transactionCount: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: '{count} transaction', other: '{count} transactions' }),
    table: { period: 'Period', netVolume: 'Net volume', transactions: 'Transactions' },
  },

  balance: {
    title: 'Balance',
    available: 'Available',
    pending: 'Available soon',
    inTransit: 'On the way to your bank',
    total: 'Total',
    nextPayout: 'Next payout',
    /** `{date}`: expected arrival, formatted ("Fri, Nov 28"). */
    expected: 'Expected {date}',
    noUpcoming: 'No upcoming payouts',
    schedule: 'Payout schedule',
    /** "Daily, 2 days after payment". */
    daily: (days: number, locale?: string): string =>
      plural(L, locale, days, { one: 'Daily, {count} day after payment', other: 'Daily, {count} days after payment' }),
    /** `weekday`: Stripe's `weekly_anchor` (`monday` … `sunday`). */
    weekly: (weekday: string): string => (WEEKDAYS[weekday] ? `Weekly on ${WEEKDAYS[weekday]}` : 'Weekly'),
    /** `day`: Stripe's `monthly_anchor` (1–31). */
    monthly: (day: number): string => `Monthly on the ${ordinal(day)}`,
    /** An ordinal day of the month: 1st, 2nd, 3rd, 4th … 31st. */
    ordinal,
    manual: 'Manual payouts',
    /** A daily schedule without `delay_days`. */
    dailyNoDelay: 'Daily',
    /** A monthly schedule without `monthly_anchor`. */
    monthlyNoAnchor: 'Monthly',
    upcomingPayouts: 'Upcoming payouts',
    recentPayouts: 'Recent payouts',
    noPayouts: 'No payouts yet',
    /** A failed payout with its `failure_message`. */
    failedReason: 'Failed: {reason}',
    instant: 'Instant',
    /** More than one payout arriving on the next payout day. */
    payoutCount: (n: number, locale?: string): string => plural(L, locale, n, { one: '{count} payout', other: '{count} payouts' }),
    /** An estimated amount. */
    about: 'About {amount}',
    /** `{date}`: the day an estimated payout is expected around. */
    expectedAround: 'Expected around {date}',
    /** The badge on an estimate. */
    estimate: 'Estimate',
    /** Under a negative total or available amount. */
    negative: 'Your balance is below zero, usually after a refund or a dispute. Your next earnings cover it first, before anything is paid out to your bank.',
    columns: { arrival: 'Arrival', amount: 'Amount', status: 'Status' },
  },

  payouts: {
    title: 'Payouts',
    statusLabel: 'Status',
    allStatuses: 'All statuses',
    /** The arrival date filter. Presets count back from today and keep every later payout (upcoming ones too). */
    rangeLabel: 'Arrival date',
    ranges: { '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months', all: 'All time', custom: 'Custom' },
    columns: { arrival: 'Arrival', amount: 'Amount', status: 'Status', method: 'Method', destination: 'Destination' },
    methods: { standard: 'Standard', instant: 'Instant' },
    /** Where the money went. `{last4}`: the last four digits; `{brand}`: a card's brand. */
    destinations: {
      bankAccount: 'Bank account',
      bankAccountEnding: 'Bank account ···· {last4}',
      card: 'Card',
      cardEnding: '{brand} ···· {last4}',
      accountEnding: 'Account ···· {last4}',
    },
    /** No payout at all; the schedule follows in words. */
    empty: 'No payouts yet',
    /** `{schedule}`: the payout schedule in words ("Daily, 2 days after payment"). */
    emptySchedule: 'Your payout schedule: {schedule}. Payouts appear here as soon as they are made.',
    /** `{filters}`: the active filters as one list. */
    emptyFiltered: 'No payouts match these filters: {filters}.',
    showing: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: 'Showing {count} payout', other: 'Showing {count} payouts' }),
    loadingMore: 'Loading more…',
    /** The name of a row's button for assistive technology: what opens. */
    viewDetails: 'View details',
    /** `{amount}` and `{date}` formatted: the accessible name of a row. */
    rowLabel: 'Payout of {amount}, {date}',
    /** Why a failed or canceled payout did not arrive, and what to do. */
    problems: {
      reasons: {
        account_closed: 'The bank account has been closed.',
        account_frozen: 'The bank account has been frozen.',
        bank_account_restricted: 'The bank account has restrictions on the payouts it can receive.',
        bank_ownership_changed: 'The bank account now belongs to someone else.',
        could_not_process: 'The bank could not process this payout.',
        debit_not_authorized: 'The bank account does not accept this kind of transfer.',
        declined: 'The bank declined this payout.',
        incorrect_account_holder_address: 'The account holder’s address does not match the bank’s records.',
        incorrect_account_holder_name: 'The account holder’s name does not match the bank’s records.',
        incorrect_account_holder_tax_id: 'The account holder’s tax ID does not match the bank’s records.',
        insufficient_funds: 'There was not enough money in your balance to cover this payout.',
        invalid_account_number: 'The account number is not valid.',
        invalid_currency: 'The bank account cannot receive this currency.',
        no_account: 'The bank could not find this account.',
        unsupported_card: 'This card cannot receive payouts.',
      },
      unknownReason: 'The payout could not be completed.',
      canceled: 'This payout was canceled.',
      canceledAction: 'The money is back in your balance and will be paid out with your next payout.',
      updateDestination: 'Update your bank details with {platform}. The money is back in your balance and is paid out again once they are fixed.',
      updateDestinationNoPlatform: 'Update your bank details. The money is back in your balance and is paid out again once they are fixed.',
      contactBank: 'Contact your bank to find out more. The money is back in your balance.',
      tryAgain: 'The money is back in your balance and will be paid out again. If this keeps happening, contact {platform}.',
      tryAgainNoPlatform: 'The money is back in your balance and will be paid out again. If this keeps happening, contact support.',
      /** Heading above the advice. */
      whatToDo: 'What you can do',
    },
    details: {
      title: 'Payout details',
      /** Above the amount. */
      payout: 'Payout',
      arrival: 'Arrival date',
      method: 'Method',
      destination: 'Destination',
      bank: 'Bank',
      statementDescriptor: 'On your bank statement',
      id: 'Payout ID',
      timeline: 'Status',
      /** Timeline steps; `{date}` formatted. */
      created: 'Started',
      inTransit: 'On the way to your bank',
      paid: 'Arrived',
      expected: 'Expected {date}',
      failed: 'Failed',
      canceled: 'Canceled',
      reconciliation: 'What this payout includes',
      groups: { charge: 'Payments', refund: 'Refunds', fee: 'Fees', adjustment: 'Adjustments', other: 'Other' },
      count: 'Count',
      amount: 'Amount',
      total: 'Total paid out',
      matches: 'These add up exactly to the payout.',
      /** `{sum}`: what the listed transactions add up to; `{amount}`: the payout's amount. */
      mismatch: 'The transactions listed for this payout add up to {sum}, not to the payout’s {amount}, so no breakdown is shown: the list may be incomplete.',
      otherCurrency: 'Some transactions listed for this payout are in another currency, so no breakdown is shown.',
      manual: 'This payout was requested by hand, so it is not tied to particular transactions.',
      unavailable: 'The transactions in this payout are not available.',
      inProgress: 'The transactions in this payout are still being matched. Check again once it has arrived.',
      transactions: 'Transactions',
      noTransactions: 'No transactions are listed for this payout.',
      loaded: (n: number, locale?: string): string =>
        plural(L, locale, n, { one: 'Loaded {count} transaction…', other: 'Loaded {count} transactions…' }),
      showMore: 'Show more',
      exported: (n: number, locale?: string): string =>
        plural(L, locale, n, { one: 'Exported {count} transaction', other: 'Exported {count} transactions' }),
    },
  },

  dashboard: {
    title: 'Dashboard',
    /** Header line under the account's name. */
    subtitle: 'Your earnings with {platform}',
    sections: { balance: 'Balance', earnings: 'Earnings', transactions: 'Transactions', payouts: 'Payouts' },
    /** Polite announcement of live activity. */
    newActivity: 'New activity: {description}, {amount}',
    /** Several arrivals announced at once. */
    newActivityCount: (n: number, locale?: string): string =>
      plural(L, locale, n, { one: '{count} new transaction', other: '{count} new transactions' }),
    /** A payout event; `{status}` is the status badge's word. */
    payoutActivity: 'Payout of {amount}: {status}',
  },

  login: {
    title: 'Sign in',
    /** Direct sign-in; `{platform}` is the platform's name. */
    emailPrompt: 'Enter the email address you use with {platform}.',
    emailPromptNoPlatform: 'Enter your email address to sign in.',
    emailLabel: 'Email',
    emailInvalid: 'Enter a valid email address.',
    continue: 'Continue',
    /** `{phone}`: the hint from the server, e.g. "•••• 4242". */
    codeSent: 'We sent a code to {phone}',
    codeLabel: 'Verification code',
    verify: 'Verify',
    resend: 'Resend code',
    resendIn: 'Resend code in {seconds}s',
    codeResent: 'We sent a new code.',
    testModeNote: 'Test mode: no text message is sent. Use the code 000000.',
    invalidCode: 'That code is not correct. Try again.',
    attemptsLeft: (n: number, locale?: string): string =>
      plural(L, locale, n, {
        one: 'That code is not correct. You have {count} attempt left.',
        other: 'That code is not correct. You have {count} attempts left.',
      }),
    expired: 'This link has expired. Go back to {platform} and open the dashboard again.',
    expiredNoPlatform: 'This link has expired. Go back and open the dashboard again.',
    tooManyAttempts: 'Too many attempts. Wait a few minutes, then request a new code.',
    rateLimited: (seconds: number, locale?: string): string =>
      plural(L, locale, seconds, {
        one: 'Too many requests. Try again in {count} second.',
        other: 'Too many requests. Try again in {count} seconds.',
      }),
    network: 'We could not reach the server. Check your connection and try again.',
    signingIn: 'Signing you in…',
    redirecting: 'Signed in. Taking you to your dashboard…',
    useDifferentEmail: 'Use a different email',
    /** Offered when a login link failed: direct sign-in instead. */
    signInWithEmail: 'Sign in with your email instead',
    /** The link back to the platform's site. */
    goBack: 'Go back to {platform}',
    goBackNoPlatform: 'Go back',
    /** On the code step after an email, for everyone (the answer is the same for every email). */
    testModeEmail: 'Test-mode accounts can’t sign in with an email address: open your dashboard from {platform} instead, which signs you in with a link.',
    testModeEmailNoPlatform: 'Test-mode accounts can’t sign in with an email address: open your dashboard from the platform’s site instead, which signs you in with a link.',
    /** Under the code field; `{length}` is the number of digits. */
    codeHelp: 'Enter the {length}-digit code.',
    codeExpired: 'This code has expired. Request a new code.',
    /** After sign-in, when the page's own listener handles the redirect. */
    signedIn: 'You are signed in.',
    linkInvalid: 'This link is not valid. Go back to {platform} and open the dashboard again.',
    linkInvalidNoPlatform: 'This link is not valid. Go back and open the dashboard again.',
  },
};

/** The shape every language's table has: the same keys as `en`, strings and functions alike. */
export type Strings = typeof en;
