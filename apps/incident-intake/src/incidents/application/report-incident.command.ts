import { Command } from '@nestjs/cqrs';
import type { IncidentDetails } from '../domain/incident-details.js';
import type { Incident } from '../domain/incident.js';
import type { ProtectedData } from '../domain/protected-data.js';
import type { Reporter } from './incident-recorder.js';

export interface ReportIncidentResult {
  incident: Incident;
  warnings: string[];
  /** True when an earlier request with the same Idempotency-Key created the incident. */
  replayed: boolean;
}

export class ReportIncidentCommand extends Command<ReportIncidentResult> {
  constructor(
    readonly details: IncidentDetails,
    readonly protectedData: ProtectedData | undefined,
    readonly reporter: Reporter,
    readonly idempotency?: { key: string; requestHash: string },
  ) {
    super();
  }
}
