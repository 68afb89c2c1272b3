import { css } from 'lit';

/**
 * The look every element gives a payout's status: a pill with its words (`.pill.status-<status>`),
 * the colour a second signal only. Shared by `<express-balance>`, `<express-payouts>` and
 * `<express-payout-details>`.
 */
export const payoutStatusStyles = css`
  .pill.status-paid {
    border-color: color-mix(in srgb, var(--_success) 55%, var(--_border));
    background: color-mix(in srgb, var(--_success) 12%, var(--_bg));
  }
  .pill.status-in_transit {
    border-color: color-mix(in srgb, var(--_primary) 55%, var(--_border));
    background: color-mix(in srgb, var(--_primary) 12%, var(--_bg));
  }
  .pill.status-failed {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 12%, var(--_bg));
  }
  .pill.status-canceled {
    border-style: dashed;
  }
`;
