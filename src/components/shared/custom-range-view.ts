/**
 * The custom date range of a list's filters (`<express-transactions>`, `<express-payouts>`): the
 * "From" and "To" date fields, each bounding the other, and the words said when the two cannot
 * be applied (the fields are marked invalid and point at them).
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

/** See the module's documentation; `onDate` gets the field's new day, or null when it was cleared. */
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
