import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './metrics.ts';

/**
 * The monitoring listener: /healthz (the process is up and can do its job), /readyz (every part it needs
 * answers in time) and /metrics (Prometheus). Nothing here reads or shows data; a check's failure says only
 * what failed.
 */

/** A readiness check: resolves when the part is usable, rejects (or times out) when it is not. */
export type Check = () => Promise<void>;

/**
 * Pages served on the same listener (PHI_DELIVERY=link, src/web/): true when it took the request, whatever
 * its method; false leaves it to the monitoring routes.
 */
export type HttpRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

/** How long /readyz waits for each part. */
export const READY_DEADLINE_MS = 1_500;

export interface HttpListener {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

/**
 * Whether the process can do its job at all: undefined when it can, else why not, in a few words. A
 * process that cannot (say, the bot shut out of Discord for a while) answers /healthz 503, so that a
 * supervisor restarts it or alerts.
 */
export type Liveness = () => string | undefined;

export async function startHttp(
  where: { host: string; port: number },
  checks: Readonly<Record<string, Check>>,
  opts: { alive?: Liveness; deadlineMs?: number; routes?: HttpRoutes } = {},
): Promise<HttpListener> {
  const deadlineMs = opts.deadlineMs ?? READY_DEADLINE_MS;
  const server = createServer((req, res) => {
    if (opts.routes?.(req, res)) return;
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    switch (path) {
      case '/healthz': {
        const why = opts.alive?.();
        if (why === undefined) send(200, 'text/plain; charset=utf-8', 'ok\n');
        else send(503, 'text/plain; charset=utf-8', `unhealthy: ${why}\n`);
        return;
      }
      case '/readyz':
        void readiness(checks, deadlineMs).then((r) =>
          send(r.ready ? 200 : 503, 'application/json', `${JSON.stringify(r)}\n`),
        );
        return;
      case '/metrics':
        registry.metrics().then(
          (text) => send(200, registry.contentType, text),
          () => send(500, 'text/plain; charset=utf-8', 'metrics could not be collected\n'),
        );
        return;
      default:
        send(404, 'text/plain; charset=utf-8', 'not found: try /healthz, /readyz or /metrics\n');
    }
  });
  await listen(server, where);
  const { port } = server.address() as AddressInfo;
  const host = where.host.includes(':') ? `[${where.host}]` : where.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, where: { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `HTTP_PORT ${where.port} is already in use on ${where.host}`
            : `cannot listen on ${where.host}:${where.port} (${err.code ?? err.message})`,
        ),
      );
    server.once('error', failed);
    server.listen(where.port, where.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

export interface Readiness {
  ready: boolean;
  /** The parts that failed, by name. */
  failing: string[];
  /** Each part: "ok" or why not. */
  checks: Record<string, string>;
}

export async function readiness(
  checks: Readonly<Record<string, Check>>,
  deadlineMs: number,
): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await within(check, deadlineMs)] as const),
  );
  const failing = results.filter(([, r]) => r !== 'ok').map(([name]) => name);
  return { ready: failing.length === 0, failing, checks: Object.fromEntries(results) };
}

async function within(check: Check, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ms} ms`), ms);
  });
  try {
    return await Promise.race([check().then(() => 'ok', reason), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a check failed, in a few words: an error code where there is one (never a query or a value). */
function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string') return `failed (${e.code})`;
  return `failed (${typeof e?.message === 'string' ? e.message.slice(0, 120) : 'unknown error'})`;
}
