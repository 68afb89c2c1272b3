/**
 * Keeps a long-lived `virtualize()` list as cheap on its ten-thousandth row as on its first.
 *
 * lit-html 3.3.1 to 3.3.3 leak (lit/lit#5298, fix proposed in lit/lit#5299): each item that
 * `repeat` removes leaves its end marker, an empty comment, in the list's container. Scrolling a
 * virtualised list removes items at one edge all the time, so after one pass through 100,000
 * transactions the container held about 11,300 stray comments, and every frame's DOM work (the
 * virtualizer walks the container's children) got two to three times slower.
 * `trackRange(range, virtualize(...))` hands the list's part to a `VirtualRange`, whose `sweep()`
 * removes those strays: only empty comments between items, never a node inside one, and nothing
 * at all when the part does not look as expected. It does nothing once lit-html stops leaking.
 */
import type { ChildPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { getCommittedValue } from 'lit/directive-helpers.js';

/** The list part of one `virtualize()` and the cleanup after its renders. */
export class VirtualRange {
  private _part?: ChildPart;
  private _scheduled = false;

  /** Called by `trackRange` on every render of the list's part. */
  attach(part: ChildPart): void {
    this._part = part;
  }

  /** Sweeps once the current task's DOM updates are done (after the virtualizer's own listener). */
  schedule(): void {
    if (this._scheduled) return;
    this._scheduled = true;
    queueMicrotask(() => {
      this._scheduled = false;
      this.sweep();
    });
  }

  /** Removes the empty comments left between the rendered items; returns how many it removed. */
  sweep(): number {
    const part = this._part;
    const container = part?.parentNode;
    if (!part || !(container instanceof Element) || !part.startNode) return 0;
    let removed = 0;
    const items = getCommittedValue(part);
    if (Array.isArray(items)) {
      const end = part.endNode;
      let n: ChildNode | null = part.startNode.nextSibling;
      // Between items, up to each item's start; items' own nodes are skipped whole.
      const between = (stop: Node | null): boolean => {
        while (n !== stop) {
          if (n === null || n === end) return false; // not where the part says: leave it alone
          const next: ChildNode | null = n.nextSibling;
          if (n.nodeType === Node.COMMENT_NODE && (n as Comment).data === '') {
            n.remove();
            removed++;
          }
          n = next;
        }
        return true;
      };
      let ok = true;
      for (const item of items as unknown[]) {
        const p = item as Partial<ChildPart> | null;
        if (!p?.startNode || !p.endNode || !between(p.startNode)) {
          ok = false;
          break;
        }
        n = p.endNode.nextSibling;
      }
      if (ok) between(end);
    }
    return removed;
  }
}

class TrackRangeDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('trackRange() belongs in a child expression');
  }

  render(_range: VirtualRange, value: unknown): unknown {
    return value;
  }

  override update(part: ChildPart, [range, value]: [VirtualRange, unknown]): unknown {
    range.attach(part);
    return value;
  }
}

/** Renders `value` (a `virtualize()` result) and gives its part to `range` for `sweep()`. */
export const trackRange = directive(TrackRangeDirective);
