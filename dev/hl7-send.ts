/**
 * npm run hl7:send -- [--port 2575] [--host 127.0.0.1] [--file message.hl7 | --discharge]: sends one ADT
 * message over MLLP and prints the acknowledgement. Without --file it sends the worked example of
 * docs/hl7-adt.md: an A04 registering MRN DEMO-0001 in the ED (visit V-DEMO-1); --discharge sends its A03.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../src/core/errors.ts';
import { parseFlags, runCli } from '../src/cli/run.ts';
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

/** A message of one segment per line, as it goes on the wire (segments end in a carriage return). */
function readMessage(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n/g, '\r');
  } catch (err) {
    throw new UserError(
      'invalid_argument',
      `cannot read --file ${file} (${(err as { code?: string }).code})`,
    );
  }
}

const USAGE = 'npm run hl7:send -- [--port 2575] [--host 127.0.0.1] [--file message.hl7 | --discharge]';

runCli('hl7:send', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '2575' },
    file: { type: 'string' },
    discharge: { type: 'boolean', default: false },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UserError('invalid_argument', `--port must be a TCP port (1 to 65535), not ${values.port}`);
  const message = values.file ? readMessage(values.file) : example(values.discharge === true);
  const client = await MllpClient.connect(port, values.host).catch((err: unknown) => {
    throw new UserError(
      'unavailable',
      `no HL7 listener answers at ${values.host}:${port} (${(err as { code?: string }).code ?? 'error'}); start one with npm run hl7`,
    );
  });
  const ack = await client.send(message);
  await client.close();
  console.log(ack.replace(/\r/g, '\n').trimEnd());
});
