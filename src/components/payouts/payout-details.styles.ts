import { css } from 'lit';
import { payoutStatusStyles } from '../shared/payout-styles.js';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-payout-details>`. */
export const styles = [
  tokens,
  shared,
  payoutStatusStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .card {
      display: grid;
      gap: calc(var(--_space) * 2);
      min-width: 0;
    }
    p,
    h3,
    dl,
    dd,
    ol,
    ul {
      margin: 0;
    }
    .subtitle {
      font-size: 14px;
      font-weight: 600;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 1.5);
    }
    .amount.big {
      font-size: 28px;
      font-weight: 600;
      line-height: 1.2;
      text-align: start;
    }
    .problem {
      display: grid;
      gap: calc(var(--_space) / 2);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-inline-start: 3px solid var(--_danger);
      background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
      border-radius: 4px;
      line-height: 1.45;
    }
    .problem .reason {
      font-weight: 600;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .facts dt,
    .step-date,
    .txn-date,
    .txn-type,
    .empty,
    .progress,
    .matches,
    .note {
      color: var(--_text-2);
    }
    .facts dt {
      font-size: 12px;
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
    }

    /* ---- timeline ---- */
    .timeline {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0;
    }
    .step {
      position: relative;
      display: grid;
      grid-template-columns: 16px minmax(0, 1fr);
      column-gap: var(--_space);
      padding-bottom: calc(var(--_space) * 1.5);
    }
    .step:last-child {
      padding-bottom: 0;
    }
    .step::before {
      content: '';
      position: absolute;
      inset-inline-start: 7px;
      top: 14px;
      bottom: -2px;
      border-inline-start: 2px solid var(--_border);
    }
    .step:last-child::before {
      display: none;
    }
    .dot {
      grid-row: 1 / span 2;
      width: 12px;
      height: 12px;
      margin: 3px 0 0 2px;
      border-radius: 50%;
      border: 2px solid var(--_border);
      background: var(--_bg);
      box-sizing: border-box;
    }
    .step.done .dot {
      background: var(--_success);
      border-color: var(--_success);
    }
    .step.current .dot {
      border-color: var(--_primary);
      background: color-mix(in srgb, var(--_primary) 35%, var(--_bg));
    }
    .step.failed .dot {
      background: var(--_danger);
      border-color: var(--_danger);
    }
    .step.upcoming .step-label {
      color: var(--_text-2);
    }
    .step.current .step-label,
    .step.failed .step-label {
      font-weight: 600;
    }
    .step-label,
    .step-date {
      grid-column: 2;
    }
    .step-date {
      font-size: 12px;
    }

    /* ---- reconciliation ---- */
    .reconciliation {
      display: grid;
      gap: var(--_space);
    }
    .breakdown {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .breakdown th,
    .breakdown td {
      padding: calc(var(--_space) * 0.75) 0;
      border-top: 1px solid var(--_border);
      text-align: start;
      font-weight: normal;
    }
    .breakdown thead th {
      border-top: 0;
      font-size: 12px;
      color: var(--_text-2);
    }
    .breakdown .num {
      text-align: end;
      padding-inline-start: calc(var(--_space) * 2);
      white-space: nowrap;
    }
    .breakdown tfoot th,
    .breakdown tfoot td {
      font-weight: 600;
      border-top: 2px solid var(--_border);
    }
    .note {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      line-height: 1.45;
    }
    .note.unreconciled {
      border-inline-start: 3px solid var(--_danger);
      color: var(--_text);
    }

    /* ---- transactions ---- */
    .txns-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }
    .txns {
      list-style: none;
      padding: 0;
      display: grid;
    }
    .txn {
      display: grid;
      grid-template-columns: 7.5em minmax(0, 1fr) auto;
      align-items: baseline;
      column-gap: calc(var(--_space) * 1.5);
      min-height: 44px;
      padding: calc(var(--_space) * 0.75) 0;
      border-top: 1px solid var(--_border);
      box-sizing: border-box;
    }
    .txn-description {
      display: grid;
      overflow-wrap: anywhere;
    }
    .txn-type {
      font-size: 12px;
    }
    .show-more {
      justify-self: start;
    }
    .skeletons {
      display: grid;
      gap: var(--_space);
    }
    .sk-amount {
      width: 9em;
      height: 34px;
    }
    .sk-line {
      width: 100%;
      height: 1.4em;
    }
    .sk-block {
      width: 100%;
      height: 96px;
    }
    @container (max-width: 480px) {
      .txn {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      .txn-date {
        grid-column: 1 / -1;
        font-size: 12px;
      }
    }
  `,
];
