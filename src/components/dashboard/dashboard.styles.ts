import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';

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
    .name-skeleton {
      width: 12em;
      height: 1.4em;
    }
  `,
];
