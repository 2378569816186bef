// Straight lines drawn over a chart.js chart by the course's plugins (markers, thresholds, the
// early-stopping rule's deadline): one stroke, and the dash reset so the next stroke is solid.
export function strokeLine(
  ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number,
  color: string, dash: number[] = [], width = 1.5,
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** A chart plugin's options, read where chart.js keeps them (options.plugins[id]); undefined when the chart has none. */
export function pluginOptions<T>(chart: { options: { plugins?: unknown } }, id: string): T | undefined {
  return (chart.options.plugins as Record<string, T | undefined> | undefined)?.[id];
}
