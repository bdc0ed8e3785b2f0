import { connect, createServer, type Socket } from 'node:net';

export interface StallingRelay {
  /** The loopback port to connect to instead of the real server's. */
  port: number;
  /** When the relay stopped answering (performance.now() of this process), once it has. */
  stalledAt(): number | undefined;
  close(): Promise<void>;
}

/**
 * A TCP relay to a real server that behaves like the server being paused (SIGSTOP) at a chosen moment:
 * it relays both ways until a client sends bytes containing `marker` (say, a table name that only the
 * command under test queries), and from then on relays nothing more on any connection, old or new. The
 * connections stay open and nothing comes back, so only a deadline ends the wait.
 */
export async function stallingRelay(
  target: { host: string; port: number },
  marker: string,
): Promise<StallingRelay> {
  let stalledAt: number | undefined;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (stalledAt !== undefined) return; // a paused server still accepts (the kernel does), and never answers
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    // The marker may straddle two reads: look at the end of the previous one too.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      if (stalledAt !== undefined) return;
      const text = tail + chunk.toString('latin1');
      if (text.includes(marker)) {
        stalledAt = performance.now();
        return;
      }
      tail = text.slice(-marker.length);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (stalledAt === undefined) client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  return {
    port: address.port,
    stalledAt: () => stalledAt,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
