import type { VNode } from 'preact';

export interface LegendItem {
  label: string;
  /** A palette series index (CSS --series-1 … --series-4), or 'muted'. */
  color: number | 'muted';
  /** A line key (a curve; dashed if the curve is) or a box key (a bar). */
  key: 'line' | 'dashed' | 'box';
}

/** CSS colour of a palette series index: the theme's variables, so a theme switch recolours the key too. */
export const seriesColor = (c: number | 'muted'): string => (c === 'muted' ? 'var(--text-muted)' : `var(--series-${(c % 4) + 1})`);

/**
 * A chart's legend as text on the page (not painted into the canvas): it wraps on a narrow
 * screen, is read by screen readers and found by search, and keeps chart.js's legend plugin
 * out of the bundle.
 */
export function ChartLegend({ items }: { items: LegendItem[] }): VNode | null {
  if (!items.length) return null;
  return (
    <ul class="chart-legend">
      {items.map((it) => (
        <li key={it.label}>
          <span class={`chart-key chart-key-${it.key}`} style={{ '--key': seriesColor(it.color) }} aria-hidden="true" />
          {it.label}
        </li>
      ))}
    </ul>
  );
}
