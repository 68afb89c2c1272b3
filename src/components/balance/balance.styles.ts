import { css } from 'lit';
import { payoutDialogStyles } from '../shared/payout-dialog.js';
import { payoutStatusStyles } from '../shared/payout-styles.js';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-balance>`. */
export const styles = [
  tokens,
  shared,
  payoutStatusStyles,
  payoutDialogStyles,
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
    ul {
      margin: 0;
    }
    .subtitle {
      font-size: 14px;
      font-weight: 600;
    }
    .currencies {
      display: grid;
      gap: calc(var(--_space) * 3);
    }
    .currency {
      display: grid;
      gap: calc(var(--_space) / 2);
    }
    .total-label,
    .schedule .label,
    .next-date,
    .empty,
    .date,
    .method,
    .reason {
      color: var(--_text-2);
    }
    .code {
      font-weight: 600;
      color: var(--_text);
    }
    .amount.total {
      font-size: 28px;
      font-weight: 600;
      line-height: 1.2;
      text-align: start;
    }
    .lines {
      display: grid;
      margin-top: var(--_space);
    }
    .line {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: var(--_space);
      padding: calc(var(--_space) * 0.75) 0;
      border-top: 1px solid var(--_border);
    }
    .payout-info {
      display: grid;
      gap: calc(var(--_space) * 1.5);
      align-content: start;
    }
    .next {
      display: grid;
      gap: 2px;
      padding: calc(var(--_space) * 1.5);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .next-amount {
      font-size: 20px;
      font-weight: 600;
      text-align: start;
      white-space: normal;
    }
    .pill.estimate {
      margin-inline-start: var(--_space);
      vertical-align: middle;
      font-weight: 500;
    }
    .note {
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-inline-start: 3px solid var(--_danger);
      background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
      border-radius: 4px;
      font-size: 13px;
      line-height: 1.45;
    }
    .schedule {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space);
    }
    .list {
      display: grid;
      gap: var(--_space);
      align-content: start;
    }
    ul {
      list-style: none;
      padding: 0;
      display: grid;
    }
    .payout {
      border-top: 1px solid var(--_border);
    }
    /* The whole payout is the button that opens its details. */
    .payout-select {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      align-items: center;
      column-gap: calc(var(--_space) * 1.5);
      row-gap: 2px;
      width: 100%;
      min-height: 44px;
      margin: 0;
      padding: calc(var(--_space) / 2) 0;
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .payout-select:hover .date {
      text-decoration: underline;
    }
    .link {
      justify-self: start;
      margin: 0;
      padding: 0;
      min-height: 24px;
      border: 0;
      background: none;
      color: var(--_primary);
      text-decoration: underline;
      cursor: pointer;
    }
    .payout .date {
      overflow-wrap: anywhere;
    }
    .payout .method,
    .payout .reason {
      grid-column: 1 / -1;
      font-size: 12px;
    }
    .error .message {
      display: grid;
      gap: 2px;
    }
    .skeletons {
      display: grid;
      gap: var(--_space);
    }
    .sk-label {
      width: 5em;
    }
    .sk-total {
      width: 9em;
      height: 34px;
    }
    .sk-line {
      width: 100%;
      height: 1.4em;
    }
    .sk-block {
      width: 100%;
      height: 72px;
    }
    @container (min-width: 640px) {
      .card {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        column-gap: calc(var(--_space) * 4);
      }
      .title,
      .error,
      .skeletons {
        grid-column: 1 / -1;
      }
    }
  `,
];
