/**
 * The fixed parts of the transactions table around its rows: the header row, the skeleton while
 * the first page loads, the footer (count, "Load more", a later page's error), and the empty
 * state that names the active filters.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExpressError } from '../../contract/errors.js';
import { dateTimeFormat } from '../../core/date-format.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { parseLocalIsoDate } from '../../core/time.js';
import { errorWords } from '../shared/error-view.js';
import { activeFilters, type TransactionFilters } from './transactions.model.js';

const COLUMNS = ['date', 'type', 'description', 'amount', 'fee', 'net', 'status'] as const;
const numeric = (col: string) => (col === 'amount' || col === 'fee' || col === 'net' ? 'numeric' : '');

/** The header row (aria-rowindex 1). */
export function headView(s: Strings): TemplateResult {
  const c = s.transactions.columns;
  return html`<div role="rowgroup" class="head">
    <div role="row" class="row" aria-rowindex="1">
      ${COLUMNS.map((col) => html`<div role="columnheader" class="cell c-${col} ${numeric(col)}">${c[col]}</div>`)}
    </div>
  </div>`;
}

/** Skeleton rows while the first page loads (no `part="row"`: not transactions). */
export function skeletonView(): TemplateResult {
  return html`<div role="rowgroup" class="skeleton-body">
    ${[0, 1, 2, 3, 4, 5].map(() => html`<div role="row" class="row skeleton-row">
      ${COLUMNS.map((col) => html`<div role="gridcell" class="cell c-${col} ${numeric(col)}"><span class="skeleton"></span></div>`)}
    </div>`)}
  </div>`;
}

/** Under the rows: how many, and "Load more" (busy while a page loads) or a later page's error with Retry. */
export function footerView(
  v: { strings: Strings; locale: string; shown: number; hasMore: boolean; loadingMore: boolean; error?: ExpressError },
  loadMore: () => void,
): TemplateResult {
  const s = v.strings;
  const t = s.transactions;
  return html`
    <div class="footer">
      <span>${t.showing(v.shown, v.locale)}</span>
      ${v.error
        ? html`<div class="error" role="alert">
            <div><strong>${s.common.loadMoreErrorTitle}</strong><p>${errorWords(v.error, s, v.locale).message}</p></div>
            <button class="button" @click=${loadMore}>${s.common.retry}</button>
          </div>`
        : v.hasMore
          ? html`<button class="button load-more" aria-disabled=${v.loadingMore ? 'true' : 'false'} @click=${loadMore}>
              ${v.loadingMore ? t.loadingMore : s.common.loadMore}</button>`
          : nothing}
    </div>
  `;
}

/** The range as a person reads it: a preset's name, or the custom dates ("Mar 1 – 31, 2026"). */
export function rangeLabel(filters: TransactionFilters, s: Strings, locale: string, timeZone: string): string {
  if (filters.range !== 'custom') return s.transactions.ranges[filters.range];
  const day = (iso: string) => new Date(parseLocalIsoDate(iso, timeZone) * 1000);
  const f = dateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  if (filters.from && filters.to) return f.formatRange(day(filters.from), day(filters.to));
  if (filters.from) return `${s.transactions.from} ${f.format(day(filters.from))}`;
  if (filters.to) return `${s.transactions.to} ${f.format(day(filters.to))}`;
  return s.transactions.ranges.custom;
}

/** No transactions: "in this period", or the active filters named, with "Clear filters". */
export function emptyView(v: { strings: Strings; locale: string; filters: TransactionFilters; timeZone: string }, clearFilters: () => void): TemplateResult {
  const { strings: s, locale, filters } = v;
  const active = activeFilters(filters);
  const names = active.map((a) =>
    a === 'category' ? s.categories.plural[filters.category as Exclude<typeof filters.category, 'all'>]
    : a === 'range' ? rangeLabel(filters, s, locale, v.timeZone)
    : (filters.currency ?? '').toUpperCase(),
  );
  const text = active.length
    ? format(s.transactions.emptyFiltered, { filters: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) })
    : s.transactions.empty;
  return html`<div class="state empty">
    <p>${text}</p>
    ${active.length ? html`<button class="button" @click=${clearFilters}>${s.common.clearFilters}</button>` : nothing}
  </div>`;
}
