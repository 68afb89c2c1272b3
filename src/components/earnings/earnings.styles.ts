import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-earnings>`. */
export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
      --_control-height: 36px;
    }
    /* Fingers: every control at least 44px high. */
    @media (pointer: coarse) {
      :host {
        --_control-height: 44px;
      }
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 2);
      min-width: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 2);
      align-items: flex-start;
      justify-content: space-between;
    }
    .headline {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
      min-width: 0;
    }
    .total {
      font-size: 28px;
      font-weight: 600;
      line-height: 1.2;
      margin: 0;
      text-align: start;
    }
    /* One run of text: the arrow is glued to the first word by a no-break space. */
    .change {
      margin: 0;
      color: var(--_text-2);
      line-height: 20px;
    }
    /* One line for the change (two when narrow, where its words may wrap), loading or loaded. */
    .change-slot {
      min-height: 20px;
    }
    .narrow .change-slot {
      min-height: 40px;
    }
    .change .arrow.up {
      color: var(--_success);
    }
    .change .arrow.down {
      color: var(--_danger);
    }
    .link-button {
      background: none;
      border: 0;
      padding: 0;
      color: var(--_primary);
      text-decoration: underline;
      cursor: pointer;
    }
    .skeleton.total-skeleton {
      width: 160px;
      height: 34px;
    }
    .skeleton.change-skeleton {
      width: 220px;
      max-width: 100%;
      height: 16px;
      margin: 2px 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    .controls select,
    .controls input[type='date'] {
      min-height: var(--_control-height);
      padding: 0 var(--_space);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
      font: inherit;
    }
    .controls .check {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      min-height: var(--_control-height);
      cursor: pointer;
      color: var(--_text);
    }
    /* The interval menu is as wide as its longest name in any range: the names, hidden, share its
       grid cell (with room for the menu's padding and arrow). */
    .menu.sized {
      display: inline-grid;
    }
    .menu.sized > select,
    .menu.sized > .sizer-text {
      grid-area: 1 / 1;
      min-width: 0;
    }
    .sizer-text {
      display: grid;
      visibility: hidden;
      height: 0;
      padding-inline: calc(var(--_space) + 1px) calc(var(--_space) + 28px);
    }
    .sizer-text > span {
      grid-area: 1 / 1;
      white-space: nowrap;
    }
    .dates {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      color: var(--_text-2);
    }
    /* Narrow (the short chart, under 600px): two columns, the range menu taking what is left. */
    .narrow .controls {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .narrow .controls select {
      width: 100%;
    }
    .narrow .controls .check,
    .narrow .controls .dates {
      grid-column: 1 / -1;
    }
    .narrow .dates input {
      min-width: 0;
      flex: 1 1 0;
    }
    .narrow .dates .date {
      display: flex;
      flex: 1 1 0;
      min-width: 0;
    }
    .controls .check input {
      margin: 0;
      width: 16px;
      height: 16px;
      accent-color: var(--_primary);
    }
    .date {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      color: var(--_text-2);
    }
    .plot-area {
      position: relative;
      min-width: 0;
    }
    .plot-area.stale .chart,
    .headline.stale .total,
    .headline.stale .change {
      opacity: 0.5;
      transition: opacity 0.2s 0.15s;
    }
    .sizer {
      height: 0;
    }
    .chart {
      position: relative;
    }
    svg {
      display: block;
      /* Time runs left to right in every language, and the y labels end at the axis: in a
         right-to-left page, text-anchor="end" would otherwise put them over the plot. */
      direction: ltr;
      /* Never wider than the card, also before the ResizeObserver has measured it. */
      max-width: 100%;
      overflow: visible;
      touch-action: pan-y;
      border-radius: 4px;
      font-family: inherit;
    }
    svg:focus {
      outline: none;
    }

    /* The crosshair column and the compared value's dot, over the chart in a layer of their own:
       moving them repaints this layer only, never the thousands of bars below. */
    svg.overlay {
      position: absolute;
      top: 0;
      left: 0;
      pointer-events: none;
      will-change: transform;
    }
    svg:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    .grid line {
      stroke: var(--_border);
      stroke-width: 1;
      shape-rendering: crispEdges;
    }
    .zero {
      stroke: var(--_text-2);
      stroke-width: 1;
      shape-rendering: crispEdges;
    }
    .axis text {
      fill: var(--_text-2);
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .series {
      color: var(--_primary);
    }
    /* Bars are axis-aligned rectangles: crisp edges, and no anti-aliasing to raster (on a
       software rasteriser, 1,826 anti-aliased slivers took over 100 ms). */
    .bars,
    .bar {
      fill: currentColor;
      stroke: none;
      shape-rendering: crispEdges;
    }
    .bars.negative,
    .bar.negative {
      fill: var(--_danger);
    }
    /* A period not over yet (or cut by the range): lighter. */
    .bar.incomplete {
      fill-opacity: 0.4;
    }
    .previous {
      color: var(--_text-2);
      fill: none;
      stroke: currentColor;
      stroke-width: 1.5;
      stroke-dasharray: 4 4;
    }
    .previous-dot {
      color: var(--_text-2);
      fill: var(--_bg);
      stroke: currentColor;
      stroke-width: 1.5;
    }
    /* The active bucket's whole column: where a pointer or a finger selects it. */
    .crosshair {
      fill: var(--_text-2);
      fill-opacity: 0.14;
    }
    .tooltip {
      position: absolute;
      top: 0;
      pointer-events: none;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.08);
      font-size: 12px;
      min-width: 120px;
      max-width: 240px;
      z-index: 1;
    }
    .tooltip .t-label {
      color: var(--_text-2);
    }
    .tooltip .t-amount {
      font-size: 14px;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .tooltip .t-previous {
      margin-top: calc(var(--_space) / 2);
      color: var(--_text-2);
      font-variant-numeric: tabular-nums;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
      margin: var(--_space) 0 0;
      padding: 0;
      list-style: none;
      font-size: 12px;
      color: var(--_text-2);
    }
    .legend li {
      display: inline-flex;
      white-space: nowrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      background: var(--_primary);
    }
    .swatch.incomplete {
      opacity: 0.4;
    }
    .swatch.dashed {
      width: 16px;
      height: 0;
      background: none;
      border-top: 2px dashed var(--_text-2);
    }
    .chart-skeleton {
      height: var(--_chart-height, 240px);
    }
    .progress {
      margin: var(--_space) 0 0;
      color: var(--_text-2);
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      height: var(--_chart-height, 240px);
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--_text-2);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      margin: 0;
    }
    .error .message {
      margin: 0;
    }
    .error .message strong {
      display: block;
    }
  `,
];
