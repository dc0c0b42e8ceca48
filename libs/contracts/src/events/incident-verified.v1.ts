import { IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';

/** Payload of `accountability.incident.verified.v1`. */
export class IncidentVerifiedV1 {
  @IsUUID()
  incidentId!: string;

  @Matches(/^INC-\d{4}-\d{6}$/)
  reference!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  verifiedAt!: string;
}

export const IncidentVerified = defineEvent({
  type: 'accountability.incident.verified.v1',
  topic: Topics.incidents,
  aggregateType: 'incident',
  payload: IncidentVerifiedV1,
  description: 'An officer verified a reported incident.',
});
