/**
 * A window onto a long list: of 100,000 items, the DOM holds the few dozen in view (and a first
 * page that is always there), in a pool of elements that are reused as the window moves.
 *
 * Built for `<express-transactions>`, and knowing nothing of it:
 * - Items have a fixed height, given by a CSS custom property on the container (one value for the
 *   table, another for the stacked cards: the container query decides), except items of the kinds
 *   the source names as measured (a row's details), whose height a ResizeObserver measures.
 * - The container is a spacer of the list's full height, in CSS units of the row height
 *   (`calc(var(--h) * n + Dpx)`), so its height never waits for a measurement. Each item's
 *   element is absolutely positioned in it by `transform`, in pixels (a transform with `var()`
 *   costs every moved row a full style recalculation); when the row height changes, the
 *   container's ResizeObserver entry moves them before that frame is painted. The pinned items
 *   are placed by `top`: they never move while the list scrolls, and a transform each would be a
 *   hundred more nodes for the compositor to walk in every frame.
 * - Elements are pooled per kind: an item leaving the window hands its element to one entering,
 *   which the source updates in place. DOM order is item order whenever the list is at rest (for
 *   screen readers' browse mode), moving as few elements as possible (see `_order`).
 * - Scrolling is handled in each frame, reading (the scroll position, the viewport) before
 *   writing (the rows), so no layout is forced:
 *   - in our animation frame callback, registered late (from a task after the previous frame),
 *     so that it usually runs after the callbacks a page registered earlier, a script that
 *     scrolls in its own rAF loop included: the rows are written before the frame's one layout
 *     (an early callback, registered in the frame before, steps in when a busy event loop runs
 *     the next frame before that task: no frame goes without us);
 *   - and once more after the frame's layout, in a ResizeObserver callback (after every rAF
 *     callback, before paint), which reads the scroll position again and writes the rows only
 *     when it moved since (a callback that ran after ours scrolled), with a second layout. While
 *     the frame loop runs, a 1px element in the probe changes width in our callback to bring
 *     that callback (the probe is contained, so this lays out nothing else: without it, every
 *     frame laid out the whole document, 2-3 ms of a steady scroll's frame).
 *     While it is at rest, where the engine has scroll-driven animations (`ScrollTimeline`:
 *     Chromium, Safari), an element whose width follows each scroller's position brings it
 *     whenever the scroll moved, so even the first frame of a scroll made by a script in its
 *     animation frame callback is drawn in that frame. Elsewhere that first frame is drawn a
 *     frame late (its `scroll` event comes in the next frame, and nothing of ours runs between).
 *   While scrolling goes on the frame loop keeps running; it stops after a few still frames.
 * - Overscan (rows rendered beyond the viewport, for a compositor that scrolls ahead of the main
 *   thread) lies where the scroll is heading, on both sides at rest: the rows behind a moving
 *   scroll are leaving, and a jump renders fewer rows.
 * - Writes made from a ResizeObserver callback never change the size of anything outside the rows
 *   (rows have a fixed size and are out of flow), so they cannot cause a "ResizeObserver loop"
 *   error in the page; a new total height waits for the next animation frame.
 * - Works in the page's own scroll and in any scrolling ancestor (a fixed-height container),
 *   found through shadow roots.
 * - Scroll anchoring: when items are inserted, removed or resized above the first item in view
 *   while the list's top is above the viewport, the scroll position moves by as much, so what the
 *   reader is looking at stays where it is.
 */

/** The list the window shows: the element's items, by index. */
export interface RowWindowSource {
  /** How many items. */
  readonly count: number;
  /** A stable key of the item at `index` (elements and the scroll anchor follow keys). */
  key(index: number): string;
  /** The index of the item with `key`, or -1. */
  indexOf(key: string): number;
  /** The pool an item's element comes from (elements are reused only within a kind). */
  kind(index: number): string;
  /** Indices of the items of measured height, ascending (the rest have the row height). */
  readonly measured: readonly number[];
  /** A new element for an item of `kind` (when the pool has none to reuse). */
  create(kind: string): HTMLElement;
  /**
   * Writes the item at `index` into `el`: an element newly given this item, or the same item at a
   * new index, or after `refresh({ invalidate: true })`. Never reads layout.
   */
  render(el: HTMLElement, index: number): void;
}

