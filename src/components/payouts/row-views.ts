/**
 * The parts of `<express-payouts>` that only show what they are given: the column heads, the
 * skeleton while the first page loads, and a payout's row (its problem, when it failed, under it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Payout } from '../../contract/types.js';
import type { Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { formatArrivalDate, payoutDestinationLabel, payoutMethodLabel, payoutProblem, payoutStatusLabel } from '../../core/payouts.js';

/** The column heads (the rows' buttons carry their own words for screen readers). */
export function payoutsHead(s: Strings): TemplateResult {
  const c = s.payouts.columns;
  return html`<div class="head" aria-hidden="true">
    <span class="c-arrival">${c.arrival}</span><span class="c-amount">${c.amount}</span><span class="c-status">${c.status}</span>
    <span class="c-method">${c.method}</span><span class="c-destination">${c.destination}</span>
  </div>`;
}

/** Five placeholder rows, and "Loading" for screen readers. */
export function payoutsSkeleton(s: Strings): TemplateResult {
  return html`
    <span class="visually-hidden" role="status">${s.common.loading}</span>
    <ul class="rows skeleton-rows" aria-hidden="true">
      ${[0, 1, 2, 3, 4].map(() => html`<li class="skeleton-row">
        <span class="skeleton sk-date"></span><span class="skeleton sk-amount"></span><span class="skeleton sk-pill"></span>
      </li>`)}
    </ul>
  `;
}

/** What a row needs besides its payout. */
export interface PayoutRowContext {
  strings: Strings;
  locale: string;
  /** The account's timezone (arrival days are calendar days there). */
  zone: string;
  /** Now, in Unix seconds ("Today", "Tomorrow"). */
  now: number;
  /** The platform's name, for what to do about a failed payout. */
  platformName: string | null;
}

/** A payout's row: a button (the list's one tab stop when `tabbable`), its problem under it. */
export function payoutRow(p: Payout, index: number, c: PayoutRowContext, opts: { tabbable: boolean; fresh: boolean }): TemplateResult {
  const s = c.strings;
  const method = payoutMethodLabel(p.method, s);
  const destination = payoutDestinationLabel(p, s);
  const problem = payoutProblem(p, s, c.platformName);
  const problemId = `problem-${index}`;
  return html`
    <li part="row" data-id=${p.id} class="row ${opts.fresh ? 'fresh' : ''} ${problem ? 'has-problem' : ''}">
      <button class="select" type="button" tabindex=${opts.tabbable ? '0' : '-1'} aria-describedby=${problem ? problemId : nothing}>
        <span class="c-arrival" part="arrival">${formatArrivalDate(p.arrival_date, c.zone, c.locale, c.now)}</span>
        <span class="c-amount amount ${p.amount < 0 ? 'negative' : ''}" part="amount"><span dir="ltr">${formatMoney(p.amount, p.currency, c.locale)}</span></span>
        <span class="c-status"><span class="pill status-${p.status}" part="status">${payoutStatusLabel(p.status, s)}</span></span>
        <span class="c-method" part="method">${method ?? ''}</span>
        <span class="c-destination" part="destination">${destination ?? ''}</span>
      </button>
      ${problem
        ? html`<p class="problem" part="problem" id=${problemId}><span class="reason">${problem.reason}</span> <span>${problem.action}</span></p>`
        : nothing}
    </li>
  `;
}
