import { defineCommand } from '../../src/runner/command.ts';
import severity from './severity.ts';
import treatments from './treatments.ts';
import earliestTreatments from './earliest-treatments.ts';
import recentTreatments from './recent-treatments.ts';
import arrivals from './arrivals.ts';
import responseTimes from './response-times.ts';
// import dispositions from './dispositions.ts'; // c-er2
// import trends from './trends.ts'; // c-er2
// import census from './census.ts'; // c-er2
// import lengthOfStay from './length-of-stay.ts'; // c-er2
// import symptom from './symptom.ts'; // c-er2
// import assessments from './assessments.ts'; // c-er2

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
    // dispositions, // c-er2
    // trends, // c-er2
    // census, // c-er2
    // lengthOfStay, // c-er2
    // symptom, // c-er2
    // assessments, // c-er2
  ],
});
