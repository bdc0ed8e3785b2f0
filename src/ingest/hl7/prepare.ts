import { toAdtEvent, type AdtEvent } from './adt.ts';
import { readHeader, type Header } from './header.ts';
import { firstSegment, parseMessage, value } from './parse.ts';
import { Rejection } from './rejection.ts';

/**
 * One frame's bytes, judged without the database: the message's text and header when it has them, and
 * either the event to apply or why it is refused. `store` says whether the refusal is kept with the raw
 * messages: only messages whose sender and control id are known and allowed are.
 */
export interface Prepared {
  text: string;
  header: Partial<Header>;
  event?: AdtEvent;
  rejection?: Rejection;
  store: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = /^(8859\/1|ISO[-_ ]?8859[-_ ]?1|ASCII)$/i;

export function prepare(bytes: Buffer, timeZone: string, allowedSenders: readonly string[]): Prepared {
  let text = '';
  let header: Partial<Header> = {};
  try {
    text = decode(bytes);
    const parsed = parseMessage(text);
    header = readHeader(parsed);
    if (allowedSenders.length > 0 && !allowedSenders.includes(header.sender ?? '')) {
      throw new Rejection('AR', '207', 'MSH-3', 'with MSH-4 is not a sender this listener takes');
    }
    try {
      return { text, header, event: toAdtEvent(parsed, timeZone), store: true };
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      const storable = err.ack === 'AE';
      return { text, header, rejection: err, store: storable };
    }
  } catch (err) {
    if (err instanceof Rejection) return { text, header, rejection: err, store: false };
    // A bug in parsing must not take the listener down: the message is refused, its reason generic.
    return {
      text,
      header,
      rejection: new Rejection('AE', '207', 'MSH', 'could not be read (internal error)'),
      store: false,
    };
  }
}

/** UTF-8 unless MSH-18 names ASCII or ISO 8859-1; bytes that are neither refuse the message. */
function decode(bytes: Buffer): string {
  const latin = bytes.toString('latin1');
  let charset = '';
  try {
    const msh = parseMessage(latin.split(/\r|\n/, 1)[0] ?? '');
    charset = value(msh, firstSegment(msh, 'MSH'), 18);
  } catch {
    // An unreadable MSH is refused when the text is parsed.
  }
  if (LATIN1.test(charset)) return latin;
  if (charset !== '' && !/^(UNICODE UTF-8|UTF-8|UTF8)$/i.test(charset))
    throw new Rejection('AR', '103', 'MSH-18', 'must be UNICODE UTF-8, 8859/1 or ASCII');
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Rejection(
      'AR',
      '102',
      'MSH-18',
      'the message is not valid UTF-8 (and MSH-18 names no other set)',
    );
  }
}
