/**
 * npm run hl7:send -- [--port 2575] [--host 127.0.0.1] [--file message.hl7 | --discharge]: sends one ADT
 * message over MLLP and prints the acknowledgement. Without --file it sends the worked example of
 * docs/hl7-adt.md: an A04 registering MRN DEMO-0001 in the ED (visit V-DEMO-1); --discharge sends its A03.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MllpClient } from '../src/ingest/hl7/mllp-client.ts';

function example(event: 'A04' | 'A03'): string {
  const now = new Date();
  const ts = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const discharge = event === 'A03';
  return [
    `MSH|^~\\&|DEMO-EHR|GENERAL|HERS|ED|${ts}+0000||ADT^${event}^ADT_A01|DEMO-${event}-${now.getTime()}|P|2.5.1`,
    `EVN|${event}|${ts}+0000`,
    'PID|1||DEMO-0001^^^GENERAL^MR||Example^Alex^^^^^L||19800101|F|||||555-0100',
    `PV1|1|E|ED^01^A||||||||||||||||V-DEMO-1^^^GENERAL^VN|||||||||||||||||${discharge ? '01' : ''}|||||||${ts}+0000${discharge ? `|${ts}+0000` : ''}`,
    'PV2|||^Chest pain',
    'AL1|1|DA|^Penicillin|SV|Hives',
  ].join('\r');
}

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '2575' },
    file: { type: 'string' },
    discharge: { type: 'boolean', default: false },
  },
});
const message = values.file
  ? readFileSync(values.file, 'utf8').replace(/\r?\n/g, '\r')
  : example(values.discharge ? 'A03' : 'A04');
const client = await MllpClient.connect(Number(values.port), values.host);
const ack = await client.send(message);
await client.close();
console.log(ack.replace(/\r/g, '\n').trimEnd());
