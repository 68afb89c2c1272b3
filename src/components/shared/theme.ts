import { css } from 'lit';

// The tokens live in their own module so that an element can take them without `shared`
// (rollup cannot drop an unused css`` tagged template: the login button's budget pays for it).
export { tokens } from './tokens.js';

/** Shared building blocks: visually hidden text, cards, buttons, pills, skeletons, amounts. */
export const shared = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
  .title {
    font-size: 16px;
    font-weight: 600;
    margin: 0;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .negative {
    color: var(--_danger);
  }
  .positive {
    color: var(--_success);
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  /* On touch screens: iOS Safari zooms into a field whose text is under 16px when it gets focus,
     and a finger needs a target at least 44px high (WCAG 2.5.5). */
  @media (pointer: coarse) {
    select,
    input,
    textarea {
      font-size: max(16px, 1em);
    }
    .button,
    select,
    input:not([type='checkbox']):not([type='radio']) {
      min-height: 44px;
    }
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 36px;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  .button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .pill {
    display: inline-block;
    padding: 2px var(--_space);
    border-radius: 999px;
    font-size: 12px;
    font-weight: 500;
    line-height: 1.5;
    white-space: nowrap;
    background: var(--_bg);
    border: 1px solid var(--_border);
    color: var(--_text);
  }
  .skeleton {
    display: block;
    background: var(--_surface);
    border-radius: 4px;
    min-height: 1em;
    background-image: linear-gradient(90deg, transparent 0, color-mix(in srgb, var(--_border) 60%, transparent) 50%, transparent 100%);
    background-size: 200% 100%;
    animation: express-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes express-shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton { animation: none; }
  }
  .error {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    color: var(--_text);
    display: flex;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    flex-wrap: wrap;
  }
  .error .message {
    margin: 0;
    display: grid;
    gap: 2px;
  }
`;
