import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { isAbortError, toExpressError, type ExpressError } from '../../contract/errors.js';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { BalanceTransaction, ExpressAccount, ExpressAdapter, ExpressEvent, Interval, List } from '../../contract/types.js';
import { format, stringsFor, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import type { NetVolumeBucket } from '../../core/net-volume.js';
import { browserTimeZone, formatBucketLabel, isValidTimeZone, localIsoDate } from '../../core/time.js';
import { ExpressRangeChangeEvent, type EarningsRange } from '../../events.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { LocaleController } from '../shared/locale.js';
import { EarningsStore, PAGE_SIZE, seriesKey, type Series, type SeriesQuery } from './earnings.data.js';
import {
  allowedIntervals,
  bucketLabel,
  chartLayout,
  chartSummary,
  chooseInterval,
  compareTotals,
  comparisonSpan,
  describeChange,
  EARNINGS_RANGES,
  indexAtX,
  INTERVALS,
  isEarningsRange,
  isInterval,
  nextIndex,
  resolveRange,
  seriesStats,
  tableRows,
  type ChartLayout,
  type ResolvedRange,
  type SeriesStats,
  type TableRow,
} from './earnings.model.js';
import { styles } from './earnings.styles.js';

/** What the chart shows once the current range has loaded. */
interface CurrentView {
  range: ResolvedRange;
  interval: Interval;
  currency: string;
  timeZone: string;
  query: SeriesQuery;
  /** `seriesKey(query)`: what the previous period is loaded for. */
  key: string;
  series: Series;
}

/** Chart height in CSS pixels: 240, or 200 in a container narrower than 600px. */
function chartHeight(width: number): number {
  return width < 600 ? 200 : 240;
}

/** Width to lay out with when the ResizeObserver measures no width (or there is none). */
const FALLBACK_WIDTH = 600;

/**
 * The last value computed from a list of dependencies, recomputed only when one of them changes
 * (compared with `===`): what a render keeps between renders (labels, rows, layout).
 */
class Memo<T> {
  private deps?: readonly unknown[];
  private value?: T;

  /** `compute()`'s value for `deps`: the kept one when every dependency is the same as last time. */
  get(deps: readonly unknown[], compute: () => T): T {
    const d = this.deps;
    if (d && d.length === deps.length && d.every((v, i) => v === deps[i])) return this.value as T;
    this.value = compute();
    this.deps = deps;
    return this.value;
  }
}

/** Stats per bucket array (arrays are never changed in place: a live update makes a new one). */
const statsCache = new WeakMap<readonly NetVolumeBucket[], SeriesStats>();

function statsOf(points: readonly NetVolumeBucket[]): SeriesStats {
  let st = statsCache.get(points);
  if (!st) statsCache.set(points, (st = seriesStats(points)));
  return st;
}

/**
 * The data table's body rows, one `<tr data-start>` per bucket (its label in a row header, the
 * count when known, then the net volume), made by cloning one row and setting its text nodes:
 * for thousands of buckets several times faster than a template per row. Text is only ever
 * set as text.
 */
function tableBody(rows: readonly TableRow[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const protos = new Map<boolean, HTMLTableRowElement>();
  for (const r of rows) {
    const withCount = r.count !== null;
    let proto = protos.get(withCount);
    if (!proto) {
      proto = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      proto.append(th);
      if (withCount) proto.append(document.createElement('td'));
      proto.append(document.createElement('td'));
      for (const cell of proto.children) cell.append(document.createTextNode(''));
      protos.set(withCount, proto);
    }
    const tr = proto.cloneNode(true) as HTMLTableRowElement;
    tr.setAttribute('data-start', String(r.start));
    const label = tr.firstElementChild!;
    (label.firstChild as Text).data = r.label;
    if (withCount) (label.nextElementSibling!.firstChild as Text).data = r.count!;
    (tr.lastElementChild!.firstChild as Text).data = r.net;
    frag.append(tr);
  }
  return frag;
}

const currencyNames = new Map<string, Intl.DisplayNames | null>();

/** Currency display names in `locale` (`null` where `Intl.DisplayNames` cannot make them), made once per locale. */
function currencyNamesFor(locale: string): Intl.DisplayNames | null {
  let names = currencyNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(locale, { type: 'currency' });
    } catch {
      names = null;
    }
    currencyNames.set(locale, names);
  }
  return names;
}

