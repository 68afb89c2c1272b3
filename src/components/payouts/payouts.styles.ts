import { css } from 'lit';
import { payoutDialogStyles } from '../shared/payout-dialog.js';
import { payoutStatusStyles } from '../shared/payout-styles.js';
import { shared, tokens } from '../shared/theme.js';
import { toolbarStyles } from '../shared/toolbar-styles.js';

/** Styles of `<express-payouts>`: columns at 600px and wider, stacked cards below (container query). */
export const styles = [
  tokens,
  shared,
  toolbarStyles,
  payoutStatusStyles,
  payoutDialogStyles,
  css`
    :host {
      display: block;
    }
    .base {
      container: express-payouts / inline-size;
      display: grid;
      gap: calc(var(--_space) * 1.5);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      min-width: 0;
    }
    p {
      margin: 0;
    }

    /* ---- toolbar and filters ---- */
    /* ---- rows ---- */
    .head,
    .select {
      display: grid;
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr) minmax(0, 0.9fr) minmax(0, 0.8fr) minmax(0, 1.6fr);
      align-items: center;
      column-gap: calc(var(--_space) * 1.5);
    }
    .head {
      padding: 0 calc(var(--_space) * 1.5) calc(var(--_space) / 2);
      font-size: 12px;
      color: var(--_text-2);
    }
    .head .c-amount,
    .c-amount {
      text-align: end;
    }
    .rows {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      border-top: 1px solid var(--_border);
    }
    .row {
      border-bottom: 1px solid var(--_border);
      cursor: pointer;
      transition: background-color 0.6s;
    }
    .row:hover {
      background: var(--_surface);
    }
    .row.fresh {
      background: color-mix(in srgb, var(--_primary) 10%, var(--_bg));
    }
    .select {
      width: 100%;
      min-height: 44px;
      box-sizing: border-box;
      padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
      margin: 0;
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .select:focus-visible {
      outline-offset: -2px;
    }
    .c-arrival,
    .c-method,
    .c-destination {
      overflow-wrap: anywhere;
    }
    .c-method,
    .c-destination {
      color: var(--_text-2);
    }
    .c-amount {
      font-weight: 600;
    }
    .problem {
      padding: 0 calc(var(--_space) * 1.5) var(--_space);
      font-size: 13px;
      line-height: 1.45;
      color: var(--_text-2);
    }
    .problem .reason {
      color: var(--_danger);
      font-weight: 600;
    }
    .skeleton-row {
      display: grid;
      grid-template-columns: 7em 6em 5em;
      justify-content: space-between;
      align-items: center;
      min-height: 44px;
      padding: 0 calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
    }
    .sk-date,
    .sk-amount,
    .sk-pill {
      height: 1.2em;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      color: var(--_text-2);
    }
    .footer .more-error {
      flex-basis: 100%;
    }
    .state {
      display: grid;
      justify-items: start;
      gap: var(--_space);
      padding: calc(var(--_space) * 2) 0;
    }
    .empty-title {
      font-weight: 600;
    }
    .schedule {
      color: var(--_text-2);
    }

    /* ---- narrow containers: stacked cards ---- */
    @container express-payouts (max-width: 599px) {
      .toolbar {
        align-items: center;
      }
      .filters-toggle {
        display: inline-flex;
      }
      .filters {
        flex-basis: 100%;
      }
      .filters:not(.open) {
        display: none;
      }
      .filters .field {
        flex: 1 1 10em;
      }
      .head {
        display: none;
      }
      /* Amount and status; arrival; method and destination. */
      .select {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'amount status'
          'arrival arrival';
        row-gap: 2px;
        padding: var(--_space) calc(var(--_space) * 1.5);
      }
      .c-amount {
        grid-area: amount;
        text-align: start;
        font-size: 16px;
      }
      .c-status {
        grid-area: status;
        text-align: end;
      }
      .c-arrival {
        grid-area: arrival;
      }
      .c-method,
      .c-destination {
        grid-row: 3;
        font-size: 12px;
      }
      .c-method {
        grid-column: 1;
      }
      .c-destination {
        grid-column: 2;
        text-align: end;
      }
    }
  `,
];
