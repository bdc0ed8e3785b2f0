import { firstSegment, value, type ParsedMessage } from './parse.ts';
import { Rejection } from './rejection.ts';

/** What the MSH says about a message: who sent it, its id, type and version. */
export interface Header {
  /** MSH-3^MSH-4 (namespace ids): the sender, as HL7_ALLOWED_SENDERS lists it and idempotency keys it. */
  sender: string;
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  /** MSH-10. */
  controlId: string;
  /** MSH-9 as ADT^A04. */
  type: string;
  messageCode: string;
  event: string;
  /** MSH-12. */
  version: string;
  /** MSH-11, echoed in the acknowledgement. */
  processingId: string;
}

export const SUPPORTED_EVENTS = ['A01', 'A02', 'A03', 'A04', 'A08', 'A11', 'A13', 'A40'] as const;
export type AdtEventCode = (typeof SUPPORTED_EVENTS)[number];

const SUPPORTED_VERSION = /^2\.[3-8](\.\d{1,2})?$/;

/** Reads MSH without judging it: what an acknowledgement needs even for a message that is refused. */
export function readHeader(m: ParsedMessage): Header {
  const msh = firstSegment(m, 'MSH');
  const sendingApplication = value(m, msh, 3);
  const sendingFacility = value(m, msh, 4);
  const messageCode = value(m, msh, 9, 1);
  const event = value(m, msh, 9, 2);
  return {
    sender: `${sendingApplication}^${sendingFacility}`,
    sendingApplication,
    sendingFacility,
    receivingApplication: value(m, msh, 5),
    receivingFacility: value(m, msh, 6),
    controlId: value(m, msh, 10),
    type: event === '' ? messageCode : `${messageCode}^${event}`,
    messageCode,
    event,
    version: value(m, msh, 12, 1),
    processingId: value(m, msh, 11, 1),
  };
}

/** Refuses (AR) what this listener does not take: no control id, another version or message type. */
export function checkHeader(h: Header): AdtEventCode {
  if (h.sendingApplication === '' && h.sendingFacility === '')
    throw new Rejection('AR', '101', 'MSH-3', 'is required: the sending application names the sender');
  if (h.sender.length > 180)
    throw new Rejection('AR', '102', 'MSH-3', 'with MSH-4 is longer than 180 characters');
  if (h.controlId === '') throw new Rejection('AR', '101', 'MSH-10', 'is required (the message control id)');
  if (h.controlId.length > 199) throw new Rejection('AR', '102', 'MSH-10', 'is longer than 199 characters');
  if (!SUPPORTED_VERSION.test(h.version))
    throw new Rejection('AR', '203', 'MSH-12', 'must be an HL7 version from 2.3 to 2.8');
  if (h.messageCode !== 'ADT')
    throw new Rejection('AR', '200', 'MSH-9', 'must be an ADT message: other message types are not taken');
  const event = SUPPORTED_EVENTS.find((e) => e === h.event);
  if (event === undefined)
    throw new Rejection('AR', '201', 'MSH-9', `event must be one of ${SUPPORTED_EVENTS.join(', ')}`);
  return event;
}
