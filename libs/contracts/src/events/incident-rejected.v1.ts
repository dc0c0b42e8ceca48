import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { RejectionReasons, type RejectionReason } from '../incident-vocabulary.js';
import { Topics } from '../topics.js';
import { IncidentEventV1 } from './incident-event.v1.js';

/** Payload of `accountability.incident.rejected.v1`; the officer's written explanation stays in the intake service. */
export class IncidentRejectedV1 extends IncidentEventV1 {
  @IsIn(RejectionReasons)
  reason!: RejectionReason;

  /** The incident this one duplicates, when the reason is `duplicate`. */
  @IsOptional()
  @IsUUID()
  duplicateOfIncidentId?: string;

  @IsISO8601({ strict: true })
  rejectedAt!: string;
}

export const IncidentRejected = defineEvent({
  type: 'accountability.incident.rejected.v1',
  topic: Topics.incidents,
  aggregateType: 'incident',
  payload: IncidentRejectedV1,
  description: 'An officer rejected a reported incident as a duplicate or not credible; it no longer counts in statistics.',
});
