import { readFileSync } from 'node:fs';
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import tls from 'node:tls';
import { UserError } from '../../core/errors.ts';
import type { Pool } from '../../data/mysql.ts';
import type { Logger } from '../../log.ts';
import { GroupCommitter } from './committer.ts';
import { Hl7Connection } from './connection.ts';
import { purgeMessages } from '../../data/hl7.queries.ts';
import type { Hl7Settings } from '../../config/hl7.ts';

export interface Hl7Listener {
  address: AddressInfo;
  /** Stops accepting, answers every message already read, closes the connections. */
  close(): Promise<void>;
}

/** Transactions that may run at once; a connection's messages always use the same one. */
export const LANES = 4;
const PURGE_EVERY_MS = 3_600_000;

export async function startListener(opts: {
  settings: Hl7Settings;
  timeZone: string;
  pool: Pool;
  log: Logger;
}): Promise<Hl7Listener> {
  const { settings, pool, log } = opts;
  const committer = new GroupCommitter(pool, LANES, log);
  const connections = new Set<Hl7Connection>();
  let sequence = 0;
  const accept = (socket: Socket) => {
    const id = ++sequence;
    const connection = new Hl7Connection(
      socket,
      id,
      { ...settings, timeZone: opts.timeZone },
      committer,
      log,
    );
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  };
  const server: Server = settings.tls
    ? tls.createServer(
        { cert: readFileSync(settings.tls.certFile), key: readFileSync(settings.tls.keyFile) },
        accept,
      )
    : net.createServer(accept);
  server.on('tlsClientError', (err: NodeJS.ErrnoException) =>
    log.info({ code: err.code }, 'hl7 TLS handshake failed'),
  );

  const purge = () => purgeOld(pool, settings.retentionDays, log);
  await purge();
  const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
  timer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new UserError(
          'unavailable',
          `Cannot listen on ${settings.host}:${settings.port} (${err.code ?? 'error'}): is the port in use?`,
        ),
      ),
    );
    server.listen(settings.port, settings.host, resolve);
  });
  return {
    address: server.address() as AddressInfo,
    async close() {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...connections].map((c) => c.drain()));
      await committer.idle();
      await closed;
    },
  };
}

/** Deletes the raw messages older than the retention, a batch at a time. */
async function purgeOld(pool: Pool, days: number, log: Logger): Promise<void> {
  const before = new Date(Date.now() - days * 86_400_000);
  try {
    let total = 0;
    for (let n = 5000; n === 5000; total += n) n = await purgeMessages(pool, before);
    if (total > 0) log.info({ purged: total, retentionDays: days }, 'hl7 raw messages purged');
  } catch (err) {
    log.warn({ err }, 'hl7 purge of old raw messages failed');
  }
}
