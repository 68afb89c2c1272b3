import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { toExpressError } from '../../contract/errors.js';
import type { ExpressAdapter, Interval } from '../../contract/types.js';
import { formatMoney } from '../../core/money.js';
import { isValidTimeZone } from '../../core/time.js';
import { ExpressRangeChangeEvent, type EarningsRange } from '../../events.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { errorView } from '../shared/error-view.js';
import { LocaleController } from '../shared/locale.js';
import { ChartView } from './chart-view.js';
import { controlsView, syncControls } from './controls-view.js';
import { CrosshairController } from './crosshair-controller.js';
import { DataTableController } from './data-table-controller.js';
import { PAGE_SIZE } from './earnings.data.js';
import { styles } from './earnings.styles.js';
import { headlineView, statsOf } from './headline-view.js';
import { isEarningsRange, isInterval } from './ranges.model.js';
import { SeriesController, type SeriesRequest } from './series-controller.js';
import { SHORT, WidthController } from './width-controller.js';
import { bucketLabel, completeness } from './words.model.js';

/**
 * The net volume of a connected account over time: a headline total with its change against an
 * earlier period named by its dates, and a bar chart with one bar per day, week, month, quarter
 * or year, in the account's timezone. Each bar is its period's sum, drawn from zero; a period that
 * is not whole (this month so far, a month the range cuts) is lighter and says so in the tooltip
 * and the data table. "Last 12 months" (`12m`) is the twelve whole months before this one and
 * this month so far.
 *
 * Data comes from `adapter.getNetVolume` when the adapter has it, else from paging
 * `listBalanceTransactions` (100 a page, aborted when the range changes) and aggregating in the
 * browser. What was fetched is kept: switching the interval, turning `compare` on or going back
 * to an earlier range fetches nothing again. The current range is fetched and drawn first; the
 * period compared with (for the headline's change and the dashed `compare` line) is a later call.
 * It is compared like with like, bucket by bucket: days and weeks whole weeks earlier (a Friday
 * faces a Friday), `12m` and `ytd` a year earlier.
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
 * width comes from a ResizeObserver, never from reading layout while rendering. The hidden
 * table of the first chart an element shows is drawn in a task after the chart's frame (the
 * card is `aria-busy` until then), so the chart is painted without waiting for thousands of rows.
 *
 * Inside: `SeriesController` (account, current and previous period, live updates),
 * `CrosshairController` (pointer and keyboard), `WidthController` (the size), `DataTableController`
 * (the text alternative), drawn by `headlineView`, `controlsView` and `ChartView`.
 *
 * @summary Net volume chart over a chosen interval and range.
 *
 * @csspart base - The card around everything.
 * @csspart header - Headline and controls.
 * @csspart total - The total net volume of the range.
 * @csspart change - The change against the period compared with ("up 12.4% vs Oct 9 – Nov 7").
 * @csspart controls - The range, date, interval, currency and compare controls.
 * @csspart chart - The area that holds the chart (or the skeleton, empty or error message).
 * @csspart svg - The chart's `<svg>`.
 * @csspart tooltip - The card shown for the bucket under the pointer or keyboard focus.
 * @csspart data-table - The visually hidden table of every bucket: rows carry `data-start`
 * (bucket start, Unix seconds); the last cell is the bucket's formatted net volume.
 * @csspart empty - The "No earnings in this period" message.
 * @csspart error - The error message with its Retry button.
 *
 * @cssproperty --express-color-primary - The bars (incomplete periods at 40% opacity) and the focus ring.
 * @cssproperty --express-color-background - Tooltip and control backgrounds.
 * @cssproperty --express-color-surface - The card and skeleton background.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Axis labels, the comparison line, the highlighted column.
 * @cssproperty --express-color-border - Card border and gridlines.
 * @cssproperty --express-color-control-border - The borders of the range and interval menus and the date fields.
 * @cssproperty --express-color-success - The arrow of a rise.
 * @cssproperty --express-color-danger - Bars below zero, the arrow of a fall and the error border.
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
  /** The account, the current and previous period's buckets, and the live feed. */
  private readonly _data = new SeriesController(this, this._adapters, () => this._request());
  /** The chart's width and height, from a ResizeObserver on the zero-height `.sizer`. */
  private readonly _size = new WidthController(this, () => this.renderRoot.querySelector('.sizer'));
  /** The bucket the tooltip shows, by pointer or keyboard, and what the live region says. */
  private readonly _crosshair = new CrosshairController(this, {
    count: () => this._data.current?.series.points.length ?? 0,
    key: () => this._data.current?.key,
    describe: (i) => this._describeBucket(i),
    layout: () => this._chart.layout,
    svg: () => this._svg,
  });
  /** The visually hidden table of every bucket, drawn after the first chart's frame. */
  private readonly _table = new DataTableController(this, () => this._data.current !== undefined && this._data.error === undefined && this._size.ready);
  private readonly _chart = new ChartView();

  @query('svg[part~="svg"]') private _svg?: SVGSVGElement;

  /** Whether `interval` was set by the page (attribute or property), not chosen from the menu. */
  @state() private _intervalByPage = false;

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
    const old = this._interval;
    this._interval = value;
    this._intervalByPage = value !== null && !this._choosingInterval;
    this.requestUpdate('interval', old);
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

  private _interval: Interval | null = null;
  /** True while the interval menu sets `interval`. */
  private _choosingInterval = false;

  // ---- what the properties ask for ----

  private _request(): SeriesRequest {
    const zone = this.timeZone && isValidTimeZone(this.timeZone) ? this.timeZone : null;
    const currency = this.currency && /^[a-z]{3}$/i.test(this.currency) ? this.currency.toLowerCase() : null;
    return {
      range: this.from && this.to ? 'custom' : isEarningsRange(this.range) ? this.range : '30d',
      from: this.from,
      to: this.to,
      interval: isInterval(this.interval) ? this.interval : null,
      explicit: this._intervalByPage,
      currency,
      timeZone: zone,
    };
  }

  // ---- handlers ----

  // Events are built into a variable first: the manifest analyzer lists `dispatchEvent(new X())`
  // as an event without a name (the names come from the @fires tags).
  private _emitChange(interval: Interval): void {
    const { range } = this._request();
    const event = new ExpressRangeChangeEvent({
      range,
      interval,
      from: range === 'custom' ? this.from : null,
      to: range === 'custom' ? this.to : null,
    });
    this.dispatchEvent(event);
  }

  private _onRange = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value;
    if (!isEarningsRange(value)) return;
    if (value === 'custom') {
      const { range } = this._data.controls();
      this.from = range.from;
      this.to = range.to;
    } else {
      this.from = null;
      this.to = null;
    }
    this.range = value;
    this.interval = null;
    this._emitChange(this._data.controls().interval);
  };

  private _onDate = (which: 'from' | 'to', e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const { range } = this._data.controls();
    let from = which === 'from' ? value : (this.from ?? range.from);
    let to = which === 'to' ? value : (this.to ?? range.to);
    if (from > to) [from, to] = [to, from];
    this.from = from;
    this.to = to;
    this.range = 'custom';
    this._emitChange(this._data.controls().interval);
  };

  private _onInterval = (e: Event): void => {
    const value = (e.target as HTMLSelectElement).value;
    if (!isInterval(value)) return;
    this._choosingInterval = true;
    try {
      this.interval = value;
    } finally {
      this._choosingInterval = false;
    }
    this._emitChange(value);
  };

  private _onCurrency = (e: Event): void => {
    this.currency = (e.target as HTMLSelectElement).value;
  };

  private _onCompare = (e: Event): void => {
    this.compare = (e.target as HTMLInputElement).checked;
  };

  private _retry = (): void => this._data.retry();

  private _retryPrevious = (): void => this._data.retryPrevious();

  /** "Sat, Mar 7, 2026, $0.08, 1 transaction": what the live region says for a bucket. */
  private _describeBucket(index: number): string {
    const cur = this._data.current;
    if (!cur) return '';
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const p = cur.series.points[index];
    const label = bucketLabel(p.start, cur.interval, cur.timeZone, locale, s, completeness(index, cur.incomplete, cur.range.span));
    const parts = [label, formatMoney(p.net, cur.currency, locale)];
    if (cur.series.countsKnown) parts.push(s.earnings.transactionCount(p.count, locale));
    return parts.join(', ');
  }

  // ---- rendering ----

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    syncControls(this.renderRoot);
  }

  override render() {
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const data = this._data;
    const cur = data.current;
    const error = data.error;
    const loading = data.loading;
    // What is shown stays (dimmed) while another range loads or after it failed.
    const stale = cur !== undefined && (loading || error !== undefined);
    const progress = data.loaded >= PAGE_SIZE ? html`<p class="progress">${s.earnings.loaded(data.loaded, locale)}</p>` : nothing;

    let body: unknown;
    if (error !== undefined) {
      body = errorView(toExpressError(error), s, locale, this._retry);
    } else if (!cur || !this._size.ready) {
      // Until the width is measured (before the first paint) the skeleton stays: the chart is laid
      // out once, at its real width.
      body = html`<span class="skeleton chart-skeleton" aria-hidden="true"></span>${cur ? nothing : progress}`;
    } else if (statsOf(cur.series.points).empty) {
      body = html`<p class="empty" part="empty">${s.earnings.empty}</p>`;
    } else {
      const input = { view: cur, previous: data.previousSeries, compare: this.compare, width: this._size.width, height: this._size.height, locale, strings: s };
      body = this._chart.render(input, this._crosshair);
    }

    return html`
      <section part="base" class="card ${this._size.height === SHORT ? 'narrow' : ''}" aria-labelledby="title" aria-busy=${loading || this._table.pending ? 'true' : 'false'}>
        <div class="head" part="header">
          ${headlineView({
            view: cur,
            previous: data.previousSeries,
            previousFailed: data.previousFailed,
            retryPrevious: this._retryPrevious,
            stale,
            failed: error !== undefined,
            locale,
            strings: s,
          })}
          ${controlsView({
            view: data.controls(),
            currencies: data.currencies,
            currency: data.currency,
            compare: this.compare,
            locale,
            strings: s,
            onRange: this._onRange,
            onDate: this._onDate,
            onInterval: this._onInterval,
            onCurrency: this._onCurrency,
            onCompare: this._onCompare,
          })}
        </div>
        <div class="plot-area ${stale ? 'stale' : ''}" part="chart">
          <div class="sizer"></div>
          ${body} ${stale ? progress : nothing}
        </div>
        ${cur ? this._table.render(cur, s, locale) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this._crosshair.announcement}</div>
      </section>
    `;
  }
}
