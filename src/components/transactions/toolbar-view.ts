/**
 * The toolbar of `<express-transactions>`: the title, the filters (category, date range with its
 * custom dates, currency when the balance holds more than one; behind a "Filters" button in a
 * narrow container), the export button and the export's progress.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../core/i18n/registry.js';
import { customRangeFields, selectField } from '../shared/filter-fields-view.js';
import { errorWords } from '../shared/error-view.js';
import type { ExportState } from './export-controller.js';
import { activeFilters, CATEGORY_FILTERS, TRANSACTION_RANGES, type TransactionFilters } from './transactions.model.js';

/** What the toolbar shows. */
export interface ToolbarState {
  strings: Strings;
  locale: string;
  filters: TransactionFilters;
  /** The custom range's dates as the element holds them. */
  from: string | null;
  to: string | null;
  /** A custom range the person typed that cannot be applied. */
  rangeInvalid: boolean;
  /** The balance's currencies (the currency filter shows with more than one). */
  currencies: string[];
  filtersOpen: boolean;
  export: ExportState;
}

/** What the toolbar's controls do. */
export interface ToolbarActions {
  category(value: string): void;
  range(value: string): void;
  customDate(which: 'from' | 'to', value: string | null): void;
  currency(value: string): void;
  toggleFilters(): void;
  exportCsv(): void;
  cancelExport(): void;
}

function filtersView(v: ToolbarState, on: ToolbarActions): TemplateResult {
  const s = v.strings;
  const t = s.transactions;
  const f = v.filters;
  const currency = f.currency ?? '';
  const showCurrency = v.currencies.length > 1 || !!currency;
  return html`
    <div part="filters" class="filters ${v.filtersOpen ? 'open' : ''}" id="filters" role="group" aria-label=${s.common.filters}>
      ${selectField(t.categoryLabel, f.category, CATEGORY_FILTERS.map((c) => [c, c === 'all' ? s.categories.all : s.categories.plural[c]] as const), (x) => on.category(x))}
      ${selectField(t.rangeLabel, f.range, TRANSACTION_RANGES.map((r) => [r, t.ranges[r]] as const), (x) => on.range(x))}
      ${f.range === 'custom'
        ? customRangeFields({ strings: s, from: v.from, to: v.to, invalid: v.rangeInvalid }, (which, value) => on.customDate(which, value))
        : nothing}
      ${showCurrency
        ? selectField(t.currency, currency, [['', t.allCurrencies], ...v.currencies.map((c) => [c, c.toUpperCase()] as const)], (x) => on.currency(x))
        : nothing}
    </div>
  `;
}

function exportStatusView(v: ToolbarState, on: ToolbarActions): TemplateResult {
  const x = v.export;
  const s = v.strings;
  const t = s.transactions;
  let body: unknown = nothing;
  if (x.state === 'running') {
    body = html`<span>${t.exporting(x.count, v.locale)}</span>
      <button class="button" @click=${() => on.cancelExport()}>${s.common.cancel}</button>`;
  } else if (x.state === 'done') {
    body = t.exported(x.count, v.locale);
  } else if (x.state === 'canceled') {
    body = t.exportCanceled;
  }
  return html`
    <div class="export-status" role="status">${body}</div>
    ${x.state === 'error'
      ? html`<div class="error" role="alert">
          <div><strong>${t.exportFailed}</strong><p>${errorWords(x.error, s, v.locale).message}</p></div>
          <button class="button" @click=${() => on.exportCsv()}>${s.common.retry}</button>
        </div>`
      : nothing}
  `;
}

/** See the module's documentation. */
export function toolbarView(v: ToolbarState, on: ToolbarActions): TemplateResult {
  const s = v.strings;
  const active = activeFilters(v.filters).length;
  const running = v.export.state === 'running';
  return html`
    <div part="toolbar" class="toolbar">
      <h2 class="title" id="title">${s.transactions.title}</h2>
      <button class="button filters-toggle" aria-expanded=${v.filtersOpen ? 'true' : 'false'} aria-controls="filters" @click=${() => on.toggleFilters()}>
        ${s.common.filters}${active ? ` (${new Intl.NumberFormat(v.locale).format(active)})` : ''}
      </button>
      ${filtersView(v, on)}
      <button part="export-button" class="button" aria-disabled=${running ? 'true' : 'false'} @click=${() => on.exportCsv()}>${s.common.exportCsv}</button>
    </div>
    ${exportStatusView(v, on)}
  `;
}
