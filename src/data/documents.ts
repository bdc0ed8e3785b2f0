/** The two MongoDB collections of docs/domain.md section 2, with the same ids as their SQL rows. */

export const DISPATCH_INCIDENTS = 'dispatch_incidents';
export const ER_TREATMENTS = 'er_treatments';

export interface DispatchIncidentDoc {
  _id: number;
  severity: 'high' | 'medium' | 'low';
  dispatchedAt: Date;
  nature: string;
  callIds: number[];
  location: { address: string; district: string };
  units: {
    ambulanceId: number;
    unitCode: string;
    type: string;
    crew: number[];
    assignedAt: Date;
    onSceneAt: Date | null;
    clearedAt: Date | null;
  }[];
  patientIds: number[];
  /** First call to first unit on scene, in minutes (one decimal). */
  responseMinutes: number | null;
  notes: string;
  tags: string[];
}

export interface ErTreatmentDoc {
  _id: number;
  visitId: number;
  patientId: number;
  type: string;
  performedAt: Date;
  outcome: string;
  physicians: number[];
  nurses: number[];
  notes: string;
}
