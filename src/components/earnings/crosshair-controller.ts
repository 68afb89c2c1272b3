import type { LitElement, ReactiveController } from 'lit';
import { indexAtX, nextIndex, type ChartLayout } from './chart.model.js';

/** What the crosshair needs to know of the chart. */
export interface CrosshairOptions {
  /** How many buckets the chart has now. */
  count(): number;
  /** Identifies the series drawn: when it changes, the crosshair goes. */
  key(): string | undefined;
  /** The words announced for the bucket reached by keyboard. */
  describe(index: number): string;
  /** The layout last drawn (to find the bucket under the pointer). */
  layout(): ChartLayout | undefined;
  /** The chart's `<svg>`, when it is drawn. */
  svg(): SVGSVGElement | null | undefined;
}

/**
 * The crosshair and the keyboard: which bucket the tooltip shows (`active`), set by the pointer
 * anywhere in a bucket's column (its whole band, top to bottom, so a finger finds it too) or by
 * Left/Right/Home/End on the focused chart; what the polite live region says for a bucket reached
 * by keyboard (`announcement`). Handlers are bound: use them directly in templates.
 */
export class CrosshairController implements ReactiveController {
  /** The bucket the tooltip shows, or `null`. */
  active: number | null = null;
  /** What the polite live region says (the bucket reached by keyboard). */
  announcement = '';
  private key?: string;

  constructor(
    private readonly host: LitElement,
    private readonly o: CrosshairOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.o.key();
    if (key !== this.key) {
      this.key = key;
      this.active = null;
    }
    if (this.active !== null && this.active >= this.o.count()) this.active = null;
  }

  /** Shows bucket `index` (or nothing), announcing it when reached by keyboard. */
  set(index: number | null, announce = false): void {
    if (index !== this.active) {
      this.active = index;
      this.host.requestUpdate();
    }
    if (announce && index !== null) {
      this.announcement = this.o.describe(index);
      this.host.requestUpdate();
    }
  }

  readonly onKeyDown = (e: KeyboardEvent): void => {
    const next = nextIndex(this.active, e.key, this.o.count());
    if (next === undefined) return;
    e.preventDefault();
    this.set(next, true);
  };

  readonly onPointer = (e: PointerEvent): void => {
    const layout = this.o.layout();
    const svg = this.o.svg();
    if (!layout || !svg) return;
    const box = svg.getBoundingClientRect();
    // The SVG may be drawn narrower than its layout (max-width: 100% before a resize is applied).
    const scale = box.width > 0 ? layout.width / box.width : 1;
    const i = indexAtX((e.clientX - box.left) * scale, layout);
    if (i >= 0) this.set(i);
  };

  readonly onPointerLeave = (e: PointerEvent): void => {
    // A touch ends with a leave: keep the tooltip of the bucket that was touched.
    if (e.pointerType === 'mouse' && (this.host.renderRoot as ShadowRoot).activeElement !== this.o.svg()) this.set(null);
  };

  readonly onBlur = (): void => {
    this.set(null);
  };
}
