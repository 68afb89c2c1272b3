import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import type { Series } from './earnings.data.js';
import type { CurrentView } from './series-controller.js';
import { compareTotals, describeChange, formatSpan, seriesStats, type SeriesStats } from './words.model.js';

/** Stats per bucket array (arrays are never changed in place: a live update makes a new one). */
const statsCache = new WeakMap<readonly { net: number }[], SeriesStats>();

/** The total, extremes and emptiness of a series' buckets, computed once per array. */
export function statsOf(points: readonly { net: number }[]): SeriesStats {
  let st = statsCache.get(points);
  if (!st) statsCache.set(points, (st = seriesStats(points)));
  return st;
}

/** The last dates put in words (the headline renders again on every crosshair move). */
let lastSpan: { key: string; words: string } | undefined;

function spanWords(span: { gte: number; lt: number }, timeZone: string, locale: string): string {
  const now = Date.now() / 1000;
  const key = `${span.gte}|${span.lt}|${timeZone}|${locale}|${Math.floor(now / 86400)}`;
  if (lastSpan?.key !== key) lastSpan = { key, words: formatSpan(span, timeZone, locale, now) };
  return lastSpan.words;
}

/** What the headline shows. */
export interface HeadlineInput {
  /** The loaded range; `undefined` before the first load (skeletons, unless it `failed`). */
  view: CurrentView | undefined;
  /** The previous period: loaded (`null` when there is none), `undefined` while loading. */
  previous: Series | null | undefined;
  previousFailed: boolean;
  retryPrevious: () => void;
  /** Another range is loading, or it failed: what is shown is dimmed. */
  stale: boolean;
  failed: boolean;
  locale: string;
  strings: Strings;
}

/** The title, the range's total (the largest number) and its change against the previous period. */
export function headlineView(o: HeadlineInput): TemplateResult {
  const { view, locale, strings: s } = o;
  if (!view) {
    return html`
      <div class="headline">
        <h2 class="title" id="title">${s.earnings.title}</h2>
        ${o.failed
          ? nothing
          : html`<span class="skeleton total-skeleton" aria-hidden="true"></span>
              <div class="change-slot"><span class="skeleton change-skeleton" aria-hidden="true"></span></div>`}
      </div>
    `;
  }
  const total = statsOf(view.series.points).total;
  let change: unknown;
  if (o.previousFailed) {
    change = html`<p class="change" part="change">
      ${s.earnings.previousError}
      <button class="link-button" type="button" @click=${o.retryPrevious}>${s.common.retry}</button>
    </p>`;
  } else if (o.previous !== undefined) {
    const c = compareTotals(total, o.previous && view.comparison ? statsOf(o.previous.points).total : null);
    const dates = view.comparison ? spanWords(view.comparison, view.timeZone, locale) : '';
    const arrow = c.kind === 'up' || c.kind === 'upFromZero' ? '↑' : c.kind === 'down' || c.kind === 'downFromZero' ? '↓' : '';
    const dir = arrow === '↑' ? 'up' : arrow === '↓' ? 'down' : '';
    // The arrow and the words are one run of text: the arrow never sits alone on a line.
    change = html`<p class="change" part="change">${arrow
        ? html`<span class="arrow ${dir}" aria-hidden="true">${arrow}</span>\u00a0`
        : nothing}${describeChange(c, dates, s, locale, view.currency)}</p>`;
  } else {
    change = html`<span class="skeleton change-skeleton" aria-hidden="true"></span>`;
  }
  // The change's line keeps its height while it loads (a skeleton) and once it has words: what is
  // below it never moves when the range changes.
  return html`
    <div class="headline ${o.stale ? 'stale' : ''}">
      <h2 class="title" id="title">${s.earnings.title}</h2>
      <p class="total amount" part="total">${formatMoney(total, view.currency, locale)}</p>
      <div class="change-slot">${change}</div>
    </div>
  `;
}
