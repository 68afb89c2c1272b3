import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Strings } from '../../core/i18n/registry.js';
import { afterNextPaint } from './after-paint.js';
import type { CurrentView } from './series-controller.js';
import { tableRows, type TableRow } from './words.model.js';

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

/**
 * The chart's text alternative: a visually hidden table of every bucket (`part="data-table"`,
 * rows with `data-start`), and when it is drawn. The table of the first chart an element shows
 * (thousands of rows for a long daily chart, costly to lay out) waits for a task after the
 * chart's frame has been painted, or a second later where frames are paused (a page in the
 * background; long enough that a slow first frame on a busy machine is not overtaken by the
 * table): the chart does not wait for it. Until then `pending` is true (the card is `aria-busy`).
 *
 * Its rows are made once per series, interval, zone, currency and locale: a crosshair move or a
 * resize does not touch the table.
 */
export class DataTableController implements ReactiveController {
  private ready = false;
  private scheduled = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Whether there is a table to show (a loaded series, no error). */
    private readonly wanted: () => boolean,
  ) {
    host.addController(this);
  }

  /** Whether a wanted table is not drawn yet. */
  get pending(): boolean {
    return this.wanted() && !this.ready;
  }

  hostUpdated(): void {
    if (this.ready || this.scheduled || !this.wanted()) return;
    this.scheduled = true;
    afterNextPaint(() => {
      this.scheduled = false;
      // An element that has left the page draws its table when it comes back.
      if (!this.host.isConnected) return;
      this.ready = true;
      this.host.requestUpdate();
    });
  }

  /** The table, once it may be drawn. */
  render(view: CurrentView, s: Strings, locale: string): TemplateResult | typeof nothing {
    if (!this.ready || !this.wanted()) return nothing;
    const { series, interval, currency, timeZone } = view;
    return html`${guard([series, interval, currency, timeZone, locale, s, view.incomplete], () => table(view, s, locale))}`;
  }
}

function table(view: CurrentView, s: Strings, locale: string): TemplateResult {
  const { series, interval, currency, timeZone } = view;
  const rows = tableRows(series.points, interval, {
    currency,
    timeZone,
    locale,
    strings: s,
    countsKnown: series.countsKnown,
    span: view.range.span,
    incomplete: view.incomplete,
  });
  const t = s.earnings.table;
  return html`
    <table part="data-table" class="visually-hidden">
      <caption>${s.earnings.netVolume}</caption>
      <thead>
        <tr>
          <th scope="col">${t.period}</th>
          ${series.countsKnown ? html`<th scope="col">${t.transactions}</th>` : nothing}
          <th scope="col">${t.netVolume}</th>
        </tr>
      </thead>
      <tbody>${tableBody(rows)}</tbody>
    </table>
  `;
}
