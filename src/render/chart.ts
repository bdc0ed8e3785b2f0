import { createRequire } from 'node:module';
import quickchartModule from 'quickchart-js';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import type { ReplyChart } from '../core/reply.ts';

/**
 * Draws a reply's chart as a PNG. `local` (the default) runs Chart.js 4 in-process on @napi-rs/canvas
 * with a bundled font, so no data leaves the hospital; `quickchart` sends the same configuration to a
 * QuickChart server (self-hosted, at QUICKCHART_URL), asking for Chart.js 4.
 */
export async function renderChart(chart: ReplyChart, settings: Config['charts']): Promise<Buffer> {
  // Chart.js writes into the configuration it is given; each renderer gets its own copy.
  const config = structuredClone(chart.config);
  return settings.renderer === 'quickchart'
    ? quickchart(config, chart, settings.quickchartUrl)
    : local(config, chart);
}

interface QuickChartClient {
  setConfig(config: unknown): this;
  setVersion(v: string): this;
  setWidth(w: number): this;
  setHeight(h: number): this;
  setBackgroundColor(c: string): this;
  setFormat(f: string): this;
  setScheme(s: string): this;
  setHost(h: string): this;
  toBinary(): Promise<Buffer>;
}

const FONT_FAMILY = 'HersSans';
let localRenderer: Promise<(config: unknown, width: number, height: number) => Buffer> | undefined;

function loadLocal() {
  localRenderer ??= (async () => {
    const [{ createCanvas, GlobalFonts }, { Chart, registerables }] = await Promise.all([
      import('@napi-rs/canvas'),
      import('chart.js'),
    ]);
    Chart.register(...registerables);
    const require = createRequire(import.meta.url);
    const font = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    if (!GlobalFonts.registerFromPath(font, FONT_FAMILY))
      throw new Error(`could not load the chart font ${font}`);
    Chart.defaults.font.family = FONT_FAMILY;
    Chart.defaults.color = '#1f2937';
    return (config: unknown, width: number, height: number) => {
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      // Chart.js accepts any 2D context; @napi-rs/canvas's is a faithful one without the DOM types.
      const instance = new Chart(
        ctx as unknown as ConstructorParameters<typeof Chart>[0],
        config as ConstructorParameters<typeof Chart>[1],
      );
      try {
        return canvas.toBuffer('image/png');
      } finally {
        instance.destroy();
      }
    };
  })();
  return localRenderer;
}

async function local(config: ReplyChart['config'], chart: ReplyChart): Promise<Buffer> {
  const draw = await loadLocal();
  return draw(config, chart.width, chart.height);
}

async function quickchart(config: ReplyChart['config'], chart: ReplyChart, baseUrl: string): Promise<Buffer> {
  const url = new URL(baseUrl);
  // quickchart-js's types declare `export =` while its ESM build exports a default class.
  const QuickChart = quickchartModule as unknown as new () => QuickChartClient;
  const qc = new QuickChart();
  qc.setConfig(config)
    .setVersion('4')
    .setWidth(chart.width)
    .setHeight(chart.height)
    .setBackgroundColor('#ffffff')
    .setFormat('png')
    .setScheme(url.protocol.replace(':', ''))
    .setHost(url.host);
  try {
    return await qc.toBinary();
  } catch (err) {
    throw new UserError(
      'unavailable',
      `The chart server at ${url.origin} did not draw the chart (${(err as Error).message}).`,
    );
  }
}
