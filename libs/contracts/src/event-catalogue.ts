import type { EventContract } from './event-contract.js';
import { CaseOpened } from './events/case-opened.v1.js';
import { IncidentReported } from './events/incident-reported.v1.js';

/** Every event type of the contract; the AsyncAPI document and JSON Schemas are generated from it. */
export const EventCatalogue: readonly EventContract[] = [IncidentReported, CaseOpened];

export function findEventContract(type: string): EventContract | undefined {
  return EventCatalogue.find((contract) => contract.type === type);
}
