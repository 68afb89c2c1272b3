import { css } from 'lit';

/**
 * The theme: every element's `:host` maps the global `--express-*` tokens (set by the page) to
 * private `--_*` variables with the default look of LOOK.md. Dark defaults follow
 * `prefers-color-scheme` unless the page sets the tokens itself.
 *
 * Tokens: --express-color-primary, --express-color-background, --express-color-surface,
 * --express-color-text, --express-color-secondary-text, --express-color-border,
 * --express-color-success, --express-color-danger, --express-font-family,
 * --express-font-size-base, --express-border-radius, --express-spacing-unit.
 */
export const tokens = css`
  :host {
    --_primary: var(--express-color-primary, #4f46e5);
    --_bg: var(--express-color-background, #ffffff);
    --_surface: var(--express-color-surface, #f7f8fa);
    --_text: var(--express-color-text, #1a1f36);
    --_text-2: var(--express-color-secondary-text, #5b6175);
    --_border: var(--express-color-border, #e3e6ec);
    --_success: var(--express-color-success, #0e7c3a);
    --_danger: var(--express-color-danger, #c0232c);
    --_font: var(--express-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--express-font-size-base, 14px);
    --_radius: var(--express-border-radius, 8px);
    --_space: var(--express-spacing-unit, 8px);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.4;
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--express-color-primary, #818cf8);
      --_bg: var(--express-color-background, #111318);
      --_surface: var(--express-color-surface, #1a1d24);
      --_text: var(--express-color-text, #e6e8ee);
      --_text-2: var(--express-color-secondary-text, #a3a9b8);
      --_border: var(--express-color-border, #2c313c);
      --_success: var(--express-color-success, #4ade80);
      --_danger: var(--express-color-danger, #f87171);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
`;

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
    color: #fff;
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
`;
