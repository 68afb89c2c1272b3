import { css } from 'lit';
import { shared, tokens } from '../shared/theme.js';

/** Styles of `<express-earnings>`. */
export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
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
    .change {
      margin: 0;
      color: var(--_text-2);
      display: flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      flex-wrap: wrap;
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
      height: 1.2em;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    .controls select,
    .controls input[type='date'] {
      min-height: 36px;
      padding: 0 var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_text);
    }
    .controls .check {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      min-height: 36px;
      cursor: pointer;
      color: var(--_text);
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
    /* The crosshair and its dots, over the chart in a layer of their own: moving them repaints
       this layer only, never the area and line of thousands of buckets below. */
    svg.overlay {
      position: absolute;
      top: 0;
      inset-inline-start: 0;
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
    .area {
      fill: currentColor;
      fill-opacity: 0.15;
      stroke: none;
    }
    .line {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .previous {
      color: var(--_text-2);
      fill: none;
      stroke: currentColor;
      stroke-width: 1.5;
      stroke-dasharray: 4 4;
    }
    .dot {
      fill: var(--_bg);
      stroke: currentColor;
      stroke-width: 2;
    }
    .previous-dot {
      color: var(--_text-2);
      fill: var(--_bg);
      stroke: currentColor;
      stroke-width: 1.5;
    }
    .crosshair {
      stroke: var(--_text-2);
      stroke-width: 1;
      shape-rendering: crispEdges;
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
      gap: calc(var(--_space) * 2);
      margin: var(--_space) 0 0;
      padding: 0;
      list-style: none;
      font-size: 12px;
      color: var(--_text-2);
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    .swatch {
      display: inline-block;
      width: 16px;
      height: 0;
      border-top: 2px solid var(--_primary);
    }
    .swatch.dashed {
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
