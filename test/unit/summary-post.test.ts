import { describe, expect, it } from 'vitest';
import { buildDailySummary, type PeriodFigures } from '../../src/core/daily-summary.ts';
import { measureLinks } from '../../src/core/measure-links.ts';
import { summaryPost } from '../../src/core/summary-post.ts';

const period = (treatmentsByType: Record<string, number>): PeriodFigures => ({
  calls: 40,
  dispatches: { high: 10, medium: 10, low: 10 },
  responseMinutes: [8, 9, 10],
  arrivalsByCondition: { critical: 10, serious: 10, moderate: 10, minor: 10, stable: 10 },
  arrivalsByTriage: { 1: 10, 2: 10, 3: 10, 4: 10, 5: 10 },
  treatmentsByType,
  dispositions: {},
  arrivalBuckets: new Map(),
  lwbs: 0,
  doorToTreatment: [],
  returns: 0,
});

describe('summaryPost', () => {
  it('shows a label from the data (a treatment type) literally in the embed: no link, pill or spoiler', () => {
    const type = `[Verify](http://evil.example) <@&1> ||x||`;
    const summary = buildDailySummary({
      date: '2026-05-19',
      timeZone: 'UTC',
      from: Date.parse('2026-05-19T00:00:00Z'),
      to: Date.parse('2026-05-20T00:00:00Z'),
      day: period({ [type]: 12 }),
      baseline: period({ [type]: 70 }),
      censusAtMidnight: 12,
      baselineCensus: [10, 11, 12, 13, 14, 15, 16],
      measures: {
        day: [],
        baseline: [],
        boarding: { boarders: 0, over_4h: 0 },
        arrivalsLastWeek: 40,
        links: measureLinks([], [], { boarders: 0, over_4h: 0 }),
      },
    });
    const field = summaryPost(summary, 3).embed.fields.find((f) => f.name === 'Treatments');
    expect(field?.value).toContain(
      'treatments, \\[Verify\\](http\\://evil.example) \\<\\@&1> \\|\\|x\\|\\| **12**',
    );
  });
});
