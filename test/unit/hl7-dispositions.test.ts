import { describe, expect, it } from 'vitest';
import { adt } from '../../dev/hl7-messages.ts';
import { toAdtEvent } from '../../src/ingest/hl7/adt.ts';
import { parseMessage } from '../../src/ingest/hl7/parse.ts';

/** What an A03 (discharge) with PV1-36 `code` records as the visit's decision. */
function decisionOf(code: string) {
  const text = adt({
    event: 'A03',
    controlId: `C${code}`,
    at: '20261207083000-0500',
    mrn: 'M1',
    visit: 'V1',
    patientClass: 'E',
    disposition: code,
  });
  return toAdtEvent(parseMessage(text), 'America/New_York').visit?.decision;
}

describe('PV1-36 discharge disposition to the strata of the ED measures', () => {
  it.each([
    ['07', 'Left against medical advice'],
    ['02', 'Transfer to a higher-level hospital'],
    ['05', 'Transfer to a higher-level hospital'],
    ['65', 'Transfer to a higher-level hospital'],
    ['09', 'Transfer to another department'],
    ['01', 'Discharge'],
  ])('code %s records %s', (code, decision) => {
    expect(decisionOf(code)).toBe(decision);
  });

  it('a code it does not map records no decision (null), and no PV1-36 leaves the decision alone', () => {
    expect(decisionOf('20')).toBeNull();
    expect(decisionOf('')).toBeUndefined();
  });
});
