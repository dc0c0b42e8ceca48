import type { EventContract } from './event-contract.js';
import { CaseOpened } from './events/case-opened.v1.js';
import { IncidentAmended } from './events/incident-amended.v1.js';
import { IncidentRejected } from './events/incident-rejected.v1.js';
import { IncidentReported } from './events/incident-reported.v1.js';
import { IncidentVerified } from './events/incident-verified.v1.js';

/** Every event type of the contract; the AsyncAPI document and JSON Schemas are generated from it. */
export const EventCatalogue: readonly EventContract[] = [IncidentReported, IncidentAmended, IncidentVerified, IncidentRejected, CaseOpened];
