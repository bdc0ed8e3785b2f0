import type { Socket } from 'node:net';
import type { Logger } from '../../log.ts';
import { buildAck, type Outcome } from './ack.ts';
import type { GroupCommitter } from './committer.ts';
import { frame, MllpDecoder } from './mllp.ts';
import { prepare } from './prepare.ts';

export interface ConnectionSettings {
  maxFrameBytes: number;
  idleMs: number;
  allowedSenders: readonly string[];
  timeZone: string;
}

/** Frames taken from one connection and not yet answered, past which it is not read until some are. */
const MAX_IN_FLIGHT = 256;
/** Bytes outside frames a connection may send (stray line ends between frames) before it is closed. */
const MAX_GARBAGE_BYTES = 4096;

/**
 * One MLLP connection: frames in, acknowledgements out in the same order. Every frame is handed to the
 * committer as soon as it is read, so a sender that does not wait for each acknowledgement gets group
 * commits too. Logs name the connection, the sender, the control id and the outcome, never the message.
 */
export class Hl7Connection {
  private readonly decoder: InstanceType<typeof MllpDecoder>;
  private acks: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private garbage = 0;
  private frameStartedAt: number | undefined;
  private closed = false;
  private draining = false;

  constructor(
    private readonly socket: Socket,
    private readonly id: number,
    private readonly settings: ConnectionSettings,
    private readonly committer: GroupCommitter,
    private readonly log: Logger,
  ) {
    this.decoder = new MllpDecoder(settings.maxFrameBytes);
    // An acknowledgement is one small write: send it at once rather than wait to coalesce (Nagle).
    socket.setNoDelay(true);
    socket.setTimeout(settings.idleMs);
    socket.on('timeout', () => this.close('idle: nothing received for HL7_IDLE_SECONDS'));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      this.log.info({ connection: id, code: err.code }, 'hl7 connection error'),
    );
    socket.on('close', () => (this.closed = true));
  }

  private receive(chunk: Buffer): void {
    if (this.closed || this.draining) return;
    for (const ev of this.decoder.push(chunk)) {
      if (ev.kind === 'oversize') return this.close('frame over HL7_MAX_FRAME_BYTES');
      if (ev.kind === 'garbage') {
        this.garbage += ev.bytes;
        if (this.garbage > MAX_GARBAGE_BYTES) return this.close('bytes outside MLLP frames');
        continue;
      }
      this.frameStartedAt = undefined;
      this.take(ev.bytes);
    }
    const now = Date.now();
    if (this.decoder.inProgress) this.frameStartedAt ??= now;
    if (this.frameStartedAt !== undefined && now - this.frameStartedAt > this.settings.idleMs)
      return this.close('a frame left unfinished for HL7_IDLE_SECONDS');
    if (this.inFlight >= MAX_IN_FLIGHT) this.socket.pause();
  }

  private take(bytes: Buffer): void {
    const receivedAt = Date.now();
    const prepared = prepare(bytes, this.settings.timeZone, this.settings.allowedSenders);
    const outcome = this.committer.submit(this.id, prepared, receivedAt);
    this.inFlight++;
    this.acks = this.acks.then(async () => {
      const o = await outcome;
      this.inFlight--;
      this.report(prepared.header.sender, prepared.header.controlId, o);
      if (!this.closed) this.socket.write(frame(buildAck(prepared.header, o)));
      if (this.socket.isPaused() && !this.draining && this.inFlight < MAX_IN_FLIGHT / 2) this.socket.resume();
    });
  }

  private report(sender: string | undefined, controlId: string | undefined, o: Outcome): void {
    if (o.ack === 'AA') return;
    // The control id and the sender name the message for whoever looks it up in hl7_message.
    this.log.info(
      { connection: this.id, sender, controlId, ack: o.ack, code: o.errorCode, field: o.field },
      `hl7 message refused: ${o.field} ${o.reason}`,
    );
  }

  private close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.log.warn({ connection: this.id, reason }, 'hl7 connection closed');
    this.socket.destroy();
  }

  /** Stops reading, answers what was read, then ends the connection. */
  async drain(): Promise<void> {
    this.draining = true;
    this.socket.pause();
    await this.acks;
    if (!this.closed) await new Promise<void>((resolve) => this.socket.end(resolve));
  }
}
