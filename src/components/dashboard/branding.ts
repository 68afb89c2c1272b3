/**
 * The account's branding (`settings.branding`), checked before the dashboard uses it: data is not
 * trusted to be CSS or a safe address.
 */
import { isSafeRedirectUrl } from '../../core/url.js';
import type { ExpressAccount } from '../../contract/types.js';

/** Values `CSS.supports('color', v)` accepts that are not a colour of their own. */
const NOT_A_COLOUR = /^(inherit|initial|unset|revert|revert-layer|currentcolor|transparent)$/i;

/** Whether the browser takes `v` as a colour (`CSS.supports`); false without `CSS`. */
function browserSupportsColour(v: string): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('color', v);
}

/**
 * `value` when it is a real CSS colour (`#635bff`, `rgb(…)`, `hsl(…)`, a named colour) that the
 * browser accepts, else `null`: not a string, longer than 64 characters, a CSS-wide keyword,
 * `currentcolor`, `transparent`, or anything with a function that reads other values
 * (`var()`, `env()`, `attr()`).
 */
export function safeColour(value: unknown, supports: (v: string) => boolean = browserSupportsColour): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (!v || v.length > 64 || NOT_A_COLOUR.test(v) || /\b(var|env|attr)\s*\(/i.test(v)) return null;
  return supports(v) ? v : null;
}

/** The account's primary colour when it is a safe colour (see `safeColour`), else `null`. */
export function brandColour(account: ExpressAccount | undefined, supports?: (v: string) => boolean): string | null {
  return safeColour(account?.settings?.branding?.primary_color, supports);
}

/**
 * The account's icon as an image address, when it is one: an `https:` URL (or `http:` on a
 * loopback host). Stripe gives a file id (`file_…`) or an object, which is not an address the
 * browser can load: `null`.
 */
export function brandIconUrl(account: ExpressAccount | undefined): string | null {
  const icon = account?.settings?.branding?.icon;
  return typeof icon === 'string' && isSafeRedirectUrl(icon) ? icon : null;
}

/**
 * `[r, g, b]` (0–255) of a colour in the forms browsers serialise to: `#rgb`, `#rrggbb`,
 * `#rrggbbaa`, `rgb(r, g, b)`, `rgba(r, g, b, a)`, `rgb(r g b / a)`; `null` for anything else.
 */
export function parseRgb(colour: string): [number, number, number] | null {
  const v = colour.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as [number, number, number];
  m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as [number, number, number];
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(v);
  if (m) {
    const rgb = [m[1], m[2], m[3]].map(Number);
    return rgb.every((x) => x >= 0 && x <= 255) ? (rgb as [number, number, number]) : null;
  }
  return null;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The two text colours a brand colour can carry (white, or the dark theme's background). */
export const LIGHT_TEXT = '#ffffff';
/** See `LIGHT_TEXT`. */
export const DARK_TEXT = '#111318';

/** The text colour (`LIGHT_TEXT` or `DARK_TEXT`) with the higher contrast on `rgb`. */
export function textColourOn(rgb: readonly [number, number, number]): string {
  return contrastRatio(rgb, [255, 255, 255]) >= contrastRatio(rgb, [0x11, 0x13, 0x18]) ? LIGHT_TEXT : DARK_TEXT;
}

/**
 * The colour as the browser serialises it (`#rrggbb` or `rgba(…)`), through a canvas's
 * `fillStyle`; `null` when there is no canvas or the browser keeps another form (e.g. `oklch()`).
 */
export function browserRgb(colour: string): [number, number, number] | null {
  if (typeof document === 'undefined') return null;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = colour;
  return typeof ctx.fillStyle === 'string' ? parseRgb(ctx.fillStyle) : null;
}
