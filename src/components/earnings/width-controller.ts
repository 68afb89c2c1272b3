import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Under this width (CSS pixels) the chart is short ({@link SHORT}), else tall ({@link TALL}). */
export const NARROW = 600;
/** Chart heights in CSS pixels. */
export const TALL = 240;
export const SHORT = 200;
/**
 * A short chart grows tall again only this far past {@link NARROW}: more than a scrollbar is
 * wide, so a chart whose height makes a scrollbar come and go cannot flip between the two for
 * ever.
 */
const HYSTERESIS = 24;

/** Width to lay out with while nothing has been measured (no ResizeObserver, or before its first report). */
export const FALLBACK_WIDTH = 600;

/** How long the chart waits for its first measurement before it is drawn at the fallback width. */
const PATIENCE = 250;

/** The chart's height at `width`, given the height it has now (see {@link HYSTERESIS}). */
export function chartHeight(width: number, current: number = TALL): number {
  if (width < NARROW) return SHORT;
  if (width >= NARROW + HYSTERESIS) return TALL;
  return current;
}

/**
 * The chart's size, from a ResizeObserver on a zero-height, full-width element of the host's
 * render root (`target`): the element never reads layout while rendering.
 *
 * A new width that keeps the chart's height is applied at once (the chart is redrawn before the
 * frame is painted, and nothing outside the chart moves, so nothing observed changes size again).
 * A new height is applied in the next animation frame, never in the frame that measured it: it
 * moves what is below the chart and may make the page's scrollbar come or go, which would change
 * the observed width within the same frame ("ResizeObserver loop completed with undelivered
 * notifications" in the host page).
 */
export class WidthController implements ReactiveController {
  /** The measured width in CSS pixels; 0 until measured. */
  measured = 0;
  /** The chart's height for it. */
  height = TALL;
  private observer?: ResizeObserver;
  private observed?: Element;
  private frame = 0;
  private next = 0;
  private impatient = false;
  private patience?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => Element | null,
  ) {
    host.addController(this);
  }

  /**
   * Whether the chart may be drawn: once measured (drawn at once at its real width rather than
   * at a guess and again); at once where there is no ResizeObserver; and, at the fallback width,
   * when no measurement came within {@link PATIENCE} ms (frames paused: a page in the
   * background, which still gets its DOM).
   */
  get ready(): boolean {
    return this.measured > 0 || this.impatient || typeof ResizeObserver === 'undefined';
  }

  /** The width to lay out with: the measured one, else {@link FALLBACK_WIDTH}. */
  get width(): number {
    return this.measured || FALLBACK_WIDTH;
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver((entries) => this.resized(entries));
    // Observed from the next `hostUpdated`, when the target is rendered.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const el = this.target();
    if (!this.observer || !el || el === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observer.observe(el);
    this.observed = el;
    if (this.measured === 0 && !this.impatient) {
      clearTimeout(this.patience);
      this.patience = setTimeout(() => {
        this.impatient = true;
        this.host.requestUpdate();
      }, PATIENCE);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.patience);
    this.observer?.disconnect();
    this.observed = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private resized(entries: ResizeObserverEntry[]): void {
    const w = Math.floor(entries[entries.length - 1].contentRect.width);
    // 0: hidden (display: none, or a detached subtree); keep drawing at the last width.
    if (w <= 0) return;
    clearTimeout(this.patience);
    const h = chartHeight(w, this.height);
    if (h === this.height) {
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.apply(w, h);
      return;
    }
    this.next = w;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.apply(this.next, chartHeight(this.next, this.height));
    });
  }

  private apply(width: number, height: number): void {
    if (width === this.measured && height === this.height) return;
    this.measured = width;
    this.height = height;
    this.host.requestUpdate();
  }
}
