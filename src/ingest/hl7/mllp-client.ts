import net, { type Socket } from 'node:net';
import tls from 'node:tls';
import { frame, MllpDecoder } from './mllp.ts';

/**
 * A small MLLP sender: the worked example's script, the tests and the benchmark use it. Acknowledgements
 * come back in the order the messages were sent, so each `send` resolves with its own.
 */
export class MllpClient {
  private readonly waiting: { resolve: (ack: string) => void; reject: (err: Error) => void }[] = [];
  private readonly decoder = new MllpDecoder(16 * 1024 * 1024);

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      for (const ev of this.decoder.push(chunk)) {
        if (ev.kind === 'frame') this.waiting.shift()?.resolve(ev.bytes.toString('utf8'));
      }
    });
    const fail = (err: Error) => {
      for (const w of this.waiting.splice(0)) w.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the listener closed the connection')));
  }

  static connect(
    port: number,
    host = '127.0.0.1',
    secure?: { ca?: Buffer; rejectUnauthorized?: boolean },
  ): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const socket = secure
        ? tls.connect({ port, host, ...secure }, () => resolve(new MllpClient(socket)))
        : net.connect({ port, host }, () => resolve(new MllpClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends one message (segments separated by \r) and resolves with the acknowledgement's text. */
  send(message: string): Promise<string> {
    return this.sendRaw(frame(message));
  }

  /** Sends bytes as they are (a frame of your own making, or garbage) and waits for one answer. */
  sendRaw(bytes: Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(bytes);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.end();
    });
  }
}

/** The acknowledgement code of an ACK's MSA-1 (AA, AE, AR), or '' when there is none. */
export function ackCode(ack: string): string {
  return /(?:^|\r)MSA\|(A[AER])/.exec(ack)?.[1] ?? '';
}
