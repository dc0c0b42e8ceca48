import { Command } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '#auth';
import type { DatePrecision, PersonnelHarmCount } from '#contracts';
import type { Incident } from '../domain/incident.js';

export interface ReportIncidentInput {
  countryCode: string;
  concernedStateCode?: string;
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  personnel: PersonnelHarmCount[];
}

export class ReportIncidentCommand extends Command<Incident> {
  constructor(
    readonly input: ReportIncidentInput,
    readonly reporter: AuthenticatedUser,
  ) {
    super();
  }
}
