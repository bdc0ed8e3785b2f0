import { describe, expect, it } from 'vitest';
import { formatReply } from '../../src/console/output.ts';
import { loadConfig } from '../../src/config.ts';
import type { Reply } from '../../src/core/reply.ts';

const config = loadConfig({});
// Values as a command might echo them: what the person typed, or text from the data.
const reply: Reply = {
  title: 'Patients matching "\x1b]0;owned\x07Lee"',
  summary: '2 patients whose name contains \u202eeeL\u202c.',
  table: {
    columns: [{ name: 'name' }, { name: 'note' }],
    rows: [
      ['Ann\x1b[31m Lee', 'allergic\tto\x9b2J penicillin'],
      ['Bo Lee\ud800', 'none'],
    ],
  },
  sensitivity: 'aggregate',
  footer: 'last 7 days',
  patientIds: [],
};
// eslint-disable-next-line no-control-regex -- the characters a terminal would act on
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('formatReply', () => {
  it('as text, prints echoed values without control characters', async () => {
    const text = await formatReply(reply, 'text', config, 'test');
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('Patients matching "Lee"');
    expect(text).toContain('Ann Lee');
    expect(text).toContain('allergic to penicillin');
    expect(text).toContain('Bo Lee\ufffd');
  });

  it('as CSV, keeps the line ends and drops the control characters', async () => {
    const csv = await formatReply(reply, 'csv', config, 'test');
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(CONTROL);
  });

  it('as JSON, escapes what a terminal would act on, and the values read back unchanged', async () => {
    const json = await formatReply(reply, 'json', config, 'test');
    expect(json.replace(/\n/g, '')).not.toMatch(CONTROL);
    const back = JSON.parse(json) as { title: string; summary: string; table: { rows: string[][] } };
    expect(back.title).toBe(reply.title);
    expect(back.summary).toBe(reply.summary);
    expect(back.table.rows).toEqual(reply.table?.rows);
  });
});
