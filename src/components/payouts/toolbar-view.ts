/**
 * The toolbar of `<express-payouts>`: the title and the filters (status, arrival range with its
 * custom dates; behind a "Filters" button in a narrow container).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../core/i18n/registry.js';
import { payoutStatusLabel } from '../../core/payouts.js';
import { customRangeFields, selectField } from '../shared/filter-fields-view.js';
import { activePayoutFilters, PAYOUT_RANGES, PAYOUT_STATUS_FILTERS, type PayoutFilters } from './payouts.model.js';

/** What the toolbar shows. */
export interface PayoutsToolbarState {
  strings: Strings;
  locale: string;
  filters: PayoutFilters;
  /** The custom range's days as the element holds them. */
  from: string | null;
  to: string | null;
  /** A custom range the person typed that cannot be applied. */
  rangeInvalid: boolean;
  filtersOpen: boolean;
}

/** What the toolbar's controls do. */
export interface PayoutsToolbarActions {
  status(value: string): void;
  range(value: string): void;
  customDate(which: 'from' | 'to', value: string | null): void;
  toggleFilters(): void;
}

function filtersView(v: PayoutsToolbarState, on: PayoutsToolbarActions): TemplateResult {
  const s = v.strings;
  const p = s.payouts;
  const f = v.filters;
  return html`
    <div part="filters" class="filters ${v.filtersOpen ? 'open' : ''}" id="filters" role="group" aria-label=${s.common.filters}>
      ${selectField(p.statusLabel, f.status, PAYOUT_STATUS_FILTERS.map((st) => [st, st === 'all' ? p.allStatuses : payoutStatusLabel(st, s)] as const), (x) => on.status(x))}
      ${selectField(p.rangeLabel, f.range, PAYOUT_RANGES.map((r) => [r, p.ranges[r]] as const), (x) => on.range(x))}
      ${f.range === 'custom'
        ? customRangeFields({ strings: s, from: v.from, to: v.to, invalid: v.rangeInvalid }, (which, value) => on.customDate(which, value))
        : nothing}
    </div>
  `;
}

/** See the module's documentation. */
export function payoutsToolbarView(v: PayoutsToolbarState, on: PayoutsToolbarActions): TemplateResult {
  const s = v.strings;
  const active = activePayoutFilters(v.filters).length;
  return html`
    <div part="toolbar" class="toolbar">
      <h2 class="title" id="title">${s.payouts.title}</h2>
      <button class="button filters-toggle" type="button" aria-expanded=${v.filtersOpen ? 'true' : 'false'} aria-controls="filters"
        @click=${() => on.toggleFilters()}>
        ${s.common.filters}${active ? ` (${new Intl.NumberFormat(v.locale).format(active)})` : ''}
      </button>
      ${filtersView(v, on)}
    </div>
  `;
}
