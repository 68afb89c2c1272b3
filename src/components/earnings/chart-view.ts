import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import type { NetVolumeBucket } from '../../core/net-volume.js';
import { formatBucketLabel } from '../../core/time.js';
import { chartLayout, type ChartLayout } from './chart.model.js';
import type { CrosshairController } from './crosshair-controller.js';
import type { CurrentView } from './series-controller.js';
import type { Series } from './earnings.data.js';
import { bucketLabel, chartSummary, completeness } from './words.model.js';

/**
 * The last value computed from a list of dependencies, recomputed only when one of them changes
 * (compared with `===`): what a render keeps between renders (labels, layout, summary).
 */
class Memo<T> {
  private deps?: readonly unknown[];
  private value?: T;

  /** `compute()`'s value for `deps`: the kept one when every dependency is the same as last time. */
  get(deps: readonly unknown[], compute: () => T): T {
    const d = this.deps;
    if (d && d.length === deps.length && d.every((v, i) => v === deps[i])) return this.value as T;
    this.value = compute();
    this.deps = deps;
    return this.value;
  }
}

/** What one drawing of the chart takes. */
export interface ChartInput {
  view: CurrentView;
  /** The previous period, drawn dashed when `compare` is on and it has loaded. */
  previous: Series | null | undefined;
  compare: boolean;
  width: number;
  height: number;
  locale: string;
  strings: Strings;
}

/**
 * Draws the chart of one element: the SVG of gridlines, axes, area and line (with the previous
 * period dashed), the crosshair in a layer of its own above it, the tooltip, and the legend.
 *
 * Large charts: the labels, the layout and the summary are computed once per series (and the
 * layout once per size), so a crosshair move redraws only the crosshair layer and the tooltip;
 * the width comes from the element's WidthController, never from reading layout while rendering.
 */
export class ChartView {
  /** The layout last drawn (the crosshair finds buckets in it). */
  layout?: ChartLayout;
  private readonly layouts = new Memo<ChartLayout>();
  private readonly labels = new Memo<(index: number) => string>();
  private readonly summaries = new Memo<string>();

  render(input: ChartInput, crosshair: CrosshairController): TemplateResult {
    const { view, width, height, locale, strings: s } = input;
    const points = view.series.points;
    const previous = input.compare && input.previous ? input.previous : null;
    const layout = this.layoutFor(view, previous, width, height, locale);
    const { plot } = layout;
    const summary = this.summaries.get([view.series, view.range, view.interval, view.currency, view.timeZone, locale, s], () =>
      chartSummary(points, view.range, view.interval, { currency: view.currency, timeZone: view.timeZone, locale, strings: s }),
    );
    const showPrevious = previous !== null && layout.previousPath !== null;
    const active = crosshair.active !== null && crosshair.active < points.length ? crosshair.active : null;
    const prevPoint = showPrevious && active !== null && active < previous.points.length ? previous.points[active] : null;
    return html`
      <div class="chart">
        <svg
          part="svg"
          role="img"
          tabindex="0"
          aria-label=${summary}
          aria-describedby="hint"
          width=${width}
          height=${height}
          viewBox="0 0 ${width} ${height}"
          @keydown=${crosshair.onKeyDown}
          @blur=${crosshair.onBlur}
          @pointermove=${crosshair.onPointer}
          @pointerdown=${crosshair.onPointer}
          @pointerleave=${crosshair.onPointerLeave}
        >
          <g class="grid">
            ${layout.yTicks.map((t) => svg`<line x1=${plot.left} x2=${plot.right} y1=${t.y} y2=${t.y}></line>`)}
          </g>
          <g class="axis y">
            ${layout.yTicks.map((t) => svg`<text x=${plot.left - 8} y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`)}
          </g>
          <g class="axis x">
            ${layout.xTicks.map((t) => svg`<text x=${t.x} y=${plot.bottom + 18} text-anchor="middle">${t.label}</text>`)}
          </g>
          <g class="series">
            <path class="bars" d=${layout.bars.positive}></path>
            <path class="bars negative" d=${layout.bars.negative}></path>
            ${layout.incompleteBars.map(
              (b) => svg`<rect class="bar incomplete ${b.negative ? 'negative' : ''}" data-index=${b.index}
                x=${b.x} y=${b.y} width=${layout.barWidth} height=${b.height}></rect>`,
            )}
          </g>
          ${showPrevious ? svg`<path class="previous" d=${layout.previousPath ?? ''}></path>` : nothing}
          <line class="zero" x1=${plot.left} x2=${plot.right} y1=${layout.zeroY} y2=${layout.zeroY}></line>
        </svg>
        <svg class="overlay" aria-hidden="true" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
          ${active !== null
            ? svg`
                <rect class="crosshair" x=${plot.left + layout.step * active} y=${plot.top} width=${layout.step} height=${plot.bottom - plot.top}></rect>
                ${prevPoint ? svg`<circle class="previous-dot" cx=${layout.xs[active]} cy=${layout.previousYs[active]} r="3"></circle>` : nothing}
              `
            : nothing}
        </svg>
        ${active !== null ? tooltip(input, layout, active, prevPoint) : nothing}
      </div>
      ${showPrevious || layout.incompleteBars.length
        ? html`<ul class="legend" aria-hidden="true">
            ${showPrevious
              ? html`<li><span class="swatch"></span>${s.earnings.currentPeriod}</li>
                  <li><span class="swatch dashed"></span>${s.earnings.previousPeriod}</li>`
              : nothing}
            ${layout.incompleteBars.length ? html`<li><span class="swatch incomplete"></span>${s.earnings.incompleteLegend}</li>` : nothing}
          </ul>`
        : nothing}
      <span id="hint" class="visually-hidden">${s.earnings.keyboardHint}</span>
    `;
  }

