import type { ChartConfig, ReplyChart } from './reply.ts';

/** Chart.js configurations with readable defaults: a title naming the window, labelled axes, no animation. */

export const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#475569',
  '#ea580c',
];
const SIZE = { width: 900, height: 500 };

function baseOptions(title: string, x?: string, y?: string): Record<string, unknown> {
  return {
    animation: false,
    responsive: false,
    plugins: { title: { display: true, text: title, font: { size: 18 } }, legend: { display: true } },
    scales: {
      x: { title: { display: x !== undefined, text: x ?? '' } },
      y: { beginAtZero: true, title: { display: y !== undefined, text: y ?? '' } },
    },
  };
}

export function barChart(
  title: string,
  labels: string[],
  series: { label: string; data: number[] }[],
  axes: { x: string; y: string },
  stacked = false,
): ReplyChart {
  const options = baseOptions(title, axes.x, axes.y);
  if (stacked) {
    options.scales = {
      x: { stacked: true, title: { display: true, text: axes.x } },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: axes.y } },
    };
  }
  if (series.length === 1) (options.plugins as Record<string, unknown>).legend = { display: false };
  const config: ChartConfig = {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: PALETTE[i % PALETTE.length],
      })),
    },
    options,
  };
  return { config, ...SIZE };
}

export function lineChart(
  title: string,
  labels: string[],
  label: string,
  data: number[],
  axes: { x: string; y: string },
): ReplyChart {
  return {
    config: {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label,
            data,
            borderColor: PALETTE[0],
            backgroundColor: PALETTE[0],
            fill: false,
            tension: 0.2,
            pointRadius: 2,
          },
        ],
      },
      options: {
        ...baseOptions(title, axes.x, axes.y),
        plugins: { title: { display: true, text: title, font: { size: 18 } }, legend: { display: false } },
      },
    },
    ...SIZE,
  };
}

export function pieChart(title: string, labels: string[], data: number[]): ReplyChart {
  return {
    config: {
      type: 'pie',
      data: {
        labels,
        datasets: [{ data, backgroundColor: labels.map((_, i) => PALETTE[i % PALETTE.length] ?? '#888') }],
      },
      options: {
        animation: false,
        responsive: false,
        plugins: { title: { display: true, text: title, font: { size: 18 } }, legend: { position: 'right' } },
      },
    },
    ...SIZE,
  };
}

export function scatterChart(
  title: string,
  label: string,
  points: { x: number; y: number }[],
  axes: { x: string; y: string },
): ReplyChart {
  const options = baseOptions(title, axes.x, axes.y);
  (options.plugins as Record<string, unknown>).legend = { display: false };
  return {
    config: {
      type: 'scatter',
      data: {
        datasets: [{ label, data: points, backgroundColor: 'rgba(37, 99, 235, 0.45)', pointRadius: 3 }],
      },
      options,
    },
    ...SIZE,
  };
}

/** Several lines over the same labels (one colour each); a null leaves a gap for a day without data. */
export function linesChart(
  title: string,
  labels: string[],
  series: { label: string; data: (number | null)[] }[],
  axes: { x: string; y: string },
): ReplyChart {
  return {
    config: {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.data,
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          fill: false,
          tension: 0.2,
          pointRadius: 2,
        })),
      },
      options: baseOptions(title, axes.x, axes.y),
    },
    ...SIZE,
  };
}
