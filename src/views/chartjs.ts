// chart.js, tree-shaken: only the pieces the course's charts use are registered (line charts
// on linear or log axes, bar histograms on a category axis, tooltips, and the filler that
// shades a band between two lines: the spread over seeds); legends are HTML (ChartLegend.tsx).
// The build treats property reads as side-effect free (astro.config.mjs) so the scales and controllers
// left out here are left out of the bundle too.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, LinearScale, LineController,
  LineElement, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';
import { tickLabel } from './number-format.ts';

Chart.register(
  LineController, LineElement, PointElement, BarController, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Filler, Tooltip,
);
Chart.defaults.animation = false; // live training redraws many times a second
Chart.defaults.maintainAspectRatio = false;
// Tick labels without Intl (number-format.ts says why). A log axis labels its powers of ten (logTick).
Chart.defaults.scales.linear.ticks.callback = tickLabel;
Chart.defaults.scales.logarithmic.ticks.callback = function (value, index, ticks) {
  const k = Math.log10(Number(value));
  const mantissa = Number(value) / 10 ** Math.floor(k);
  return [1, 2, 3, 5].some((m) => Math.abs(mantissa - m) < 1e-9) || index > 0.8 * ticks.length ? tickLabel(value, index, ticks) : '';
};

export { Chart };
export type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
