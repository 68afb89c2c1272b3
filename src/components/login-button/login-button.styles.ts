import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/**
 * Styles of `<express-login-button>`: a primary button, a spinner, an inline message below.
 * Only the theme's `tokens`, not its `shared` blocks (cards, pills, skeletons...): the button is
 * the one element a platform page loads alone, and those would cost it about 1 KB.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: inline-block;
      max-width: 100%;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_space);
      min-height: 44px;
      padding: var(--_space) calc(var(--_space) * 2.5);
      line-height: 1.25;
      text-align: center;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button:hover {
      background: color-mix(in srgb, var(--_primary) 88%, #000);
    }
    button[aria-disabled='true'] {
      opacity: 0.7;
      cursor: progress;
    }
    :focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    .spinner {
      width: 1em;
      height: 1em;
      box-sizing: border-box;
      border: 2px solid;
      border-right-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to { transform: rotate(360deg); }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner { animation-duration: 2.4s; }
    }
    [hidden] {
      display: none !important;
    }
    .message {
      margin-top: var(--_space);
      max-width: 40ch;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .notice {
      border-color: var(--_border);
      background: var(--_surface);
    }
  `,
];
