import { html, nothing, type TemplateResult } from 'lit';
import type { Interval } from '../../contract/types.js';
import type { Strings } from '../../core/i18n/registry.js';
import type { ControlsView } from './series-controller.js';
import { EARNINGS_RANGES } from './ranges.model.js';

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

/** What the controls show, and what they call when a person changes one. */
export interface ControlsInput {
  view: ControlsView;
  currencies: readonly string[];
  currency: string;
  compare: boolean;
  locale: string;
  strings: Strings;
  onRange: (e: Event) => void;
  onDate: (which: 'from' | 'to', e: Event) => void;
  onInterval: (e: Event) => void;
  onCurrency: (e: Event) => void;
  onCompare: (e: Event) => void;
}

/** The range menu (with the two dates of a custom range), the interval menu, the currency menu (several currencies only) and "Compare". */
export function controlsView(o: ControlsInput): TemplateResult {
  const { view, strings: s } = o;
  const e = s.earnings;
  const preset = view.range.preset;
  const names = currencyNamesFor(o.locale);
  return html`
    <div class="controls" part="controls">
      <label>
        <span class="visually-hidden">${e.rangeLabel}</span>
        <select @change=${o.onRange}>
          ${EARNINGS_RANGES.map((r) => html`<option value=${r} ?selected=${r === preset}>${e.ranges[r]}</option>`)}
        </select>
      </label>
      ${preset === 'custom'
        ? html`
            <label class="date">
              <span>${e.from}</span>
              <input type="date" .value=${view.range.from} max=${view.range.to} @change=${(ev: Event) => o.onDate('from', ev)} />
            </label>
            <label class="date">
              <span>${e.to}</span>
              <input type="date" .value=${view.range.to} min=${view.range.from} @change=${(ev: Event) => o.onDate('to', ev)} />
            </label>
          `
        : nothing}
      <label>
        <span class="visually-hidden">${e.intervalLabel}</span>
        <select @change=${o.onInterval}>
          ${view.allowed.map((i: Interval) => html`<option value=${i} ?selected=${i === view.interval}>${e.intervals[i]}</option>`)}
        </select>
      </label>
      ${o.currencies.length > 1
        ? html`
            <label>
              <span class="visually-hidden">${e.currency}</span>
              <select @change=${o.onCurrency}>
                ${o.currencies.map(
                  (c) => html`<option value=${c} ?selected=${c === o.currency} title=${names?.of(c.toUpperCase()) ?? c}>
                    ${c.toUpperCase()}
                  </option>`,
                )}
              </select>
            </label>
          `
        : nothing}
      <label class="check">
        <input type="checkbox" .checked=${o.compare} @change=${o.onCompare} />
        <span>${e.compare}</span>
      </label>
    </div>
  `;
}
