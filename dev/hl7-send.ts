/**
 * npm run hl7:send -- [--port 2575] [--host 127.0.0.1] [--file message.hl7 | --discharge]: sends one ADT
 * message over MLLP and prints the acknowledgement. Without --file it sends the worked example of
 * docs/hl7-adt.md: an A04 registering MRN DEMO-0001 in the ED (visit V-DEMO-1); --discharge sends its A03.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MllpClient } from '../src/ingest/hl7/mllp-client.ts';
import { adt } from './hl7-messages.ts';

function example(discharge: boolean): string {
  const now = new Date();
  const at = `${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
  return adt({
    event: discharge ? 'A03' : 'A04',
    controlId: `DEMO-${now.getTime()}`,
    at,
    mrn: 'DEMO-0001',
    family: 'Example',
    given: 'Alex',
    birthDate: '19800101',
    sex: 'F',
    phone: '555-0100',
    visit: 'V-DEMO-1',
    ...(discharge ? { departure: at, disposition: '01' } : { arrival: at, complaint: 'Chest pain' }),
    allergies: discharge ? [] : [{ substance: 'Penicillin', severity: 'SV', reaction: 'Hives' }],
  });
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
  : example(values.discharge);
const client = await MllpClient.connect(Number(values.port), values.host);
const ack = await client.send(message);
await client.close();
console.log(ack.replace(/\r/g, '\n').trimEnd());
