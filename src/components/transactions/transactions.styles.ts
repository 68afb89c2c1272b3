import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';
import { toolbarStyles } from '../shared/toolbar-styles.js';

/** Styles of `<express-transactions>`: a table at 600px and wider, stacked cards below (container query). */
export const styles = [
  tokens,
  shared,
  toolbarStyles,
  css`
    :host {
      display: block;
    }
    .base {
      container: express-transactions / inline-size;
      display: grid;
      gap: calc(var(--_space) * 1.5);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      min-width: 0;
      position: relative;
    }

    /* ---- toolbar and filters ---- */
    .export-status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      color: var(--_text-2);
    }
    .export-status:empty {
      display: none;
    }
    .export-status .error {
      flex: 1;
    }

    /* ---- the table ---- */
    .table {
      min-width: 0;
    }
    /*
     * The rows on screen are a window onto the list (row-window.ts): the body is a spacer of the
     * list's full height (set by script, in units of --_row-h), each row is out of flow, moved into
     * place with transform. Containment keeps a row's change from dirtying the document; the
     * browser's own scroll anchoring is off inside (the window anchors what the reader looks at).
     */
    .body {
      --_row-h: 44px;
      position: relative;
      contain: size layout style;
      overflow-anchor: none;
    }
    .body > .row {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      /* Scrolled to by focus: below the sticky header (WCAG 2.4.11), with room for the focus ring. */
      scroll-margin-top: 44px;
    }
    .body > .row.txn {
      height: var(--_row-h);
      contain: size layout style;
    }
    .body > .row.detail {
      contain: layout style;
    }
    /* Changes width every frame while the list scrolls: the window's ResizeObserver tick. */
    .probe {
      position: absolute;
      top: 0;
      left: 0;
      width: 1px;
      height: 1px;
      visibility: hidden;
      pointer-events: none;
      contain: strict;
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 2;
    }
    .row {
      display: grid;
      /*
       * Every row is its own grid, so no track may depend on content. The short columns have the
       * width their text needs (a date with its time of day, amounts, a status) and no more: the
       * description takes all the free width, so it is cut only when the table is really narrow.
       */
      grid-template-columns: 9em 5.5em minmax(18%, 1fr) 7em 6em 7em 9.5em;
      column-gap: var(--_space);
      align-items: center;
      box-sizing: border-box;
      width: 100%;
      min-height: 44px;
      padding: 0 var(--_space);
      border-bottom: 1px solid var(--_border);
      background: var(--_bg);
    }
    .head .row {
      min-height: 36px;
      background: var(--_surface);
      border-radius: var(--_radius) var(--_radius) 0 0;
      color: var(--_text-2);
      font-weight: 600;
    }
    /* The font size on the cells, not the row: the columns are in em of the row's font. */
    .head [role='columnheader'] {
      font-size: 12px;
    }
    /* Not positioned: a positioned cell is a paint layer, seven a row for the browser to walk in
       every frame. Only the date is, for its tooltip. */
    .cell {
      min-width: 0;
    }
    .numeric {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .description {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* "Dec 5, 9:15 PM" on one line; with another year's date it wraps once, inside the row. */
    .date {
      line-height: 1.25;
      position: relative;
    }
    .type {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* In a tight table the status wraps inside its pill rather than running out of the row. */
    .status .pill {
      white-space: normal;
      border-radius: 10px;
    }
    .status .until {
      white-space: nowrap;
    }
    .cell-label {
      display: none;
    }
    .row.txn {
      cursor: pointer;
    }
    .row.txn:hover {
      background: color-mix(in srgb, var(--_surface) 70%, var(--_bg));
    }
    .row.txn:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: -2px;
      z-index: 1;
    }
    .row.txn:hover,
    .row.txn:focus {
      z-index: 1;
    }
    .row.expanded {
      background: var(--_surface);
      border-bottom-color: transparent;
    }
    .row.fresh {
      animation: express-fresh 4s ease-out;
    }
    @keyframes express-fresh {
      from {
        background: color-mix(in srgb, var(--_primary) 18%, var(--_bg));
      }
      to {
        background: var(--_bg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .row.fresh {
        animation: none;
        background: color-mix(in srgb, var(--_primary) 12%, var(--_bg));
      }
    }
    .pill.pending,
    .pill.payout-pending,
    .pill.payout-in_transit {
      background: var(--_surface);
    }
    .pill.payout-failed,
    .pill.payout-canceled {
      border-color: var(--_danger);
    }
    .amount.negative,
    .net.negative {
      color: var(--_danger);
    }

    /*
     * The full date and time, a tooltip on hover and focus (screen readers read the date as shown).
     * Not laid out otherwise: its text would be shaped for every row written.
     */
    .full-date {
      display: none;
    }
    .date:hover .full-date,
    .row.txn:focus-visible .full-date {
      display: block;
      position: absolute;
      white-space: nowrap;
      inset-block-end: calc(100% + 6px);
      inset-inline-start: 0;
      padding: 4px var(--_space);
      border-radius: 4px;
      background: var(--_text);
      color: var(--_bg);
      font-size: 12px;
      pointer-events: none;
    }

    /* ---- row details ---- */
    .row.detail {
      display: block;
      padding: 0 var(--_space) calc(var(--_space) * 1.5);
      background: var(--_surface);
    }
    .details {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
      gap: var(--_space) calc(var(--_space) * 2);
      margin: 0;
    }
    .details div {
      min-width: 0;
    }
    .details dt {
      color: var(--_text-2);
      font-size: 12px;
    }
    .details dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .details .wide {
      grid-column: 1 / -1;
    }
    .technical {
      margin-top: var(--_space);
    }
    .technical summary {
      display: inline-block;
      cursor: pointer;
      color: var(--_text-2);
      font-size: 12px;
      padding-block: 4px;
    }
    .technical .details {
      margin-top: 4px;
    }
    .details .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
    }
    .fees {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .fees li {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
    }

    /* ---- skeleton, states, footer ---- */
    .row.skeleton-row .skeleton {
      height: 12px;
      width: 70%;
    }
    .row.skeleton-row .numeric .skeleton {
      margin-inline-start: auto;
      width: 60%;
    }
    .state {
      display: grid;
      justify-items: center;
      gap: var(--_space);
      padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
      text-align: center;
      color: var(--_text-2);
    }
    .state p {
      margin: 0;
    }
    .error p {
      margin: 0;
    }
    .error strong {
      display: block;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      color: var(--_text-2);
      font-size: 12px;
    }
    .footer .error {
      flex-basis: 100%;
      font-size: var(--_size);
    }

    /* Below the wide table a row has a fixed height: the status stays on one line, cut if it must. */
    @container express-transactions (max-width: 799px) {
      .row > .c-status .pill {
        max-width: 100%;
        box-sizing: border-box;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        vertical-align: top;
      }
    }
    /*
     * ---- medium containers: the type and the status under the description, which gets the
     * width; the date over two lines when it must ----
     */
    @container express-transactions (min-width: 600px) and (max-width: 799px) {
      .row:not(.detail) {
        grid-template-columns: 9em 5.5em minmax(0, 1fr) 7em 6em 7em;
        grid-template-areas:
          'date description description amount fee net'
          'date type status amount fee net';
      }
      .head .row {
        grid-template-areas:
          'date description description amount fee net'
          'date type status amount fee net';
      }
      .row > .c-date {
        grid-area: date;
      }
      .row > .c-type {
        grid-area: type;
        align-self: start;
        color: var(--_text-2);
        font-size: 12px;
      }
      .row > .c-description {
        grid-area: description;
        align-self: end;
      }
      .row > .c-amount {
        grid-area: amount;
      }
      .row > .c-fee {
        grid-area: fee;
      }
      .row > .c-net {
        grid-area: net;
      }
      .row > .c-status {
        grid-area: status;
        align-self: start;
        overflow: hidden;
      }
      .row > .c-status .pill {
        line-height: 1.2;
      }
      .head .c-status {
        font-size: 12px;
      }
      .row.txn,
      .row.skeleton-row {
        padding-block: 0;
      }
    }

    /* ---- narrow containers: stacked cards ---- */
    @container express-transactions (max-width: 599px) {
      .toolbar {
        align-items: center;
      }
      .toolbar .title {
        flex-basis: 100%;
      }
      .filters-toggle {
        display: inline-flex;
        order: 1;
      }
      .toolbar [part~='export-button'] {
        order: 2;
      }
      .filters {
        order: 3;
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
      .body {
        --_row-h: 84px;
      }
      /* What the person takes home first: description and net; then date, type and the status,
         whose two columns (the net's and one more) are as wide as the pill ("Pending until Dec 7"
         in full: when the money comes is what a driver looks for; the type gives way first, and
         says again what the description says); then gross and fee. */
      .row.txn,
      .row.skeleton-row {
        grid-template-columns: max-content minmax(0, 1fr) auto auto;
        grid-template-areas:
          'description description description net'
          'date type status status'
          'amount fee fee fee';
        column-gap: calc(var(--_space) * 0.75);
        row-gap: 2px;
        padding: var(--_space);
        min-height: 0;
      }
      .row > .c-description {
        grid-area: description;
        font-weight: 500;
      }
      .row > .c-net {
        grid-area: net;
        font-weight: 600;
        font-size: calc(var(--_size) + 1px);
        /* Never narrower than the amount: in a very narrow card the pill gives way, not the net. */
        min-width: max-content;
      }
      /* The net leads without its label on screen (a screen reader still reads "Net"). */
      .row > .c-net .cell-label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .row > .c-date {
        grid-area: date;
        color: var(--_text-2);
        font-size: 12px;
      }
      .row > .c-type {
        grid-area: type;
        color: var(--_text-2);
        font-size: 12px;
      }
      .row > .c-status {
        grid-area: status;
        text-align: end;
        overflow: hidden;
      }
      .row > .c-amount,
      .row > .c-fee {
        text-align: start;
        font-size: 12px;
        color: var(--_text-2);
      }
      .row > .c-amount {
        grid-area: amount;
        margin-inline-end: var(--_space);
      }
      .row > .c-fee {
        grid-area: fee;
      }
      .cell-label {
        display: inline;
        margin-inline-end: 4px;
      }
      /* The details show the full date; a tooltip over a card would hide its first line. */
      .row.txn .full-date {
        display: none !important;
      }
    }
  `,
];
