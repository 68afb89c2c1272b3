import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-dashboard>`. */
export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    [part='base'] {
      display: grid;
      gap: calc(var(--_space) * 3);
    }
    [part='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    [part='header'][hidden] {
      display: none;
    }
    [part='icon'] {
      width: 40px;
      height: 40px;
      border-radius: var(--_radius);
      object-fit: cover;
      flex: none;
    }
    .names {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    h1 {
      font-size: 20px;
      font-weight: 600;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .subtitle {
      color: var(--_text-2);
      margin: 0;
    }
    [part='test-mode-badge'] {
      border-color: #b45309;
      color: var(--_text);
      background: color-mix(in srgb, #f59e0b 18%, var(--_bg));
    }
    .actions {
      margin-inline-start: auto;
      display: flex;
      align-items: center;
      gap: var(--_space);
    }
    .name-skeleton {
      width: 12em;
      height: 1.4em;
    }
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 3);
      align-items: start;
    }
    .grid[hidden] {
      display: none;
    }
    .grid > * {
      min-width: 0;
    }
    /* Wide: the balance as a column on the start side, the chart and the list beside it. */
    @container (min-width: 960px) {
      .grid.pair {
        grid-template-columns: minmax(300px, 1fr) minmax(0, 2.4fr);
        grid-template-areas: 'balance earnings' 'balance transactions' 'balance payouts';
        grid-template-rows: auto auto 1fr;
      }
      .grid.pair .balance {
        grid-area: balance;
      }
      .grid.pair .earnings {
        grid-area: earnings;
      }
      .grid.pair .transactions {
        grid-area: transactions;
      }
      .grid.pair .payouts {
        grid-area: payouts;
      }
    }
  `,
];
