/**
 * MLLP framing: a message is sent as 0x0B, the message, 0x1C 0x0D. The decoder is a state machine over the
 * bytes as they arrive; it never holds more than `maxFrameBytes` of one frame, and bytes outside a frame
 * are counted and dropped.
 */
export const START = 0x0b;
export const END = 0x1c;
export const CR = 0x0d;

export type FrameEvent =
  | { kind: 'frame'; bytes: Buffer }
  /** The frame in progress grew past the limit: the connection cannot resynchronise and should close. */
  | { kind: 'oversize' }
  /** Bytes seen outside a frame (garbage, or a sender not speaking MLLP). */
  | { kind: 'garbage'; bytes: number };

export class MllpDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  private inFrame = false;
  private sawEnd = false;
  private failed = false;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes held for a frame not yet complete. */
  get pending(): number {
    return this.size;
  }

  get inProgress(): boolean {
    return this.inFrame;
  }

  push(data: Buffer): FrameEvent[] {
    const events: FrameEvent[] = [];
    if (this.failed) return events;
    let garbage = 0;
    let i = 0;
    while (i < data.length) {
      if (!this.inFrame) {
        const start = data.indexOf(START, i);
        garbage += (start < 0 ? data.length : start) - i;
        if (start < 0) break;
        this.inFrame = true;
        this.sawEnd = false;
        i = start + 1;
        continue;
      }
      if (this.sawEnd) {
        this.sawEnd = false;
        if (data[i] === CR) {
          events.push({ kind: 'frame', bytes: this.take() });
          i++;
          continue;
        }
        // A 0x1C not followed by 0x0D belongs to the message (it never should: the message is refused).
        if (!this.add(Buffer.of(END))) return this.fail(events);
      }
      const end = data.indexOf(END, i);
      const stop = end < 0 ? data.length : end;
      if (!this.add(data.subarray(i, stop))) return this.fail(events);
      if (end < 0) break;
      this.sawEnd = true;
      i = end + 1;
    }
    if (garbage > 0) events.push({ kind: 'garbage', bytes: garbage });
    return events;
  }

  private add(bytes: Buffer): boolean {
    if (bytes.length === 0) return true;
    this.size += bytes.length;
    if (this.size > this.maxFrameBytes) return false;
    this.chunks.push(Buffer.from(bytes));
    return true;
  }

  private take(): Buffer {
    const frame = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    this.inFrame = false;
    return frame;
  }

  private fail(events: FrameEvent[]): FrameEvent[] {
    this.failed = true;
    this.chunks = [];
    this.size = 0;
    events.push({ kind: 'oversize' });
    return events;
  }
}

export function frame(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(body.length + 3);
  out[0] = START;
  body.copy(out, 1);
  out[body.length + 1] = END;
  out[body.length + 2] = CR;
  return out;
}
