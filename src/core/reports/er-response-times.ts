import { barChart } from '../charts.ts';
import { footer, plural } from '../format.ts';
import type { ReplyBody } from '../reply.ts';
import { responseStats, type Legs } from '../response-times.ts';
import { histogram } from '../stats.ts';
import { AMBULANCE_TYPES, SEVERITIES } from '../vocabulary.ts';
import type { TimeWindow } from '../window.ts';

/** What response times can be grouped by. */
export const RESPONSE_GROUPS = ['severity', 'ambulance_type'] as const;
export type ResponseGroup = (typeof RESPONSE_GROUPS)[number];

/** One dispatch: its severity, the type of its first unit on scene, and its legs in minutes. */
export interface ResponseLeg extends Legs {
  severity: string;
  unit_type: string;
}

/**
 * Median and 90th percentile of call-to-scene, scene-to-hospital and call-to-arrival minutes per group,
 * then for all dispatches, with a histogram of call-to-scene minutes.
 */
export function responseTimesReport(
  by: ResponseGroup,
  legs: ResponseLeg[],
  window: Pick<TimeWindow, 'label' | 'phrase'>,
  timeZone: string,
  now: number,
): ReplyBody {
  const stats =
    by === 'severity'
      ? responseStats(legs, (r) => r.severity, SEVERITIES)
      : responseStats(legs, (r) => r.unit_type, AMBULANCE_TYPES);
  const all = stats[stats.length - 1];
  const callToScene: number[] = [];
  for (const l of legs) if (l.callToScene !== null) callToScene.push(l.callToScene);
  const bins = histogram(callToScene, 2, 30);
  return {
    title: `Response times by ${by === 'severity' ? 'severity' : 'ambulance type'}`,
    summary:
      legs.length === 0
        ? `No dispatches ${window.phrase}.`
        : `${plural(legs.length, 'dispatch', 'dispatches')}; call to first unit on scene: median ${all?.callToScene.median} min, 90th percentile ${all?.callToScene.p90} min.`,
    publicSummary:
      legs.length === 0
        ? `No dispatches ${window.phrase}.`
        : `Response times of {total} dispatches ${window.phrase}, by ${by === 'severity' ? 'severity' : 'ambulance type'}.`,
    table: {
      columns: [
        { name: by === 'severity' ? 'severity' : 'unit type' },
        { name: 'dispatches', align: 'right', count: true },
        { name: 'call→scene p50', align: 'right', derived: 'row' },
        { name: 'p90', align: 'right', derived: 'row' },
        { name: 'scene→hosp p50', align: 'right', derived: 'row' },
        { name: 'p90', align: 'right', derived: 'row' },
        { name: 'call→arrival p50', align: 'right', derived: 'row' },
        { name: 'p90', align: 'right', derived: 'row' },
      ],
      rows:
        legs.length === 0
          ? []
          : stats.map((s) => [
              s.group,
              s.dispatches,
              s.callToScene.median,
              s.callToScene.p90,
              s.sceneToHospital.median,
              s.sceneToHospital.p90,
              s.callToArrival.median,
              s.callToArrival.p90,
            ]),
      // The last row is `all`.
      totalRow: legs.length > 0,
    },
    chart:
      legs.length === 0
        ? undefined
        : barChart(
            `Call to first unit on scene (${window.label})`,
            bins.map((b) => b.label),
            [{ label: 'dispatches', data: bins.map((b) => b.count) }],
            { x: 'minutes', y: 'dispatches' },
          ),
    footer: `${footer(timeZone, now, window.label)} · minutes`,
  };
}
