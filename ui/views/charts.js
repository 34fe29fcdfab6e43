// Charts, drawn by Chart.js (from the npm registry at build time, into
// ui/lib/; see vendor/package.json). Labels are drawn as text on a canvas,
// never as markup. Colours come from the theme's CSS variables and follow
// the system when it turns light or dark. Every chart stands beside a table
// with the same figures, for screen readers and printouts.

import { el } from '../dom.js';
import { viewSignal } from '../nav.js';

/** The charts on the view being shown, to recolour when the theme changes. */
const live = new Set();

function colours() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return { text: read('--text'), muted: read('--muted'), grid: read('--border'), now: read('--accent'), before: read('--chart-before') };
}

function themed(options, colour) {
  for (const axis of Object.values(options.scales)) {
    axis.ticks.color = colour.text;
    axis.grid.color = colour.grid;
  }
  options.plugins.legend.labels.color = colour.text;
}

/** On paper the charts are black on white, whatever the theme on screen. */
const PAPER = { text: '#000000', muted: '#444444', grid: '#bbbbbb', now: '#1d6b63', before: '#a9b3af' };

function recolour(colour) {
  for (const chart of live) {
    chart.data.datasets[0].backgroundColor = colour.now;
    chart.data.datasets[1].backgroundColor = colour.before;
    themed(chart.options, colour);
    chart.update();
  }
}

window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => recolour(colours()));
window.addEventListener('beforeprint', () => recolour(PAPER));
window.addEventListener('afterprint', () => recolour(colours()));

/** Chart.js, loaded the first time a chart is wanted: start never waits for it. */
let loading = null;

export function loadCharts() {
  loading ??= new Promise((resolve) => {
    // Without it (a build that skipped fetching it), the tables still say everything.
    const script = el('script', { src: 'lib/chart.umd.min.js', onload: resolve, onerror: resolve });
    document.head.append(script);
  });
  return loading;
}

/**
 * A bar chart of `bars` ({label, this, previous}), this period beside the
 * one before; `format` writes a value, `onPick(bar)` opens what is behind a
 * bar of this period. Without Chart.js (a build that skipped fetching it),
 * nothing: the table beside it still says everything.
 */
export function barChart(bars, { title, horizontal = false, format = String, onPick }) {
  const Chart = window.Chart;
  if (!Chart || bars.length === 0) return null;
  const signal = viewSignal();
  const colour = colours();
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${title}: a chart of the table below`);
  const height = horizontal ? Math.max(140, 46 + bars.length * 34) : 240;
  const holder = document.createElement('div');
  holder.className = 'chart';
  holder.style.height = `${height}px`;
  holder.append(canvas);
  const options = {
    indexAxis: horizontal ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { color: colour.text, boxWidth: 14 } },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.raw)}` } },
    },
    scales: {
      x: { ticks: { color: colour.text }, grid: { color: colour.grid }, beginAtZero: true },
      y: { ticks: { color: colour.text }, grid: { color: colour.grid }, beginAtZero: true },
    },
    onClick: (event, elements) => {
      const hit = elements.find((element) => element.datasetIndex === 0);
      if (hit && onPick) onPick(bars[hit.index]);
    },
  };
  // The value axis counts in whole numbers, or money as money.
  const values = options.scales[horizontal ? 'x' : 'y'].ticks;
  values.precision = 0;
  values.callback = (value) => format(value);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [
        { label: 'This period', data: bars.map((bar) => bar.this), backgroundColor: colour.now },
        { label: 'The period before', data: bars.map((bar) => bar.previous), backgroundColor: colour.before },
      ],
    },
    options,
  });
  live.add(chart);
  signal.addEventListener('abort', () => {
    live.delete(chart);
    chart.destroy();
  });
  return holder;
}
