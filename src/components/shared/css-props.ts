/**
 * `style=${cssProps({ left: '12px', '--x': 'red' })}`: inline styles set through the CSSOM
 * (`element.style`) from the very first render. Lit's `styleMap` writes its first render as a
 * `style` attribute, which a Content Security Policy without `'unsafe-inline'` styles refuses
 * (`style-src-attr`); properties set through the CSSOM are not restricted. A property left out (or
 * `null`/`undefined`) on a later render is removed.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Property names (`left`, `font-size`, `--custom`) and their values. */
export type CssProps = Readonly<Record<string, string | number | null | undefined>>;

class CssPropsDirective extends Directive {
  private readonly set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    const strings = part.type === PartType.ATTRIBUTE ? (part.strings ?? []) : [];
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style' || strings.length > 2 || strings.some((s) => s.trim() !== '')) {
      throw new Error('cssProps() must be the whole value of a style attribute: style=${cssProps({...})}');
    }
  }

  render(_props: CssProps): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [CssProps]): unknown {
    const style = (part.element as HTMLElement).style;
    const name = (p: string) => (p.startsWith('--') ? p : p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    for (const p of this.set) {
      if (props[p] === null || props[p] === undefined) {
        style.removeProperty(name(p));
        this.set.delete(p);
      }
    }
    for (const [p, v] of Object.entries(props)) {
      if (v === null || v === undefined) continue;
      style.setProperty(name(p), String(v));
      this.set.add(p);
    }
    return noChange;
  }
}

/** See the module doc. */
export const cssProps = directive(CssPropsDirective);
