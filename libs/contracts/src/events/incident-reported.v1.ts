import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { IncidentSnapshotV1 } from './incident-snapshot.v1.js';

/** Payload of `accountability.incident.reported.v1`: the incident as first recorded. */
export class IncidentReportedV1 extends IncidentSnapshotV1 {}

export const IncidentReported = defineEvent({
  type: 'accountability.incident.reported.v1',
  topic: Topics.incidents,
  aggregateType: 'incident',
  payload: IncidentReportedV1,
  description: 'An incident affecting humanitarian or UN and associated personnel, premises or assets was recorded.',
});