  /** The layout, computed again only when the series, the size, the locale or the compared series change. */
  private layoutFor(view: CurrentView, previous: Series | null, width: number, height: number, locale: string): ChartLayout {
    const { series, interval, currency, timeZone } = view;
    // The x labels do not depend on the size: each is formatted once, when first drawn or sampled.
    const label = this.labels.get([series, interval, timeZone, locale], () => {
      const cache: string[] = [];
      return (i: number) => (cache[i] ??= formatBucketLabel(series.points[i].start, interval, timeZone, locale, 'short'));
    });
    const compared = previous?.points ?? null;
    const incomplete = view.incomplete;
    this.layout = this.layouts.get([series, interval, currency, timeZone, compared, width, height, locale, label, incomplete], () =>
      chartLayout({ points: series.points, incomplete, previous: compared, label, width, height, interval, currency, timeZone, locale }),
    );
    return this.layout;
  }
}

/**
 * The card shown for the active bucket, beside its column: its period (saying "so far" when the
 * period is not over), net volume, count, and with `compare` the date and value it is compared
 * with. Positioned through the `style` property (CSSOM, which a Content-Security-Policy without
 * `unsafe-inline` allows), never a `style` attribute.
 */
function tooltip(input: ChartInput, layout: ChartLayout, index: number, prev: NetVolumeBucket | null): TemplateResult {
  const { view, locale, strings: s } = input;
  const p = view.series.points[index];
  const x = layout.xs[index];
  const side = x > layout.width * 0.6 ? `right: ${Math.round(layout.width - x + layout.step / 2 + 8)}px` : `left: ${Math.round(x + layout.step / 2 + 8)}px`;
  const label = (start: number, i?: number) =>
    bucketLabel(start, view.interval, view.timeZone, locale, s, i === undefined ? undefined : completeness(i, view.incomplete, view.range.span));
  return html`
    <div class="tooltip" part="tooltip" .style=${side} aria-hidden="true">
      <div class="t-label">${label(p.start, index)}</div>
      <div class="t-amount">${formatMoney(p.net, view.currency, locale)}</div>
      ${view.series.countsKnown ? html`<div class="t-count">${s.earnings.transactionCount(p.count, locale)}</div>` : nothing}
      ${prev ? html`<div class="t-previous">${label(prev.start)}: ${formatMoney(prev.net, view.currency, locale)}</div>` : nothing}
    </div>
  `;
}
