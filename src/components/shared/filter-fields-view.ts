/**
 * The fields of a list's filters (`<express-transactions>`, `<express-payouts>`): a labelled
 * choice, and the custom date range: the "From" and "To" date fields, each bounding the other,
 * and the words said when the two cannot be applied (the fields are marked invalid and point at
 * them).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../core/i18n/registry.js';

/** What the fields show. */
export interface CustomRangeState {
  strings: Strings;
  /** The dates as the element holds them (`YYYY-MM-DD`), or none. */
  from: string | null;
  to: string | null;
  /** A range the person typed that cannot be applied. */
  invalid: boolean;
}

/** A labelled `<select>` of `options` (value, words), `value` chosen; `onChange` gets the new value. */
export function selectField(label: string, value: string, options: readonly (readonly [string, string])[], onChange: (value: string) => void): TemplateResult {
  return html`<label class="field">${label}
    <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)} .value=${value}>
      ${options.map(([v, words]) => html`<option value=${v} ?selected=${v === value}>${words}</option>`)}
    </select>
  </label>`;
}

/** The custom range's fields; `onDate` gets the field's new day, or null when it was cleared. */
export function customRangeFields(v: CustomRangeState, onDate: (which: 'from' | 'to', value: string | null) => void): TemplateResult {
  const t = v.strings.transactions;
  const invalid = v.invalid ? 'true' : 'false';
  const value = (e: Event) => (e.target as HTMLInputElement).value || null;
  return html`
    <label class="field">${t.from}
      <input type="date" .value=${v.from ?? ''} max=${v.to ?? nothing} aria-invalid=${invalid} aria-describedby="range-error"
        @change=${(e: Event) => onDate('from', value(e))} />
    </label>
    <label class="field">${t.to}
      <input type="date" .value=${v.to ?? ''} min=${v.from ?? nothing} aria-invalid=${invalid} aria-describedby="range-error"
        @change=${(e: Event) => onDate('to', value(e))} />
    </label>
    <p class="range-error" id="range-error" aria-live="polite">${v.invalid ? t.invalidRange : ''}</p>`;
}
