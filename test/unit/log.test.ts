// eslint-disable-next-line no-restricted-imports -- the real discord.js error classes, to serialize them
import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeError } from '../../src/log.ts';

/** A logger writing its JSON lines into an array. */
function capture() {
  const lines: string[] = [];
  const log = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

const PATIENT = {
  name: 'Caleb Thornquist',
  mrn: 'MRN1000042',
  born: '1961-04-09',
  phone: '555-0142',
};
const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';

function expectNoPatient(line: string): void {
  for (const value of [...Object.values(PATIENT), 'Caleb', 'Thornquist', '1000042', 'chest pain', TOKEN])
    expect(line, `the log line holds "${value}"`).not.toContain(value);
}

/** The edit of a patient reply, as discord.js would have sent it, with a chart PNG attached. */
function rejectedEdit(): DiscordAPIError {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(2_000, 7)]);
  return new DiscordAPIError(
    {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
        embeds: {
          '0': {
            author: {
              _errors: [{ code: 'NUMBER_TYPE_COERCE', message: `Value "${PATIENT.mrn}" is not snowflake.` }],
            },
          },
        },
      },
    },
    50035,
    400,
    'PATCH',
    `https://discord.com/api/v10/webhooks/123456789012345678/${TOKEN}/messages/@original?with_components=true`,
    {
      body: {
        content: `${PATIENT.name} (${PATIENT.mrn}), born ${PATIENT.born}, phone ${PATIENT.phone}: chest pain`,
        embeds: [{ title: PATIENT.name, fields: [{ name: 'MRN', value: PATIENT.mrn }] }],
      },
      files: [{ name: 'summary.png', data: png }],
    },
  );
}

describe('logged Discord errors', () => {
  it('a rejected edit keeps its code, status, method and path, and none of the request body or token', () => {
    const { log, lines } = capture();
    log.error({ err: rejectedEdit(), interactionId: '900000000000000001' }, 'interaction failed');
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expectNoPatient(line);
    expect(line).not.toContain('requestBody');
    expect(line).not.toContain('rawError');
    expect(line.length, 'no PNG byte array').toBeLessThan(3_000);
    const entry = JSON.parse(line) as { err: Record<string, unknown>; interactionId: string };
    expect(entry.interactionId).toBe('900000000000000001');
    expect(entry.err).toMatchObject({
      type: 'DiscordAPIError[50035]',
      code: 50035,
      status: 400,
      method: 'PATCH',
      url: '/api/v10/webhooks/123456789012345678/:token/messages/@original',
    });
    expect(entry.err.message).toBe(
      'Invalid Form Body\ncontent[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.\nembeds[0].author[NUMBER_TYPE_COERCE]: Value "…" is not snowflake.',
    );
    expect(entry.err.stack).toMatch(/^DiscordAPIError\[50035\]: Invalid Form Body\n(.|\n)*\n\s+at /);
  });

  it('an HTTP error (a 5xx without a JSON body) keeps its status and none of the request body', () => {
    const { log, lines } = capture();
    const err = new HTTPError(502, 'Bad Gateway', 'POST', 'https://discord.com/api/v10/channels/1/messages', {
      body: { content: `${PATIENT.name} ${PATIENT.mrn}` },
      files: [{ name: 'chart.png', data: Buffer.alloc(50_000, 1) }],
    });
    log.warn({ err }, 'posting the ER daily summary failed; retrying');
    const line = lines[0] ?? '';
    expectNoPatient(line);
    expect(line.length).toBeLessThan(3_000);
    expect(JSON.parse(line).err).toMatchObject({ type: 'HTTPError', status: 502, method: 'POST' });
  });

  it('under `error`, as the logged object itself, or as the cause of another error, goes through the same filter', () => {
    const { log, lines } = capture();
    log.error({ error: rejectedEdit() }, 'a');
    log.error(rejectedEdit(), 'b');
    log.error({ err: new Error('could not send the reply', { cause: rejectedEdit() }) }, 'c');
    log.error({ err: new AggregateError([rejectedEdit()], 'several failed') }, 'd');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expectNoPatient(line);
      expect(line).toContain('"code":50035');
    }
  });

  it('a payload logged outside an error (options, body, SQL, parameters) is redacted', () => {
    const { log, lines } = capture();
    log.info(
      {
        options: { patient: PATIENT.name },
        body: { content: PATIENT.mrn },
        detail: { sql: `SELECT '${PATIENT.name}'`, parameters: [PATIENT.phone], values: [PATIENT.born] },
      },
      'x',
    );
    expectNoPatient(lines[0] ?? '');
  });
});

describe('error messages in logs', () => {
  it.each([
    [`No patient matches "${PATIENT.name}".`, 'No patient matches "…".'],
    [`Duplicate entry '${PATIENT.mrn}' for key 'uq_patient_mrn'`, "Duplicate entry '…' for key '…'"],
    [`unknown patient ${PATIENT.mrn}`, 'unknown patient MRN…'],
    [`it's ${PATIENT.name}`, "it'…"],
    ['connect ECONNREFUSED 127.0.0.1:3306', 'connect ECONNREFUSED 127.0.0.1:3306'],
    ['x'.repeat(400), `${'x'.repeat(300)}…`],
  ])('%j is logged as %j', (message, logged) => {
    expect(serializeError(new Error(message)).message).toBe(logged);
  });

  it('a value that is not an error is reduced to a short masked message', () => {
    expect(serializeError(`lookup of "${PATIENT.name}" failed`)).toEqual({
      type: 'string',
      message: 'lookup of "…" failed',
    });
    expect(serializeError({ message: 'failed', sql: 'SELECT 1', parameters: [PATIENT.name] })).toEqual({
      type: 'Object',
      message: 'failed',
    });
  });
});
