import { css } from 'lit';

/**
 * The theme: every element's `:host` maps the global `--express-*` tokens (set by the page) to
 * private `--_*` variables with the default look of LOOK.md. Dark defaults follow
 * `prefers-color-scheme` unless the page sets the tokens itself.
 *
 * Tokens: --express-color-primary, --express-color-on-primary (text on primary), --express-color-background, --express-color-surface,
 * --express-color-text, --express-color-secondary-text, --express-color-border,
 * --express-color-control-border (fields and menus: 3:1 against the background, WCAG 1.4.11),
 * --express-color-success, --express-color-danger, --express-font-family,
 * --express-font-size-base, --express-border-radius, --express-spacing-unit.
 */
export const tokens = css`
  :host {
    --_primary: var(--express-color-primary, #4f46e5);
    --_on-primary: var(--express-color-on-primary, #fff);
    --_bg: var(--express-color-background, #ffffff);
    --_surface: var(--express-color-surface, #f7f8fa);
    --_text: var(--express-color-text, #1a1f36);
    --_text-2: var(--express-color-secondary-text, #5b6175);
    --_border: var(--express-color-border, #e3e6ec);
    --_control-border: var(--express-color-control-border, #858b9a);
    --_success: var(--express-color-success, #0e7c3a);
    --_danger: var(--express-color-danger, #c0232c);
    --_font: var(--express-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif);
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
      --_on-primary: var(--express-color-on-primary, #111318);
      --_bg: var(--express-color-background, #111318);
      --_surface: var(--express-color-surface, #1a1d24);
      --_text: var(--express-color-text, #e6e8ee);
      --_text-2: var(--express-color-secondary-text, #a3a9b8);
      --_border: var(--express-color-border, #2c313c);
      --_control-border: var(--express-color-control-border, #6b7282);
      --_success: var(--express-color-success, #4ade80);
      --_danger: var(--express-color-danger, #f87171);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
`;
