/**
 * The account's branding (`settings.branding`), checked before the dashboard uses it: data is not
 * trusted to be CSS or a safe address.
 */
import { isSafeRedirectUrl } from '../../adapter/url.js';
import type { ExpressAccount } from '../../adapter/types.js';

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
