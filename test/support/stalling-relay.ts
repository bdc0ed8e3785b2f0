import { connect, createServer, type Socket } from 'node:net';

export interface StallingRelay {
  /** The loopback port to connect to instead of the real server's. */
  port: number;
  /** When the relay stopped answering (performance.now() of this process), once it has. */
  stalledAt(): number | undefined;
  /**
   * The server wakes up (SIGCONT): everything held back is delivered, both ways, and new connections reach
   * it again. With `nextMarker`, the relay stalls again at the next bytes that contain it.
   */
  resume(nextMarker?: string): void;
  close(): Promise<void>;
}

/**
 * A TCP relay to a real server that behaves like the server being paused (SIGSTOP) at a chosen moment:
 * it relays both ways until a client sends bytes containing `marker` (say, a table name that only the
 * command under test queries), and from then on relays nothing more on any connection, old or new, until
 * resume(). The connections stay open and nothing comes back, so only a deadline ends the wait; what was
 * sent meanwhile is held, and delivered on resume() as a woken server would.
 */
export async function stallingRelay(
  target: { host: string; port: number },
  marker: string,
): Promise<StallingRelay> {
  let armed: string | undefined = marker;
  let stalledAt: number | undefined;
  const sockets = new Set<Socket>();
  /** What each held connection does once the server wakes up. */
  const wakers = new Set<() => void>();

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const toServer: Buffer[] = [];
    const toClient: Buffer[] = [];
    let upstream: Socket | undefined;
    const open = () => {
      const up = connect(target.port, target.host);
      upstream = up;
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      up.on('error', () => client.destroy());
      up.on('data', (chunk: Buffer) => {
        if (stalledAt === undefined) client.write(chunk);
        else toClient.push(chunk);
      });
      up.on('end', () => client.end());
      for (const chunk of toServer.splice(0)) up.write(chunk);
    };
    const wake = () => {
      if (upstream === undefined) open();
      else for (const chunk of toServer.splice(0)) upstream.write(chunk);
      for (const chunk of toClient.splice(0)) client.write(chunk);
    };
    wakers.add(wake);
    client.on('close', () => wakers.delete(wake));
    // A paused server still accepts (the kernel does), and never answers.
    if (stalledAt === undefined) open();
    // The marker may straddle two reads: look at the end of the previous one too.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      if (stalledAt === undefined && armed !== undefined) {
        const text = tail + chunk.toString('latin1');
        if (text.includes(armed)) stalledAt = performance.now();
        else tail = text.slice(-armed.length);
      }
      if (stalledAt === undefined && upstream) upstream.write(chunk);
      else toServer.push(chunk);
    });
    client.on('end', () => upstream?.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  return {
    port: address.port,
    stalledAt: () => stalledAt,
    resume(nextMarker) {
      armed = nextMarker;
      stalledAt = undefined;
      for (const wake of [...wakers]) wake();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
