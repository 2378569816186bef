// chart.js, tree-shaken: only the pieces the course's charts use are registered (line charts
// on linear or log axes, bar histograms on a category axis, tooltips, and the filler that
// shades a band between two lines: the spread over seeds); legends are HTML (ChartLegend.tsx).
// The build treats property reads as side-effect free (astro.config.mjs) so the scales and controllers
// left out here are left out of the bundle too.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, LinearScale, LineController,
  LineElement, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';
import { logAxisTickLabel, tickLabel } from './number-format.ts';

Chart.register(
  LineController, LineElement, PointElement, BarController, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Filler, Tooltip,
);
Chart.defaults.animation = false; // live training redraws many times a second
Chart.defaults.maintainAspectRatio = false;
// Tick labels without Intl (number-format.ts says why).
Chart.defaults.scales.linear.ticks.callback = tickLabel;
Chart.defaults.scales.logarithmic.ticks.callback = logAxisTickLabel;

export { Chart };
export type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
