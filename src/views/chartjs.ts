// chart.js, tree-shaken: only the pieces the course's charts use are registered.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, LogarithmicScale, PointElement, ScatterController, Tooltip,
} from 'chart.js';

Chart.register(
  LineController, LineElement, PointElement, ScatterController, BarController, BarElement,
  LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip, Filler,
);
Chart.defaults.animation = false; // live training redraws many times a second
Chart.defaults.maintainAspectRatio = false;

export { Chart };
export type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
