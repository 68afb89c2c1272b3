import { html, nothing, type TemplateResult } from 'lit';
import type { Interval } from '../../contract/types.js';
import type { Strings } from '../../core/i18n/registry.js';
import type { ControlsView } from './series-controller.js';
import { EARNINGS_RANGES, INTERVALS } from './ranges.model.js';

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

/**
 * The range menu, the dates of the range (always shown: a preset's own dates, which a person may
 * change to make the range custom), the interval menu, the currency menu (several currencies
 * only) and "Compare". Nothing appears, goes or changes width when the range changes, so no
 * control moves under the pointer: the interval menu is as wide as its longest name in any
 * range (a hidden sizer beside it holds every name), and a menu shows the drawn interval even
 * after a person picked another. The options and the box are bound with `?selected` and
 * `?checked` (a server render writes a false `.selected` as selected="false", which selects);
 * since those attributes no longer count once a control has been used, the element sets the
 * live state from them after each render (`syncControls`).
 */
export function controlsView(o: ControlsInput): TemplateResult {
  const { view, strings: s } = o;
  const e = s.earnings;
  const preset = view.range.preset;
  const names = currencyNamesFor(o.locale);
  return html`
    <div class="controls" part="controls">
      <label class="menu">
        <span class="visually-hidden">${e.rangeLabel}</span>
        <select @change=${o.onRange}>
          ${EARNINGS_RANGES.map((r) => html`<option value=${r} ?selected=${r === preset}>${e.ranges[r]}</option>`)}
        </select>
      </label>
      <label class="menu sized">
        <span class="visually-hidden">${e.intervalLabel}</span>
        <select @change=${o.onInterval}>
          ${view.allowed.map((i: Interval) => html`<option value=${i} ?selected=${i === view.interval}>${e.intervals[i]}</option>`)}
        </select>
        <span class="sizer-text" aria-hidden="true">${INTERVALS.map((i) => html`<span>${e.intervals[i]}</span>`)}</span>
      </label>
      ${o.currencies.length > 1
        ? html`
            <label class="menu">
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
        <input type="checkbox" ?checked=${o.compare} @change=${o.onCompare} />
        <span>${e.compare}</span>
      </label>
      <span class="dates">
        <label class="date">
          <span class="visually-hidden">${e.from}</span>
          <input type="date" .value=${view.range.from} max=${view.range.to} @change=${(ev: Event) => o.onDate('from', ev)} />
        </label>
        <span class="dash" aria-hidden="true">–</span>
        <label class="date">
          <span class="visually-hidden">${e.to}</span>
          <input type="date" .value=${view.range.to} min=${view.range.from} @change=${(ev: Event) => o.onDate('to', ev)} />
        </label>
      </span>
    </div>
  `;
}

/** Makes the controls' live state (options' `selected`, the box's `checked`) what their attributes say. */
export function syncControls(root: ParentNode): void {
  for (const option of root.querySelectorAll<HTMLOptionElement>('[part~="controls"] option')) option.selected = option.defaultSelected;
  for (const box of root.querySelectorAll<HTMLInputElement>('[part~="controls"] input[type="checkbox"]')) box.checked = box.defaultChecked;
}