/** What is rendered and what is in view, in item indices (`-1` when none). */
export interface RowRange {
  /** The first and last item rendered in the window (besides the always-rendered ones). */
  first: number;
  last: number;
  /** The first and last item at least partly in view. */
  firstVisible: number;
  lastVisible: number;
}

export interface RowWindowOptions {
  /** The CSS custom property on the container that holds the row height (`--_row-h`). */
  heightProperty: string;
  /** Row height (px) until the container's style is read. */
  defaultHeight?: number;
  /** Height (px) of a measured item before it is measured. */
  estimate?: number;
  /** Extra pixels rendered above and below the viewport. */
  overscan?: number;
  /** The kinds whose items are measured (their elements are observed); the others have the row height. */
  measuredKinds?: readonly string[];
  /** Called after a frame's rows are written, synchronously: only cheap attribute writes here. */
  afterSync?(range: RowRange): void;
  /** Called in a later task when the range in view changed (for loading more, say). */
  onVisibleChange?(range: RowRange): void;
}

interface Slot {
  el: HTMLElement;
  kind: string;
  key: string;
  index: number;
  /** The offset (px) it was last moved to (NaN: not yet). */
  y: number;
  /** Its place among the container's children when the window last wrote. */
  pos: number;
  /** Whether it is placed by `top` (a pinned item) or by `transform` (undefined: not yet placed). */
  byTop: boolean | undefined;
  /** The last write that rendered it (see `_write`). */
  gen: number;
}

/** Viewport and row height, read together after layout. */
interface Metrics {
  /** The part of the container in view, in its own coordinates (top may be negative). */
  top: number;
  bottom: number;
  /** The container's top in viewport coordinates. */
  containerTop: number;
  rowHeight: number;
}

/** Frames without a scroll after which the frame loop stops. */
const STILL_FRAMES = 30;
/** Elements kept per kind for reuse when the window shrinks. */
const POOL_LIMIT = 64;
/** The most items the window renders besides the pinned ones (a huge viewport renders no more). */
const MAX_WINDOW = 400;

/** Whether an element scrolls its content vertically. */
function scrolls(el: Element): boolean {
  const o = getComputedStyle(el).overflowY;
  return o === 'auto' || o === 'scroll' || o === 'overlay' || o === 'hidden';
}

/** Ancestors of `el` that scroll, through shadow roots, innermost first (the page's own scroll excluded). */
function scrollingAncestors(el: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  const root = el.ownerDocument.documentElement;
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof HTMLElement) || n === root || n === el.ownerDocument.body) continue;
    if (scrolls(n)) out.push(n);
  }
  return out;
}

