import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-login>`: one centred card, large touch targets, a wide code field. */
export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
      max-width: 420px;
      margin-inline: auto;
    }
    .card {
      display: grid;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 3);
    }
    h1 {
      margin: 0;
      font-size: 22px;
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .lead {
      color: var(--_text);
    }
    form {
      display: grid;
      gap: var(--_space);
    }
    label {
      font-weight: 600;
    }
    input {
      box-sizing: border-box;
      width: 100%;
      min-height: 44px;
      padding: 0 calc(var(--_space) * 1.5);
      /* 16px at least: iOS Safari zooms into smaller fields. */
      font-size: max(16px, 1em);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    input.code {
      font-size: 24px;
      letter-spacing: 0.35em;
      text-align: center;
      font-variant-numeric: tabular-nums;
      min-height: 56px;
    }
    .hint {
      color: var(--_text-2);
      font-size: 13px;
    }
    .field-error {
      color: var(--_danger);
      font-size: 13px;
    }
    .button {
      min-height: 44px;
      width: 100%;
      font-weight: 600;
      margin-top: var(--_space);
    }
    .button[aria-disabled='true'] {
      cursor: progress;
    }
    .link {
      justify-self: start;
      min-height: 44px;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_primary);
      font-weight: 600;
      cursor: pointer;
    }
    .link:disabled {
      color: var(--_text-2);
      font-weight: 400;
      cursor: default;
    }
    .back {
      color: var(--_primary);
      font-weight: 600;
    }
    .actions .back {
      justify-self: center;
      padding: calc(var(--_space) * 1.5) 0;
    }
    .test-mode {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid #b45309;
      border-radius: var(--_radius);
      background: color-mix(in srgb, #f59e0b 18%, var(--_bg));
    }
    .error-message {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_danger);
      border-left-width: 4px;
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    /* Empty live regions stay in the accessibility tree (so what appears in them is announced)
       but take no room. */
    .empty {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      padding: 0;
      border: 0;
    }
    .card {
      position: relative;
    }
    .status {
      color: var(--_text-2);
    }
    .actions {
      display: grid;
      gap: var(--_space);
    }
    .progress {
      display: flex;
      justify-content: center;
      padding: calc(var(--_space) * 2) 0;
      color: var(--_primary);
    }
    .spinner {
      display: inline-block;
      width: 1em;
      height: 1em;
      box-sizing: border-box;
      border: 2px solid currentColor;
      border-right-color: transparent;
      border-radius: 50%;
      animation: express-spin 0.8s linear infinite;
    }
    .progress .spinner {
      width: 28px;
      height: 28px;
      border-width: 3px;
    }
    @keyframes express-spin {
      to { transform: rotate(360deg); }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner { animation-duration: 2.4s; }
    }
  `,
];