/**
 * The net volume of a connected account over time: a headline total with its change against the
 * previous period, and an area chart with one bucket per day, week, month, quarter or year, in
 * the account's timezone.
 *
 * Data comes from `adapter.getNetVolume` when the adapter has it, else from paging
 * `listBalanceTransactions` (100 a page, aborted when the range changes) and aggregating in the
 * browser. What was fetched is kept: switching the interval, turning `compare` on or going back
 * to an earlier range fetches nothing again. The current range is fetched and drawn first; the
 * previous period (for the headline's change and the dashed `compare` line) is a later call.
 * A `balance_transaction.created` event from `adapter.subscribe` updates its bucket and the total.
 *
 * Accessible: the SVG has `role="img"` and a one-sentence summary; it takes focus, and
 * Left/Right/Home/End move between buckets, announced politely; a visually hidden table lists
 * every bucket.
 *
 * Intervals: the menu offers only intervals that give at most about 400 buckets
 * (`MAX_CHART_BUCKETS`). A page that sets `interval` itself (attribute or property) gets it up to
 * 3,700 buckets (`MAX_NET_VOLUME_BUCKETS`, the reference server's limit: five years of days are
 * 1,826), else the range's default, as for an interval the menu does not offer.
 *
 * Large charts: labels, rows, the layout and the summary are computed once per series (and per
 * width for the layout); a crosshair move redraws only the crosshair, in a layer of its own; the
 * width comes from the ResizeObserver, never from reading layout while rendering. The hidden
 * table of the first chart an element shows is drawn in a task after the chart's frame (the
 * card is `aria-busy` until then), so the chart is painted without waiting for thousands of rows.
 *
 * @summary Net volume chart over a chosen interval and range.
 *
 * @csspart base - The card around everything.
 * @csspart header - Headline and controls.
 * @csspart total - The total net volume of the range.
 * @csspart change - The change against the previous period ("up 12.4% vs previous 30 days").
 * @csspart controls - The range, date, interval, currency and compare controls.
 * @csspart chart - The area that holds the chart (or the skeleton, empty or error message).
 * @csspart svg - The chart's `<svg>`.
 * @csspart tooltip - The card shown for the bucket under the pointer or keyboard focus.
 * @csspart data-table - The visually hidden table of every bucket: rows carry `data-start`
 * (bucket start, Unix seconds); the last cell is the bucket's formatted net volume.
 * @csspart empty - The "No earnings in this period" message.
 * @csspart error - The error message with its Retry button.
 *
 * @cssproperty --express-color-primary - The area (at 15% opacity), the line and the focus ring.
 * @cssproperty --express-color-background - Tooltip and control backgrounds.
 * @cssproperty --express-color-surface - The card and skeleton background.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Axis labels, the comparison line, the crosshair.
 * @cssproperty --express-color-border - Card border and gridlines.
 * @cssproperty --express-color-success - The arrow of a rise.
 * @cssproperty --express-color-danger - The arrow of a fall and the error border.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The base font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-range-change - The user changed the range, the dates or the interval;
 * `detail` is `{ range, interval, from, to }` (`from`/`to` are `YYYY-MM-DD` for a custom range, else `null`).
 * @fires express-error - An adapter call failed; `detail` is `{ error, operation }`.
 */
