import { ArrayMaxSize, IsISO8601, IsString } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { IncidentSnapshotV1 } from './incident-snapshot.v1.js';

/** Payload of `accountability.incident.amended.v1`: the whole new state and the names of the fields that changed. */
export class IncidentAmendedV1 extends IncidentSnapshotV1 {
  @IsISO8601({ strict: true })
  amendedAt!: string;

  @IsString({ each: true })
  @ArrayMaxSize(64)
  changedFields!: string[];
}

export const IncidentAmended = defineEvent({
  type: 'accountability.incident.amended.v1',
  topic: Topics.incidents,
  aggregateType: 'incident',
  payload: IncidentAmendedV1,
  description: 'An officer amended a recorded incident; the earlier version is kept in its history.',
});
