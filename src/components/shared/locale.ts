/**
 * Which locale an element speaks, resolved from the DOM: the one DOM-touching piece of the
 * localisation; the string tables themselves live in `src/core/i18n`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onStringsLoaded, stringsFor, type Strings } from '../../core/i18n/registry.js';
import type { DashboardContext } from '../../context.js';
import { dashboardOf } from './dashboard-consumer.js';

/** Canonical forms already worked out (every render resolves its locale; a page has few tags). */
const canonicalCache = new Map<string, string | null>();

/** The canonical form of `value` when it is a valid BCP 47 tag, else `null`. */
function canonical(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let c = canonicalCache.get(v);
  if (c !== undefined) return c;
  try {
    c = Intl.getCanonicalLocales(v)[0] ?? null;
  } catch {
    c = null; // RangeError: not a well-formed language tag
  }
  if (canonicalCache.size >= 64) canonicalCache.clear();
  canonicalCache.set(v, c);
  return c;
}

/** The parent in the flattened sense this needs: the parent node, or a shadow root's host. */
function parentOf(node: Node): Node | null {
  const parent = node.parentNode ?? null; // undefined on a server's DOM shim (SSR)
  if (parent && typeof ShadowRoot !== 'undefined' && parent instanceof ShadowRoot) return parent.host;
  return parent;
}

/**
 * The locale for `el`, canonicalised (`en-us` → `en-US`). In order, the first valid of:
 * 1. `el`'s own `locale` attribute;
 * 2. `inherited`: the `locale` of an enclosing `<express-dashboard>` (its context);
 * 3. the nearest `lang` attribute on `el` or an ancestor, walking up through shadow roots to
 *    their host elements (so an element inside another element's shadow DOM inherits the page's
 *    `<html lang>`);
 * 4. `navigator.language`;
 * 5. `'en'`.
 * An invalid or empty value (`lang=""`, `locale="en_US!"`) is skipped and the search goes on with
 * the next candidate (the next ancestor's `lang`, then the browser's language).
 */
export function resolveLocale(el: Element, inherited?: string | null): string {
  const own = canonical(el.getAttribute('locale')) ?? canonical(inherited);
  if (own) return own;
  for (let node: Node | null = el; node; node = parentOf(node)) {
    if (node.nodeType === 1 /* Node.ELEMENT_NODE; no global Node when rendered on a server */ || node === el) {
      const lang = canonical((node as Element).getAttribute('lang'));
      if (lang) return lang;
    }
  }
  const nav = typeof navigator !== 'undefined' ? canonical(navigator.language) : null;
  return nav ?? 'en';
}

type LocaleHost = ReactiveControllerHost & HTMLElement;

const connected = new Set<LocaleHost>();
let htmlObserver: MutationObserver | undefined;

/**
 * Keeps an element in its language: it re-renders the element when the string table its locale
 * needs arrives (tables other than English load on first use), and when the page's `<html lang>`
 * or `dir` changes. `strings` and `locale` read the current values.
 */
export class LocaleController implements ReactiveController {
  private stop?: () => void;
  private readonly dashboard: () => DashboardContext | undefined;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
    this.dashboard = dashboardOf(host);
  }

  /** The element's locale (see `resolveLocale`; an enclosing dashboard's `locale` comes second). */
  get locale(): string {
    return resolveLocale(this.host, this.dashboard()?.locale);
  }

  /** The string table of the element's locale (English until another table has loaded). */
  get strings(): Strings {
    return stringsFor(this.locale);
  }

  hostConnected(): void {
    connected.add(this.host);
    this.stop = onStringsLoaded(() => this.host.requestUpdate());
    if (!htmlObserver && typeof MutationObserver !== 'undefined') {
      htmlObserver = new MutationObserver(() => {
        for (const h of connected) h.requestUpdate();
      });
      htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    }
  }

  hostDisconnected(): void {
    connected.delete(this.host);
    this.stop?.();
    if (connected.size === 0) {
      htmlObserver?.disconnect();
      htmlObserver = undefined;
    }
  }
}