export class ExpressEarnings extends LitElement {
  static override styles = styles;

  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);

  @query('svg[part~="svg"]') private _svg?: SVGSVGElement;
  @query('input[type="checkbox"]') private _compareBox?: HTMLInputElement;

  /** The container's width, measured by a ResizeObserver; 0 until then (the chart is then drawn 600px wide). */
  @state() private _width = 0;
  /** The bucket the tooltip shows, or `null`. */
  @state() private _active: number | null = null;
  /** What the polite live region says (the bucket reached by keyboard). */
  @state() private _announcement = '';
  /** Transactions fetched so far by the running load (for "Loaded 3,200 transactions"). */
  @state() private _loaded = 0;
  /** The last loaded current range, kept up to date by live events. */
  @state() private _current?: CurrentView;
  /** Whether `interval` was set by the page (attribute or property), not chosen from the menu. */
  @state() private _intervalByPage = false;
  /** Whether the data table is drawn: from the frame after the first chart (or empty state) was painted. */
  @state() private _tableReady = false;

  /** The data adapter; else the one an enclosing `<express-dashboard>` provides. */
  @property({ attribute: false })
  adapter?: ExpressAdapter;

  /**
   * Bucket size: `day`, `week`, `month`, `quarter` or `year`; default per range. The menu offers
   * only intervals that give at most about 400 buckets (`MAX_CHART_BUCKETS`); an interval the
   * page sets itself (attribute or property) is drawn up to 3,700 buckets
   * (`MAX_NET_VOLUME_BUCKETS`, ten years of days), else the range's default is.
   */
  @property({ reflect: true })
  get interval(): Interval | null {
    return this._interval;
  }
  set interval(value: Interval | null) {
    this._interval = value;
    this._intervalByPage = value !== null && !this._choosingInterval;
  }

  /** `7d`, `30d` (default), `90d`, `12m`, `ytd`, `all` or `custom`; with both `from` and `to` the range is custom. */
  @property({ reflect: true })
  range: EarningsRange = '30d';

  /** First day of a custom range, `YYYY-MM-DD` in the account's timezone (inclusive). */
  @property({ reflect: true })
  from: string | null = null;

  /** Last day of a custom range, `YYYY-MM-DD` in the account's timezone (inclusive). */
  @property({ reflect: true })
  to: string | null = null;

  /** Also draw the previous period of equal length as a dashed line. */
  @property({ type: Boolean, reflect: true })
  compare = false;

  /** Lowercase ISO currency code; default the account's default currency. */
  @property({ reflect: true })
  currency: string | null = null;

  /** IANA timezone of the buckets; default the account's `settings.dashboard.timezone`, else the browser's. */
  @property({ attribute: 'time-zone', reflect: true })
  timeZone: string | null = null;

  /** BCP 47 locale; default the nearest `lang`, then the browser's language. */
  @property({ reflect: true })
  locale: string | null = null;

  private _store?: EarningsStore;
  private _resizeObserver?: ResizeObserver;
  private _subscribedTo?: GuardedAdapter;
  private _unsubscribe?: () => void;
  /** The chart layout last drawn (the pointer handler finds buckets in it). */
  private _lastLayout?: ChartLayout;
  private readonly _layoutCache = new Memo<ChartLayout>();
  private readonly _xLabels = new Memo<string[]>();
  private readonly _summary = new Memo<string>();
  private readonly _intervals = new Memo<{ interval: Interval; allowed: Interval[] }>();
  private _interval: Interval | null = null;
  /** True while the interval menu sets `interval`. */
  private _choosingInterval = false;
  /** Whether the data table's first drawing is scheduled. */
  private _tableScheduled = false;

  /** The account, when the currency, zone or "all time" start depends on it. */
  private readonly _account = new Task(this, {
    task: async ([adapter, needed], { signal }): Promise<ExpressAccount | null | typeof initialState> => {
      if (!adapter) return initialState;
      if (!needed) return null;
      try {
        return await adapter.getAccount({ signal });
      } catch (e) {
        this._adapters.report(e, 'getAccount');
        throw e;
      }
    },
    args: () => [this._adapters.value, this._needsAccount()] as const,
  });

  /** The balance, only to learn which currencies the account has (for the currency menu). */
  private readonly _balance = new Task(this, {
    task: async ([adapter], { signal }) => (adapter ? adapter.getBalance({ signal }).catch(() => undefined) : undefined),
    args: () => [this._adapters.value] as const,
  });

  /** The current range's buckets. */
  private readonly _series = new Task(this, {
    task: async ([adapter, account, range, from, to, interval, explicit, currency, timeZone], { signal }) => {
      if (!adapter || account === undefined) return initialState;
      const store = this._storeFor(adapter);
      this._loaded = 0;
      const opts = {
        signal,
        onProgress: (n: number) => {
          if (!signal.aborted) this._loaded = n;
        },
        onList: (list: List<BalanceTransaction>) => this._adapters.reportDropped(list, 'listBalanceTransactions'),
      };
      let operation = 'listBalanceTransactions';
      try {
        const now = Math.floor(Date.now() / 1000);
        let allStart = account?.created ?? null;
        let r = resolveRange({ range, from, to, now, timeZone, allStart });
        if (r.preset === 'all' && allStart === null) {
          allStart = (await store.oldest(currency, r.span.lt, opts)) ?? now;
          r = resolveRange({ range, from, to, now, timeZone, allStart });
        }
        const chosen = chooseInterval(interval, r.preset, r.span, timeZone, { explicit });
        const query: SeriesQuery = { currency, timeZone, interval: chosen, span: r.span };
        operation = store.usesNetVolume(query) ? 'getNetVolume' : 'listBalanceTransactions';
        const series = await store.load(query, opts);
        const view: CurrentView = { range: r, interval: chosen, currency, timeZone, query, key: seriesKey(query), series };
        return view;
      } catch (e) {
        this._adapters.report(e, operation);
        throw e;
      }
    },
    args: () => this._seriesArgs(),
    onComplete: (view) => {
      if (this._current?.key !== view.key) this._setActive(null);
      this._current = view;
    },
  });

  /** The previous period of the current range: a separate, later call. */
  private readonly _previous = new Task(this, {
    task: async ([adapter, key], { signal }): Promise<Series | null | typeof initialState> => {
      const cur = this._current;
      if (!adapter || !cur || cur.key !== key) return initialState;
      const span = comparisonSpan(cur.range, cur.timeZone);
      if (!span) return null;
      const store = this._storeFor(adapter);
      const query: SeriesQuery = { ...cur.query, span };
      const operation = store.usesNetVolume(query) ? 'getNetVolume' : 'listBalanceTransactions';
      try {
        return await store.load(query, {
          signal,
          onList: (list) => this._adapters.reportDropped(list, 'listBalanceTransactions'),
        });
      } catch (e) {
        this._adapters.report(e, operation);
        throw e;
      }
    },
    args: () =>
      [this._series.status === TaskStatus.COMPLETE ? this._adapters.value : undefined, this._current?.key] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      // The width comes from the observer's entry: a render never reads layout.
      this._resizeObserver ??= new ResizeObserver((entries) => {
        const w = Math.floor(entries[entries.length - 1].contentRect.width);
        if (w > 0 && w !== this._width) this._width = w;
      });
      // The sizer (zero height, full width) exists from the first render on; observe it once it
      // does. Only its width can change, so a redraw that changes the chart's height never
      // re-triggers the observer.
      void this.updateComplete.then(() => {
        const area = this.renderRoot.querySelector('.sizer');
        if (area && this.isConnected) this._resizeObserver?.observe(area);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resizeObserver?.disconnect();
    this._unsubscribeLive();
    this._series.abort();
    this._previous.abort();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The box is bound with `?checked` (a server render writes `.checked=${false}` as checked="false",
    // which checks it): once the user has clicked it, only the property shows a change made by code.
    if (changed.has('compare') && this._compareBox) this._compareBox.checked = this.compare;
    const adapter = this._adapters.value;
    if (adapter !== this._subscribedTo && this.isConnected) this._subscribeLive(adapter);
    if (this._current && !this._tableReady && !this._tableScheduled) {
      // The first data table (thousands of rows for a long daily chart, costly to lay out) is
      // drawn once the chart has been painted: in a task after the next frame, or after 100 ms
      // where frames are paused (a page in the background).
      this._tableScheduled = true;
      const show = () => {
        this._tableReady = true;
      };
      requestAnimationFrame(() => setTimeout(show));
      setTimeout(show, 100);
    }
  }

  // ---- derived state ----

  /** The effective preset: custom when both dates are set. */
  private _preset(): EarningsRange {
    if (this.from && this.to) return 'custom';
    return isEarningsRange(this.range) ? this.range : '30d';
  }

  private _validZone(): string | null {
    return this.timeZone && isValidTimeZone(this.timeZone) ? this.timeZone : null;
  }

  private _validCurrency(): string | null {
    return this.currency && /^[a-z]{3}$/i.test(this.currency) ? this.currency.toLowerCase() : null;
  }

  private _needsAccount(): boolean {
    return !this._validZone() || !this._validCurrency() || this._preset() === 'all';
  }

  private _accountValue(): ExpressAccount | null | undefined {
    return this._account.status === TaskStatus.COMPLETE ? (this._account.value as ExpressAccount | null) : undefined;
  }

  private _zoneFor(account: ExpressAccount | null | undefined): string {
    const tz = account?.settings?.dashboard?.timezone;
    return this._validZone() ?? (tz && isValidTimeZone(tz) ? tz : browserTimeZone());
  }

  private _currencyFor(account: ExpressAccount | null | undefined): string {
    return this._validCurrency() ?? account?.default_currency?.toLowerCase() ?? 'usd';
  }

  private _seriesArgs() {
    const adapter = this._adapters.value;
    const account = this._accountValue();
    const timeZone = this._zoneFor(account);
    // The day is an argument so that a range ending "today" moves on after midnight.
    const today = adapter && account !== undefined ? localIsoDate(Date.now() / 1000, timeZone) : '';
    return [
      account === undefined ? undefined : adapter,
      account,
      this._preset(),
      this.from,
      this.to,
      isInterval(this.interval) ? this.interval : null,
      this._intervalByPage,
      this._currencyFor(account),
      timeZone,
      today,
    ] as const;
  }

  private _storeFor(adapter: GuardedAdapter): EarningsStore {
    if (this._store?.adapter !== adapter) this._store = new EarningsStore(adapter);
    return this._store;
  }

  /** The range and interval the controls show: the loaded view when it matches the attributes, else a fresh resolution. */
  private _controlsView(): { range: ResolvedRange; interval: Interval; timeZone: string; allowed: Interval[] } {
    const account = this._accountValue();
    const timeZone = this._current?.timeZone ?? this._zoneFor(account);
    const cur = this._current;
    const preset = this._preset();
    let range: ResolvedRange;
    if (cur && cur.range.preset === preset && (preset !== 'custom' || (cur.range.from === this.from && cur.range.to === this.to))) {
      range = cur.range;
    } else {
      const allStart = account?.created ?? (preset === 'all' && cur?.range.preset === 'all' ? cur.range.span.gte : null);
      range = resolveRange({ range: preset, from: this.from, to: this.to, now: Math.floor(Date.now() / 1000), timeZone, allStart });
    }
    const requested = isInterval(this.interval) ? this.interval : null;
    const explicit = this._intervalByPage;
    const { interval, allowed } = this._intervals.get([range.preset, range.span.gte, range.span.lt, timeZone, requested, explicit], () => {
      const chosen = chooseInterval(requested, range.preset, range.span, timeZone, { explicit });
      const offered = allowedIntervals(range.span, timeZone);
      // An interval the page asked for beyond the menu's limit is shown as chosen, but offered no further.
      if (!offered.includes(chosen)) {
        offered.push(chosen);
        offered.sort((a, b) => INTERVALS.indexOf(a) - INTERVALS.indexOf(b));
      }
      return { interval: chosen, allowed: offered };
    });
    return { range, interval, timeZone, allowed };
  }

  // ---- live updates ----

  private _subscribeLive(adapter: GuardedAdapter | undefined): void {
    this._unsubscribeLive();
    this._subscribedTo = adapter;
    if (!adapter?.subscribe) return;
    this._unsubscribe = adapter.subscribe(this._onEvent, (error) => this._adapters.report(error, 'subscribe'));
  }

  private _unsubscribeLive(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._subscribedTo = undefined;
  }

  private _onEvent = (e: ExpressEvent): void => {
    if (e.type !== 'balance_transaction.created') return;
    const store = this._store;
    if (!store || !store.addLive(e.data)) return;
    const cur = this._current;
    const series = cur && store.peek(cur.query);
    if (cur && series && series !== cur.series) this._current = { ...cur, series };
  };

  // ---- handlers ----

  // Events are built into a variable first: the manifest analyzer lists `dispatchEvent(new X())`
  // as an event without a name (the names come from the @fires tags).
  private _emitChange(interval: Interval): void {
    const preset = this._preset();
    const event = new ExpressRangeChangeEvent({
      range: preset,
      interval,
      from: preset === 'custom' ? this.from : null,
      to: preset === 'custom' ? this.to : null,
    });
    this.dispatchEvent(event);
  }

  private _onRangeChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isEarningsRange(value)) return;
    if (value === 'custom') {
      const view = this._controlsView();
      this.from = view.range.from;
      this.to = view.range.to;
    } else {
      this.from = null;
      this.to = null;
    }
    this.range = value;
    this.interval = null;
    this._emitChange(this._controlsView().interval);
  }

  private _onDateChange(which: 'from' | 'to', e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const view = this._controlsView();
    let from = which === 'from' ? value : (this.from ?? view.range.from);
    let to = which === 'to' ? value : (this.to ?? view.range.to);
    if (from > to) [from, to] = [to, from];
    this.from = from;
    this.to = to;
    this.range = 'custom';
    this._emitChange(this._controlsView().interval);
  }

  private _onIntervalChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isInterval(value)) return;
    this._choosingInterval = true;
    try {
      this.interval = value;
    } finally {
      this._choosingInterval = false;
    }
    this._emitChange(value);
  }

  private _onCurrencyChange(e: Event): void {
    this.currency = (e.target as HTMLSelectElement).value;
  }

  private _onCompareChange(e: Event): void {
    this.compare = (e.target as HTMLInputElement).checked;
  }

  private _retry(): void {
    if (this._account.status === TaskStatus.ERROR) void this._account.run();
    else void this._series.run();
  }

  private _setActive(index: number | null, announce = false): void {
    this._active = index;
    if (!announce) return;
    const cur = this._current;
    if (index === null || !cur) return;
    this._announcement = this._describeBucket(cur, index);
  }

  private _describeBucket(cur: CurrentView, index: number): string {
    const locale = this._l10n.locale;
    const s = stringsFor(locale);
    const p = cur.series.points[index];
    const parts = [
      bucketLabel(p.start, cur.interval, cur.timeZone, locale, s),
      formatMoney(p.net, cur.currency, locale),
    ];
    if (cur.series.countsKnown) parts.push(s.earnings.transactionCount(p.count, locale));
    return parts.join(', ');
  }

  private _onKeyDown(e: KeyboardEvent): void {
    const n = this._current?.series.points.length ?? 0;
    const next = nextIndex(this._active, e.key, n);
    if (next === undefined) return;
    e.preventDefault();
    this._setActive(next, true);
  }

  private _onPointer(e: PointerEvent): void {
    const layout = this._lastLayout;
    const svgEl = this._svg;
    if (!layout || !svgEl) return;
    const x = e.clientX - svgEl.getBoundingClientRect().left;
    const i = indexAtX(x, layout);
    if (i >= 0 && i !== this._active) this._setActive(i);
  }

  private _onPointerLeave(e: PointerEvent): void {
    // A touch ends with a leave: keep the tooltip of the bucket that was touched.
    if (e.pointerType === 'mouse' && (this.renderRoot as ShadowRoot).activeElement !== this._svg) this._setActive(null);
  }

  private _onBlur(): void {
    this._setActive(null);
  }

  // ---- rendering ----

  /** The chart's layout, computed again only when the series, the size, the locale or the compared series change. */
  private _layout(cur: CurrentView, previous: Series | null | undefined, width: number, height: number, locale: string): ChartLayout {
    const { series, interval, currency, timeZone } = cur;
    // The x labels do not depend on the size: a resize lays out again without formatting them.
    const labels = this._xLabels.get([series, interval, timeZone, locale], () =>
      series.points.map((p) => formatBucketLabel(p.start, interval, timeZone, locale, 'short')),
    );
    const compared = this.compare ? (previous?.points ?? null) : null;
    this._lastLayout = this._layoutCache.get([series, interval, currency, timeZone, compared, width, height, locale, labels], () =>
      chartLayout({ points: series.points, previous: compared, labels, width, height, interval, currency, timeZone, locale }),
    );
    return this._lastLayout;
  }

  private _errorMessage(error: ExpressError, s: Strings, locale: string): string {
    if (error.code === 'rate_limited' && error.retryAfter !== undefined) return s.common.rateLimitedWait(error.retryAfter, locale);
    return s.common.errors[error.code] ?? s.common.errors.unknown;
  }

  private _renderError(error: unknown, s: Strings, locale: string) {
    const e = toExpressError(error);
    return html`
      <div class="error" part="error" role="alert">
        <p class="message">
          <strong>${e.code === 'network' ? s.common.networkErrorTitle : s.common.errorTitle}</strong>
          ${this._errorMessage(e, s, locale)}
        </p>
        <button class="button" type="button" @click=${this._retry}>${s.common.retry}</button>
      </div>
    `;
  }

  private _renderControls(s: Strings, locale: string) {
    const view = this._controlsView();
    const e = s.earnings;
    const preset = view.range.preset;
    const balance = this._balance.value;
    const currencies = new Set<string>();
    for (const a of [...(balance?.available ?? []), ...(balance?.pending ?? [])]) currencies.add(a.currency.toLowerCase());
    const currency = this._current?.currency ?? this._currencyFor(this._accountValue());
    currencies.add(currency);
    const names = currencyNamesFor(locale);
    return html`
      <div class="controls" part="controls">
        <label>
          <span class="visually-hidden">${e.rangeLabel}</span>
          <select @change=${this._onRangeChange}>
            ${EARNINGS_RANGES.map((r) => html`<option value=${r} ?selected=${r === preset}>${e.ranges[r]}</option>`)}
          </select>
        </label>
        ${preset === 'custom'
          ? html`
              <label class="date">
                <span>${e.from}</span>
                <input type="date" .value=${view.range.from} max=${view.range.to} @change=${(ev: Event) => this._onDateChange('from', ev)} />
              </label>
              <label class="date">
                <span>${e.to}</span>
                <input type="date" .value=${view.range.to} min=${view.range.from} @change=${(ev: Event) => this._onDateChange('to', ev)} />
              </label>
            `
          : nothing}
        <label>
          <span class="visually-hidden">${e.intervalLabel}</span>
          <select @change=${this._onIntervalChange}>
            ${view.allowed.map((i) => html`<option value=${i} ?selected=${i === view.interval}>${e.intervals[i]}</option>`)}
          </select>
        </label>
        ${currencies.size > 1
          ? html`
              <label>
                <span class="visually-hidden">${e.currency}</span>
                <select @change=${this._onCurrencyChange}>
                  ${[...currencies].sort().map(
                    (c) => html`<option value=${c} ?selected=${c === currency} title=${names?.of(c.toUpperCase()) ?? c}>
                      ${c.toUpperCase()}
                    </option>`,
                  )}
                </select>
              </label>
            `
          : nothing}
        <label class="check">
          <input type="checkbox" ?checked=${this.compare} @change=${this._onCompareChange} />
          <span>${e.compare}</span>
        </label>
      </div>
    `;
  }

  private _renderHeadline(s: Strings, locale: string, stale: boolean, failed: boolean) {
    const cur = this._current;
    if (!cur) {
      return html`
        <div class="headline">
          <h2 class="title" id="title">${s.earnings.title}</h2>
          ${failed
            ? nothing
            : html`<span class="skeleton total-skeleton" aria-hidden="true"></span>
                <span class="skeleton change-skeleton" aria-hidden="true"></span>`}
        </div>
      `;
    }
    const total = statsOf(cur.series.points).total;
    let change: unknown = nothing;
    const prev = this._previous;
    if (prev.status === TaskStatus.ERROR) {
      change = html`<p class="change" part="change">
        ${s.earnings.previousError}
        <button class="link-button" type="button" @click=${() => void this._previous.run()}>${s.common.retry}</button>
      </p>`;
    } else if (prev.status === TaskStatus.COMPLETE) {
      const p = prev.value as Series | null;
      const c = compareTotals(total, p ? statsOf(p.points).total : null);
      const arrow = c.kind === 'up' || c.kind === 'upFromZero' ? '↑' : c.kind === 'down' || c.kind === 'downFromZero' ? '↓' : '';
      const dir = arrow === '↑' ? 'up' : arrow === '↓' ? 'down' : '';
      change = html`<p class="change" part="change">
        ${arrow ? html`<span class="arrow ${dir}" aria-hidden="true">${arrow}</span>` : nothing}
        <span>${describeChange(c, cur.range.preset, s, locale, cur.currency)}</span>
      </p>`;
    } else {
      change = html`<span class="skeleton change-skeleton" aria-hidden="true"></span>`;
    }
    return html`
      <div class="headline ${stale ? 'stale' : ''}">
        <h2 class="title" id="title">${s.earnings.title}</h2>
        <p class="total amount" part="total">${formatMoney(total, cur.currency, locale)}</p>
        ${change}
      </div>
    `;
  }

  private _renderChart(cur: CurrentView, s: Strings, locale: string) {
    // Never read from layout here: before the ResizeObserver's first report (which comes before
    // the first paint) the chart is laid out at a fallback width, then again at the real one.
    const width = this._width || FALLBACK_WIDTH;
    const height = chartHeight(width);
    const prev = this._previous.status === TaskStatus.COMPLETE ? (this._previous.value as Series | null) : null;
    const layout = this._layout(cur, prev, width, height, locale);
    const { plot } = layout;
    const points = cur.series.points;
    const active = this._active !== null && this._active < points.length ? this._active : null;
    const summary = this._summary.get([cur.series, cur.range, cur.interval, cur.currency, cur.timeZone, locale, s], () =>
      chartSummary(points, cur.range, cur.interval, { currency: cur.currency, timeZone: cur.timeZone, locale, strings: s }),
    );
    const showPrevious = this.compare && layout.previousPath !== null && prev !== null;
    const prevPoint = showPrevious && active !== null && prev && active < prev.points.length ? prev.points[active] : null;

    let tooltip: unknown = nothing;
    if (active !== null) {
      const x = layout.xs[active];
      const p = points[active];
      const side = x > width * 0.6 ? `right: ${Math.round(width - x + 12)}px` : `left: ${Math.round(x + 12)}px`;
      tooltip = html`
        <div class="tooltip" part="tooltip" style=${side} aria-hidden="true">
          <div class="t-label">${bucketLabel(p.start, cur.interval, cur.timeZone, locale, s)}</div>
          <div class="t-amount">${formatMoney(p.net, cur.currency, locale)}</div>
          ${cur.series.countsKnown ? html`<div class="t-count">${s.earnings.transactionCount(p.count, locale)}</div>` : nothing}
          ${prevPoint
            ? html`<div class="t-previous">
                ${bucketLabel(prevPoint.start, cur.interval, cur.timeZone, locale, s)}: ${formatMoney(prevPoint.net, cur.currency, locale)}
              </div>`
            : nothing}
        </div>
      `;
    }

    return html`
      <div class="chart">
        <svg
          part="svg"
          role="img"
          tabindex="0"
          aria-label=${summary}
          aria-describedby="hint"
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          @keydown=${this._onKeyDown}
          @blur=${this._onBlur}
          @pointermove=${this._onPointer}
          @pointerdown=${this._onPointer}
          @pointerleave=${this._onPointerLeave}
        >
          <g class="grid">
            ${layout.yTicks.map((t) => svg`<line x1=${plot.left} x2=${plot.right} y1=${t.y} y2=${t.y}></line>`)}
          </g>
          <g class="axis y">
            ${layout.yTicks.map((t) => svg`<text x=${plot.left - 8} y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`)}
          </g>
          <g class="axis x">
            ${layout.xTicks.map((t) => svg`<text x=${t.x} y=${plot.bottom + 18} text-anchor="middle">${t.label}</text>`)}
          </g>
          <g class="series">
            <path class="area" d=${layout.areaPath}></path>
            ${showPrevious ? svg`<path class="previous" d=${layout.previousPath ?? ''}></path>` : nothing}
            <path class="line" d=${layout.linePath}></path>
            ${points.length === 1 ? svg`<circle class="dot" cx=${layout.xs[0]} cy=${layout.ys[0]} r="3"></circle>` : nothing}
          </g>
          <line class="zero" x1=${plot.left} x2=${plot.right} y1=${layout.zeroY} y2=${layout.zeroY}></line>
        </svg>
        <svg class="overlay" aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
          ${active !== null
            ? svg`
                <line class="crosshair" x1=${layout.xs[active]} x2=${layout.xs[active]} y1=${plot.top} y2=${plot.bottom}></line>
                ${prevPoint ? svg`<circle class="previous-dot" cx=${layout.xs[active]} cy=${layout.previousYs[active]} r="3"></circle>` : nothing}
                <g class="series"><circle class="dot" cx=${layout.xs[active]} cy=${layout.ys[active]} r="4"></circle></g>
              `
            : nothing}
        </svg>
        ${tooltip}
      </div>
      ${showPrevious
        ? html`<ul class="legend" aria-hidden="true">
            <li><span class="swatch"></span>${s.earnings.currentPeriod}</li>
            <li><span class="swatch dashed"></span>${s.earnings.previousPeriod}</li>
          </ul>`
        : nothing}
      <span id="hint" class="visually-hidden">${s.earnings.keyboardHint}</span>
    `;
  }

  /**
   * The data table. Its rows (a formatted label and amount per bucket) are made once per series,
   * interval, zone, currency and locale, and the template is not evaluated again until one of
   * them changes: a crosshair move or a resize does not touch the table.
   */
  private _renderTable(cur: CurrentView, s: Strings, locale: string) {
    const { series, interval, currency, timeZone } = cur;
    return guard([series, interval, currency, timeZone, locale, s], () => this._tableTemplate(cur, s, locale));
  }

  private _tableTemplate(cur: CurrentView, s: Strings, locale: string) {
    const rows = tableRows(cur.series.points, cur.interval, {
      currency: cur.currency,
      timeZone: cur.timeZone,
      locale,
      strings: s,
      countsKnown: cur.series.countsKnown,
    });
    const t = s.earnings.table;
    return html`
      <table part="data-table" class="visually-hidden">
        <caption>${s.earnings.netVolume}</caption>
        <thead>
          <tr>
            <th scope="col">${t.period}</th>
            ${cur.series.countsKnown ? html`<th scope="col">${t.transactions}</th>` : nothing}
            <th scope="col">${t.netVolume}</th>
          </tr>
        </thead>
        <tbody>${tableBody(rows)}</tbody>
      </table>
    `;
  }

  override render() {
    const locale = this._l10n.locale;
    const s = stringsFor(locale);
    const cur = this._current;
    const seriesStatus = this._series.status;
    const failed = this._account.status === TaskStatus.ERROR ? this._account.error : seriesStatus === TaskStatus.ERROR ? this._series.error : undefined;
    const error = failed !== undefined && !isAbortError(failed) ? failed : undefined;
    const loading = error === undefined && seriesStatus !== TaskStatus.COMPLETE;
    // What is shown stays (dimmed) while another range loads or after it failed.
    const stale = cur !== undefined && (loading || error !== undefined);
    const showTable = cur !== undefined && error === undefined;
    // Busy until the data table of the first chart is there too.
    const tablePending = showTable && !this._tableReady;

    let body: unknown;
    if (error !== undefined) {
      body = this._renderError(error, s, locale);
    } else if (!cur) {
      body = html`
        <span class="skeleton chart-skeleton" aria-hidden="true"></span>
        ${this._loaded >= PAGE_SIZE ? html`<p class="progress">${s.earnings.loaded(this._loaded, locale)}</p>` : nothing}
      `;
    } else if (statsOf(cur.series.points).empty) {
      body = html`<p class="empty" part="empty">${s.earnings.empty}</p>`;
    } else {
      body = this._renderChart(cur, s, locale);
    }

    return html`
      <section part="base" class="card" aria-labelledby="title" aria-busy=${loading || tablePending ? 'true' : 'false'}>
        <div class="head" part="header">
          ${this._renderHeadline(s, locale, stale, error !== undefined)}
          ${this._renderControls(s, locale)}
        </div>
        <div class="plot-area ${stale ? 'stale' : ''}" part="chart">
          <div class="sizer"></div>
          ${body}
          ${stale && this._loaded >= PAGE_SIZE ? html`<p class="progress">${s.earnings.loaded(this._loaded, locale)}</p>` : nothing}
        </div>
        ${showTable && this._tableReady ? this._renderTable(cur, s, locale) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }
}
