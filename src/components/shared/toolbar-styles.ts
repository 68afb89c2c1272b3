/**
 * The toolbar of a list (title, filters, fields, a range's error), shared by
 * `<express-transactions>` and `<express-payouts>`: their filters look and wrap alike.
 */
import { css } from 'lit';

export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .toolbar .title {
    align-self: center;
    margin-inline-end: auto;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 12px;
    color: var(--_text-2);
  }
  .field select,
  .field input {
    min-height: 36px;
    padding: 0 var(--_space);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-size: var(--_size);
  }
  .field input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .range-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
    font-size: 12px;
  }
  .filters-toggle {
    display: none;
  }
`;
