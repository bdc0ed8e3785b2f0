import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart, lineChart, pieChart, scatterChart } from '../../src/core/charts.ts';
import type { ReplyChart } from '../../src/core/reply.ts';
import { renderChart } from '../../src/render/chart.ts';
import { inkOf, pngSize } from '../support/png.ts';

const LOCAL = { renderer: 'local', quickchartUrl: 'http://127.0.0.1:9' } as const;

const charts: [string, ReplyChart][] = [
  [
    'bar',
    barChart(
      'Treatments by type (last 7 days)',
      ['Medication', 'Surgery', 'Casting'],
      [{ label: 'treatments', data: [120, 40, 33] }],
      { x: 'type', y: 'treatments' },
    ),
  ],
  [
    'stacked bar',
    barChart(
      'Arrivals',
      ['critical', 'serious'],
      [
        { label: 'ESI 1', data: [3, 0] },
        { label: 'ESI 2', data: [2, 9] },
      ],
      { x: 'condition', y: 'arrivals' },
      true,
    ),
  ],
  [
    'line',
    lineChart('Arrivals per day', ['2026-03-01', '2026-03-02', '2026-03-03'], 'arrivals', [250, 301, 277], {
      x: 'date',
      y: 'arrivals',
    }),
  ],
  ['pie', pieChart('Physicians by specialty', ['Emergency Medicine', 'Cardiology', 'Neurology'], [25, 4, 4])],
  [
    'scatter',
    scatterChart(
      'Age against stay',
      'visits',
      [
        { x: 20, y: 3 },
        { x: 70, y: 6.5 },
        { x: 85, y: 9 },
      ],
      { x: 'age', y: 'hours' },
    ),
  ],
];

describe('local chart renderer', () => {
  it.each(charts)(
    'draws a %s chart as a PNG of the configured size that is not blank',
    async (_kind, chart) => {
      const png = await renderChart(chart, LOCAL);
      expect(pngSize(png)).toEqual({ width: chart.width, height: chart.height });
      const ink = await inkOf(png);
      expect(ink.colours).toBeGreaterThan(10);
      expect(ink.inked).toBeGreaterThan(0.01);
    },
  );

  it('leaves the reply untouched (Chart.js mutates what it is given)', async () => {
    const chart = charts[0]?.[1] as ReplyChart;
    const before = JSON.stringify(chart);
    await renderChart(chart, LOCAL);
    expect(JSON.stringify(chart)).toBe(before);
  });
});

describe('QuickChart renderer, against a loopback stand-in', () => {
  let server: Server;
  let base: string;
  let status = 200;
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
  let png: Buffer;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });

  beforeAll(async () => {
    png = await renderChart(charts[0]?.[1] as ReplyChart, LOCAL);
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          body: JSON.parse(body || '{}') as Record<string, unknown>,
        });
        if (status !== 200) {
          res.writeHead(status, { 'x-quickchart-error': 'stand-in failure' }).end('failed');
          return;
        }
        res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the same Chart.js config with version 4 and the size, and returns the PNG', async () => {
    const chart = charts[2]?.[1] as ReplyChart;
    const out = await renderChart(chart, { renderer: 'quickchart', quickchartUrl: base });
    expect(out.equals(png)).toBe(true);
    const last = requests[requests.length - 1];
    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/chart');
    expect(last?.body).toMatchObject({
      version: '4',
      width: chart.width,
      height: chart.height,
      format: 'png',
    });
    // quickchart-js sends the config as a JavaScript object literal (it allows functions), not JSON.
    const sent = new Function(`return (${String(last?.body.chart)});`)() as unknown;
    expect(sent).toEqual(chart.config);
  });

  it('when the server fails, says which server in one sentence', async () => {
    status = 500;
    await expect(
      renderChart(charts[0]?.[1] as ReplyChart, { renderer: 'quickchart', quickchartUrl: base }),
    ).rejects.toThrow(`The chart server at ${base} did not draw the chart`);
    status = 200;
  });
});
