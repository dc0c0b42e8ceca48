import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { PersonnelHarmCount } from './personnel-harm.js';

export const DatePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DatePrecisions)[number];

/** Payload of `accountability.incident.reported.v1`: ids, categories, counts and dates only. */
export class IncidentReportedV1 {
  @IsUUID()
  incidentId!: string;

  @Matches(/^INC-\d{4}-\d{6}$/)
  reference!: string;

  /** ISO 3166-1 alpha-2 code of the country where the incident happened. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  /** ISO 3166-1 alpha-2 code of the State whose authorities are to investigate. */
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode!: string;

  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as `occurredOnPrecision` allows. */
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  occurredOn!: string;

  @IsIn(DatePrecisions)
  occurredOnPrecision!: DatePrecision;

  @IsISO8601({ strict: true })
  reportedAt!: string;

  /** Organisation id of the reporting organisation (from the officer's token). */
  @IsString()
  reportingOrganisation!: string;

  @ValidateNested({ each: true })
  @Type(() => PersonnelHarmCount)
  personnel!: PersonnelHarmCount[];
}

export const IncidentReported = defineEvent({
  type: 'accountability.incident.reported.v1',
  topic: Topics.incidents,
  aggregateType: 'incident',
  payload: IncidentReportedV1,
  description: 'An officer recorded an incident affecting humanitarian or UN and associated personnel.',
});