/** The longest increasing subsequence of `a` (by value), as a set of its positions in `a`. */
function increasingRun(a: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(a.length).fill(-1);
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[tails[mid]!]! < a[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/**
 * Puts `el` before `ref` in `parent`. An element already in it is moved with `moveBefore` where
 * the engine has it (Chromium), which keeps its state: a running animation (a new row's
 * highlight) goes on, where `insertBefore` removes it and inserts it again, starting over.
 */
function place(parent: HTMLElement, el: HTMLElement, ref: HTMLElement | null): void {
  const move = (parent as HTMLElement & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
  if (typeof move === 'function' && el.parentNode === parent && parent.isConnected) {
    try {
      move.call(parent, el, ref);
      return;
    } catch {
      // A state that moveBefore refuses (it throws rather than falls back): insert instead.
    }
  }
  parent.insertBefore(el, ref);
}

/** See the module's documentation. */
export class RowWindow {
  /** Items always rendered from the top (the first page), whether or not in view. */
  pinned = 0;
  /** What was rendered and in view at the last sync. */
  range: RowRange = { first: -1, last: -1, firstVisible: -1, lastVisible: -1 };

  private readonly _opts: Required<Pick<RowWindowOptions, 'defaultHeight' | 'estimate' | 'overscan'>> & RowWindowOptions;
  private _source?: RowWindowSource;
  private _container?: HTMLElement;
  private _probe?: HTMLElement;
  /** The 1px element in the probe whose width changes in each frame of the loop (see `_onFrame`). */
  private _tick?: HTMLElement;
  private _observer?: ResizeObserver;
  private _scrollers: (HTMLElement | Window)[] = [];
  /** Elements whose size follows a scroller's position, and their animations (see `_followScroll`). */
  private readonly _scrollProbes = new Map<Element, Animation>();
  /** Whether they follow it now (while the frame loop is at rest). */
  private _following = true;
  /** The next frame's callback (registered late, from a task after this frame; see the module's documentation). */
  private _raf?: number;
  /** The next frame's early callback: it works only when the late one could not be registered in time. */
  private _early?: number;
  private _channel?: MessageChannel;
  /** The time of the frame our callback last ran in. */
  private _frameTime = -1;
  private _scheduled = false;
  private _idle = 0;
  private _flip = false;
  private _heightDirty = false;
  private _dirty = true;
  private _foundScrollers = false;
  private _metrics?: Metrics;
  /** Whether rows were left out of DOM order while the list scrolled (see `_order`). */
  private _unordered = false;
  /** The row height read from the container's style (undefined: to be read again). */
  private _rowHeight?: number;
  private _lastView = '';
  /** The top of the viewport (container coordinates) at the last write (NaN: none yet). */
  private _lastTop = NaN;
  private _keep: readonly number[] = [];
  private readonly _slots = new Map<string, Slot>();
  /** The number of the last write; buffers `_write` reuses from frame to frame. */
  private _generation = 0;
  /** The items wanted in this write (the first `_wantedCount`). */
  private readonly _wantedItems: number[] = [];
  private _wantedCount = 0;
  /** The slots rendered by the last write, in item order (the first `_chosenCount`): the same as `_slots`. */
  private readonly _chosen: Slot[] = [];
  private _chosenCount = 0;
  private readonly _free = new Map<string, Slot[]>();
  private readonly _slotOfEl = new WeakMap<Element, Slot>();
  private readonly _pool = new Map<string, HTMLElement[]>();
  private readonly _heights = new Map<string, number>();
  /** The first item in view and its offset, while the list's top is above the viewport. */
  private _anchor?: { key: string; offset: number };
  private _visibleTask?: ReturnType<typeof setTimeout>;
  private _lastVisibleRange = '';

  constructor(options: RowWindowOptions) {
    this._opts = { defaultHeight: 44, estimate: 160, overscan: 176, ...options };
  }

  /** The row height in use (px): read from the container's style, the default until then. */
  get rowHeight(): number {
    return this._metrics?.rowHeight ?? this._opts.defaultHeight;
  }

  /** The elements rendered now, in DOM order (for tests and the element's focus handling). */
  get elements(): HTMLElement[] {
    return this._container ? ([...this._container.children] as HTMLElement[]) : [];
  }

  /** The element rendering the item with `key`, if it is rendered. */
  elementFor(key: string): HTMLElement | undefined {
    return this._slots.get(key)?.el;
  }

  /**
   * Puts the window in `container` (the spacer; the window owns its children) with `probe`, a
   * small element that must sit higher in the tree than the container (the window puts elements
   * in it that must be shallower than the container's children; see the module's documentation),
   * and is given `contain: strict`: what changes size in it every frame then lays out nothing
   * else. Call again with the same elements at no cost; with others, the window moves there.
   */
  attach(container: HTMLElement, probe: HTMLElement): void {
    if (container === this._container && probe === this._probe) return;
    this.detach();
    this._container = container;
    this._probe = probe;
    container.replaceChildren();
    // A size change in an element lays out its parent too, and so up to the document unless
    // something on the way is contained: the tick's changes stop at the probe.
    probe.style.contain = 'strict';
    const tick = document.createElement('div');
    tick.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px';
    probe.append(tick);
    this._tick = tick;
    this._observer = new ResizeObserver((entries) => this._onResize(entries));
    this._observer.observe(tick);
    this._observer.observe(container);
    this._channel = new MessageChannel();
    this._channel.port1.onmessage = () => {
      this._scheduled = false;
      if (this._raf === undefined && this._container && this._idle < STILL_FRAMES) this._raf = requestAnimationFrame(this._onFrame);
    };
    this._listen(window);
    window.addEventListener('resize', this._onScroll, { passive: true });
    this._idle = 0;
  }

  /** Stops observing and listening (the element left the page, or its list is gone). */
  detach(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    for (const [el, animation] of this._scrollProbes) {
      animation.cancel();
      el.remove();
    }
    this._following = true;
    this._scrollProbes.clear();
    for (const s of this._scrollers) s.removeEventListener('scroll', this._onScroll);
    this._scrollers = [];
    this._foundScrollers = false;
    if (typeof window !== 'undefined') window.removeEventListener('resize', this._onScroll);
    if (this._raf !== undefined) cancelAnimationFrame(this._raf);
    if (this._early !== undefined) cancelAnimationFrame(this._early);
    this._raf = undefined;
    this._early = undefined;
    this._channel?.port1.close();
    this._channel = undefined;
    this._scheduled = false;
    clearTimeout(this._visibleTask);
    this._visibleTask = undefined;
    for (const slot of this._slots.values()) this._release(slot);
    this._slots.clear();
    this._chosenCount = 0;
    this._container?.replaceChildren();
    this._container = undefined;
    this._probe = undefined;
    this._tick?.remove();
    this._tick = undefined;
    this._metrics = undefined;
    this._rowHeight = undefined;
    this._anchor = undefined;
    this._lastVisibleRange = '';
    this._unordered = false;
    this._lastView = '';
    this._lastTop = NaN;
    this._dirty = true;
  }

  /**
   * Shows `source` (a new list, or the same one changed): writes the total height and the rows
   * now, from the last measured viewport, then measures again in the next frame. With
   * `invalidate`, every rendered item is written again (its text depends on something new).
   * `keep` are indices rendered whatever the scroll position (the focused row).
   */
  refresh(source: RowWindowSource, opts: { invalidate?: boolean; keep?: readonly number[]; reset?: boolean } = {}): void {
    const replaced = source !== this._source || opts.reset;
    this._source = source;
    this._keep = opts.keep ?? [];
    if (replaced) {
      this._anchor = undefined;
      this._lastTop = NaN;
      this._heights.clear();
    }
    if (!this._container) return;
    this._dirty = true;
    this._writeHeight();
    this._write(this._metrics, opts.invalidate === true);
    this._dirty = true; // measure again in the next frame
    this._wake();
  }

  /** The offset (px) of the item at `index` from the container's top. */
  offsetOf(index: number): number {
    return this._px(index, this.rowHeight);
  }

  /** The index of the item at `y` px from the container's top (clamped to the list). */
  indexAt(y: number): number {
    const source = this._source;
    if (!source || source.count === 0) return -1;
    const h = this.rowHeight;
    let index = 0;
    let pos = 0;
    for (const m of source.measured) {
      const rows = m - index;
      if (y < pos + rows * h) return Math.max(0, index + Math.floor((y - pos) / h));
      pos += rows * h;
      pos += this._heightOf(m);
      if (y < pos) return m;
      index = m + 1;
    }
    return Math.max(0, Math.min(source.count - 1, index + Math.floor((y - pos) / h)));
  }

  // ---- geometry ----

  private _heightOf(index: number): number {
    return this._heights.get(this._source!.key(index)) ?? this._opts.estimate;
  }

  /** The offset of `index`: fixed rows before it (`rows`) and measured pixels before it (`px` - rows * h). */
  private _offset(index: number, h: number): { rows: number; extra: number; px: number } {
    let rows = 0;
    let extra = 0;
    let at = 0;
    for (const m of this._source?.measured ?? []) {
      if (m >= index) break;
      rows += m - at;
      extra += this._heightOf(m);
      at = m + 1;
    }
    rows += index - at;
    return { rows, extra, px: rows * h + extra };
  }

  /** The offset (px) of `index` (`_offset`'s px, allocating nothing: it is called for every rendered item in every write). */
  private _px(index: number, h: number): number {
    const measured = this._source?.measured;
    if (!measured?.length) return index * h;
    return this._offset(index, h).px;
  }

  private _writeHeight(): void {
    const source = this._source;
    const container = this._container;
    if (!source || !container) return;
    const { rows, extra } = this._offset(source.count, 0);
    const v = `var(${this._opts.heightProperty})`;
    container.style.height = extra ? `calc(${v} * ${rows} + ${extra}px)` : `calc(${v} * ${rows})`;
    this._heightDirty = false;
  }

  // ---- the frame loop ----

  private _listen(target: HTMLElement | Window): void {
    target.addEventListener('scroll', this._onScroll, { passive: true });
    this._scrollers.push(target);
    this._followScroll(target);
  }

  /**
   * Where the engine has scroll-driven animations (`ScrollTimeline`): an element in the tick whose
   * width follows `target`'s scroll position while the frame loop is at rest. A scroll, even one
   * made by a script in its animation frame callback, then changes its size in that frame's style
   * and layout, and the ResizeObserver writes the rows before that frame is painted. While the
   * loop runs it is paused (following the scroll costs a second style and layout pass a frame;
   * the probe's width change does the same job for less). Elsewhere a scroll made in a callback
   * from rest is drawn a frame late.
   */
  private _followScroll(target: HTMLElement | Window): void {
    const Timeline = (globalThis as { ScrollTimeline?: new (o: { source: Element; axis: 'block' }) => AnimationTimeline }).ScrollTimeline;
    if (typeof Timeline !== 'function' || !this._probe || !this._tick || !this._observer) return;
    const source = target === window ? document.scrollingElement ?? document.documentElement : (target as HTMLElement);
    const el = document.createElement('div');
    el.style.cssText = 'position:absolute;top:0;left:0;height:1px;width:0';
    // In the tick, a level deeper than it: one made from a ResizeObserver callback (the first
    // scroll found there) is then reported in that same frame, not left over (a "loop" error).
    this._tick.append(el);
    // 10,000,000px over the whole scroll range: a pixel of scroll changes the width by more than
    // a layout unit (1/64px) in any list a page can hold. The probe clips it (contain: strict).
    const animation = el.animate([{ width: '0px' }, { width: '10000000px' }], { timeline: new Timeline({ source, axis: 'block' }), fill: 'both' });
    if (!this._following) animation.pause();
    this._scrollProbes.set(el, animation);
    this._observer.observe(el);
  }

  /** Starts or stops the scroll probes following their scrollers. */
  private _follow(on: boolean): void {
    if (on === this._following) return;
    this._following = on;
    for (const animation of this._scrollProbes.values()) {
      if (on) animation.play();
      else animation.pause();
    }
  }

  private readonly _onScroll = (): void => {
    this._wake();
  };

  /** Runs the frame loop (again) for a while. */
  private _wake(): void {
    this._idle = 0;
    if (this._raf === undefined && this._early === undefined && !this._scheduled && this._container) this._raf = requestAnimationFrame(this._onFrame);
  }

  private readonly _onEarly = (time: number): void => {
    this._early = undefined;
    // Not twice in a frame (the callbacks of one frame get the same time).
    if (this._raf === undefined && time !== this._frameTime) this._onFrame(time);
  };

  /**
   * The animation frame: reads and writes the rows, then the total height when it changed and the
   * probe's width (so that the ResizeObserver checks again after the frame's layout).
   */
  private readonly _onFrame = (time: number): void => {
    this._raf = undefined;
    if (!this._container || !this._probe || time === this._frameTime) return;
    this._frameTime = time;
    this._sync(true);
    if (this._heightDirty) this._writeHeight();
    this._flip = !this._flip;
    this._tick!.style.width = this._flip ? '2px' : '1px';
    if (++this._idle < STILL_FRAMES && this._channel) {
      this._follow(false);
      this._early ??= requestAnimationFrame(this._onEarly);
      if (!this._scheduled) {
        this._scheduled = true;
        this._channel.port2.postMessage(0);
      }
    } else this._follow(true);
  };

  /** After layout: new heights of measured items, then the probe's frame (read, then write). */
  private _onResize(entries: ResizeObserverEntry[]): void {
    const container = this._container;
    if (!container || !this._source) return;
    let probe = false;
    let resized = false;
    for (const e of entries) {
      if (e.target === this._tick || e.target === container || this._scrollProbes.has(e.target)) {
        if (e.target === container) this._rowHeight = undefined;
        probe = true;
        continue;
      }
      const slot = this._slotOfEl.get(e.target);
      if (!slot) continue;
      const h = e.borderBoxSize?.[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight;
      if (h > 0 && this._heights.get(slot.key) !== h) {
        this._heights.set(slot.key, h);
        resized = true;
      }
    }
    if (resized) {
      this._dirty = true;
      // The total height changes in the next frame: changing it here could resize what another
      // ResizeObserver watches, higher in the tree (a "loop" error in the page).
      this._heightDirty = true;
      this._wake();
    }
    if (probe) {
      if (!this._foundScrollers) {
        this._foundScrollers = true;
        for (const s of scrollingAncestors(container)) this._listen(s);
      }
      this._sync();
    } else if (resized) {
      // Only move what is rendered: an element added now would be observed too late in this frame.
      this._place(this._metrics?.rowHeight ?? this._opts.defaultHeight);
    }
  }

  /**
   * Reads the viewport first (before any write of ours in this frame), keeps the anchored item in
   * place, then writes the rows when the viewport moved or the rows changed.
   */
  private _sync(inFrame = false): void {
    const m = this._read();
    this._keepAnchor(m);
    const view = `${m.top}|${m.bottom}|${m.rowHeight}`;
    const moved = view !== this._lastView;
    this._metrics = m;
    if (!moved && !this._dirty) {
      // Two frames without a scroll put the DOM back in item order (see `_order`); one could be
      // a frame whose scroll comes after our callback.
      if (inFrame && this._unordered && this._idle >= 2) {
        this._readPositions();
        this._order(this._chosen, this._chosenCount, false);
      }
      return;
    }
    this._lastView = view;
    if (moved) this._idle = 0;
    this._write(m, false, moved && !this._dirty);
  }

  private _read(): Metrics {
    const container = this._container!;
    const box = container.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    for (const s of this._scrollers) {
      if (s === window) continue;
      const el = s as HTMLElement;
      const r = el.getBoundingClientRect();
      const t = r.top + el.clientTop;
      top = Math.max(top, t);
      bottom = Math.min(bottom, t + el.clientHeight);
    }
    // The row height changes only with the container's size (the container query): read again
    // after the container's ResizeObserver entry, not in every frame.
    if (this._rowHeight === undefined) {
      const h = parseFloat(getComputedStyle(container).getPropertyValue(this._opts.heightProperty));
      this._rowHeight = h > 0 ? h : this._opts.defaultHeight;
    }
    return { top: top - box.top, bottom: bottom - box.top, containerTop: box.top, rowHeight: this._rowHeight };
  }

  /**
   * When what is above the anchored item changed since the last frame (an insert at the top, a
   * detail measured), scrolls by as much. Only while the list's top is above the viewport: a
   * reader at the top sees new items arrive.
   */
  private _keepAnchor(m: Metrics): void {
    const anchor = this._anchor;
    const source = this._source!;
    if (anchor) {
      const index = source.indexOf(anchor.key);
      if (index >= 0) {
        const shift = this._px(index, m.rowHeight) - anchor.offset;
        if (Math.abs(shift) >= 0.5) {
          // The page may have moved the container already (the browser's own scroll anchoring,
          // choosing an element below the list): only what is left.
          const moved = this._metrics ? this._metrics.containerTop - m.containerTop : 0;
          const by = Math.abs(moved - shift) < 0.5 ? 0 : shift;
          if (by) {
            // Not followed by the scroll probes: scrolling from a ResizeObserver callback would
            // resize what it observes (a "ResizeObserver loop" error in the page).
            this._follow(false);
            this._wake();
            const target = this._scrollers.find((s) => s !== window && (s as HTMLElement).scrollHeight > (s as HTMLElement).clientHeight) ?? window;
            target.scrollBy(0, by);
            m.top += by;
            m.bottom += by;
            m.containerTop -= by;
          }
        }
      }
    }
    const first = m.top > 0 ? this.indexAt(m.top) : -1;
    this._anchor = first >= 0 ? { key: source.key(first), offset: this._px(first, m.rowHeight) } : undefined;
  }

  // ---- writing ----

  /**
   * Which items to render: the pinned ones, the ones in view (and overscan), the kept ones, in
   * ascending order, into `_wantedItems` (one array reused from frame to frame).
   */
  private _wanted(m: Metrics | undefined): RowRange {
    const source = this._source!;
    const n = source.count;
    const h = m?.rowHeight ?? this._opts.defaultHeight;
    const top = m ? m.top : 0;
    const bottom = m ? m.bottom : typeof window === 'undefined' ? 800 : window.innerHeight;
    const total = this._px(n, h);
    const range: RowRange = { first: -1, last: -1, firstVisible: -1, lastVisible: -1 };
    if (n > 0 && bottom > 0 && top < total && bottom > top) {
      range.firstVisible = this.indexAt(Math.max(0, top));
      range.lastVisible = this.indexAt(Math.min(total, bottom) - 0.5);
      // Overscan where the scroll is heading (both ways at rest): rows behind it are leaving.
      const dy = m ? m.top - this._lastTop : 0;
      const above = dy > 0 ? 0 : this._opts.overscan;
      const below = dy < 0 ? 0 : this._opts.overscan;
      range.first = this.indexAt(Math.max(0, top - above));
      range.last = Math.min(this.indexAt(Math.min(total, bottom + below) - 0.5), range.first + MAX_WINDOW - 1);
    }
    // Written by index and never shortened to nothing: in code run once a frame (not optimized),
    // `length = 0` drops the array's storage and `for...of` allocates a result per item.
    const wanted = this._wantedItems;
    let k = 0;
    const pinned = Math.min(this.pinned, n);
    for (let i = 0; i < pinned; i++) wanted[k++] = i;
    for (let i = Math.max(range.first, pinned); i >= 0 && i <= range.last; i++) wanted[k++] = i;
    let extra = false;
    for (let x = 0; x < this._keep.length; x++) {
      const i = this._keep[x]!;
      if (i >= 0 && i < n && i >= pinned && (i < range.first || i > range.last)) {
        wanted[k++] = i;
        extra = true;
      }
    }
    if (extra) {
      wanted.length = k;
      wanted.sort((a, b) => a - b);
    }
    this._wantedCount = k;
    return range;
  }

  /**
   * Renders the wanted items into the container: an item rendered before keeps its element, an
   * entering one takes a leaving one's element of its kind (or the pool's, or a new one); DOM
   * order is kept (see `_order`). A steady scroll changes a few items a frame, so this works in
   * place (the slots map, arrays reused from frame to frame): a frame that allocated maps and
   * arrays over every rendered item, the hundred pinned ones included, made about 40 KB of
   * garbage, and the collections it brought on were the steady scroll's slowest frames.
   */
  private _write(m: Metrics | undefined, invalidate: boolean, scrolling = false): void {
    const source = this._source;
    const container = this._container;
    if (!source || !container) return;
    const range = this._wanted(m);
    const wanted = this._wantedItems;
    const count = this._wantedCount;
    const h = m?.rowHeight ?? this._opts.defaultHeight;
    const slots = this._slots;
    const chosen = this._chosen;
    const gen = ++this._generation;

    // Items that stay keep their element (marked with this write's generation).
    for (let j = 0; j < count; j++) {
      const index = wanted[j]!;
      const slot = slots.get(source.key(index));
      if (slot && slot.kind === source.kind(index)) slot.gen = gen;
    }
    // The others (of the last write's, which are `_slots`) give theirs back, taken by entering
    // items in DOM order (a jump then moves nothing).
    this._readPositions();
    const free = this._free;
    for (let j = 0; j < this._chosenCount; j++) {
      const slot = chosen[j]!;
      if (slot.gen === gen) continue;
      let list = free.get(slot.kind);
      if (!list) free.set(slot.kind, (list = []));
      list.push(slot);
    }
    for (const list of free.values()) if (list.length > 1) list.sort((a, b) => a.pos - b.pos);
    let c = 0;
    for (let j = 0; j < count; j++) {
      const index = wanted[j]!;
      const key = source.key(index);
      let slot = slots.get(key);
      if (slot && slot.gen === gen) {
        if (invalidate || slot.index !== index) {
          slot.index = index;
          source.render(slot.el, index);
        }
      } else {
        const kind = source.kind(index);
        slot = free.get(kind)?.shift();
        if (slot) {
          if (slots.get(slot.key) === slot) slots.delete(slot.key);
        } else {
          const el = this._pool.get(kind)?.pop() ?? source.create(kind);
          slot = { el, kind, key, index, y: NaN, pos: -1, byTop: undefined, gen };
          this._slotOfEl.set(el, slot);
        }
        slot.key = key;
        slot.index = index;
        slot.gen = gen;
        slots.set(key, slot);
        source.render(slot.el, index);
        this._observe(slot);
      }
      chosen[c++] = slot;
    }
    // Elements nobody took leave the DOM for the pool.
    for (const list of free.values()) {
      for (const slot of list) {
        if (slots.get(slot.key) === slot) slots.delete(slot.key);
        this._release(slot);
      }
      list.length = 0;
    }
    // Dropped slots must not stay reachable from the buffer's tail.
    for (let j = c; j < this._chosenCount; j++) chosen[j] = undefined as unknown as Slot;
    this._chosenCount = c;

    this._order(chosen, c, scrolling);
    this._place(h);
    this.range = range;
    if (m) this._lastTop = m.top;
    // Written from the viewport as measured: a frame with the same viewport has nothing to do.
    this._dirty = m === undefined;
    this._opts.afterSync?.(range);
    if (m) this._notifyVisible(range);
  }

  /**
   * DOM order = item order (screen readers' browse mode, find in page): elements already in
   * increasing order stay, the others move. The focused element always stays (moving an element
   * takes its focus away): only the elements in order with it can stay with it, and the longest
   * such run always includes it. While the list `scrolling`, elements entering the DOM are put
   * in order but those in it are not moved: a moved row's style and layout are built anew (even
   * with `moveBefore`), a few rows in every frame of a steady scroll, most of its cost. Once
   * two frames went without a scroll they are moved (`_sync`), so the order is right whenever
   * the list is at rest; each row's `aria-rowindex` says its place meanwhile.
   */
  private _order(chosen: readonly Slot[], n: number, scrolling: boolean): void {
    const container = this._container!;
    if (scrolling) {
      // Only entering elements are placed (each before the next one chosen, already in place):
      // no run to find, nothing to allocate.
      for (let j = n - 1; j >= 0; j--) {
        const el = chosen[j]!.el;
        if (el.parentNode !== container) place(container, el, j + 1 < n ? chosen[j + 1]!.el : null);
      }
      let last = -1;
      this._unordered = false;
      for (let j = 0; j < n; j++) {
        const pos = chosen[j]!.pos;
        if (pos < 0) continue;
        if (pos < last) this._unordered = true;
        last = pos;
      }
      return;
    }
    if (chosen.length !== n) chosen = chosen.slice(0, n);
    const positions = chosen.map((slot) => (slot.el.parentNode === container ? slot.pos : -1));
    const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
    const ja = active ? chosen.findIndex((slot) => slot.el === active) : -1;
    if (ja >= 0 && positions[ja]! >= 0) {
      const at = positions[ja]!;
      for (let j = 0; j < positions.length; j++) if (j < ja ? positions[j]! > at : j > ja && positions[j]! < at) positions[j] = -1;
    }
    const stay = increasingRun(positions);
    this._unordered = false;
    for (let j = chosen.length - 1; j >= 0; j--) {
      if (stay.has(j)) continue;
      place(container, chosen[j]!.el, chosen[j + 1]?.el ?? null);
    }
  }

  /** Each rendered slot's place among the container's children now (`pos`). */
  private _readPositions(): void {
    let p = 0;
    for (let c = this._container!.firstElementChild; c; c = c.nextElementSibling) {
      const slot = this._slotOfEl.get(c);
      if (slot) slot.pos = p++;
    }
  }

  /** Positions every rendered element (only those whose position changed are written). */
  private _place(h: number): void {
    const source = this._source;
    if (!source) return;
    for (let j = 0; j < this._chosenCount; j++) {
      const slot = this._chosen[j]!;
      // In pixels: a transform with var() costs every moved row a full style recalculation. When
      // the row height changes (the container query), the container's ResizeObserver entry
      // writes them again before that frame is painted.
      const y = this._px(slot.index, h);
      // The pinned rows never move while the list scrolls: placed by `top`, they add no transform
      // for the compositor to walk in every frame (100 of them cost about 0.5 ms a frame).
      const byTop = slot.index < this.pinned;
      if (y !== slot.y || byTop !== slot.byTop) {
        const style = slot.el.style;
        if (byTop !== slot.byTop) {
          if (byTop) style.transform = '';
          else style.top = '';
          slot.byTop = byTop;
        }
        slot.y = y;
        if (byTop) style.top = `${y}px`;
        else style.transform = `translateY(${y}px)`;
      }
    }
  }

  /** Observes the element of a measured kind anew: its first report gives the new item's height. */
  private _observe(slot: Slot): void {
    if (!this._opts.measuredKinds?.includes(slot.kind) || !this._observer) return;
    this._observer.unobserve(slot.el);
    this._observer.observe(slot.el);
  }

  private _release(slot: Slot): void {
    this._observer?.unobserve(slot.el);
    slot.el.remove();
    let pool = this._pool.get(slot.kind);
    if (!pool) this._pool.set(slot.kind, (pool = []));
    if (pool.length < POOL_LIMIT) pool.push(slot.el);
  }

  /** Tells the element about the range in view, in a later task (its updates may resize things). */
  private _notifyVisible(range: RowRange): void {
    const key = `${range.firstVisible}|${range.lastVisible}|${this._source?.count}`;
    if (key === this._lastVisibleRange || !this._opts.onVisibleChange) return;
    this._lastVisibleRange = key;
    clearTimeout(this._visibleTask);
    this._visibleTask = setTimeout(() => {
      this._visibleTask = undefined;
      this._opts.onVisibleChange?.(this.range);
    }, 0);
  }
}
