import { IsISO8601 } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { IncidentEventV1 } from './incident-event.v1.js';

/** Payload of `accountability.incident.verified.v1`. */
export class IncidentVerifiedV1 extends IncidentEventV1 {
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
