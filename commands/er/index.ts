import { defineCommand } from '#src/runner/command.ts';
import severity from './severity.ts';
import treatments from './treatments.ts';
import earliestTreatments from './earliest-treatments.ts';
import recentTreatments from './recent-treatments.ts';
import arrivals from './arrivals.ts';
import responseTimes from './response-times.ts';
import dispositions from './dispositions.ts';
import trends from './trends.ts';
import census from './census.ts';
import lengthOfStay from './length-of-stay.ts';
import symptom from './symptom.ts';
import assessments from './assessments.ts';
import flow from './flow.ts';
import returns from './returns.ts';
import returnsList from './returns-list.ts';
import measures from './measures.ts';

export default defineCommand({
  name: 'er',
  description: 'Emergency department reports',
  subcommands: [
    severity,
    treatments,
    earliestTreatments,
    recentTreatments,
    arrivals,
    responseTimes,
    dispositions,
    trends,
    census,
    lengthOfStay,
    symptom,
    assessments,
    flow,
    returns,
    returnsList,
    measures,
  ],
});
