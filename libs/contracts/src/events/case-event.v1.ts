import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ConfidentialityLevels, type ConfidentialityLevel } from '../incident-vocabulary.js';

/**
 * What every case event names: the case, the version the event brought it to, and the
 * access rule every read model enforces (owning organisation and confidentiality).
 */
export class CaseEventV1 {
  @IsUUID()
  caseId!: string;

  @Matches(/^CASE-\d{4}-\d{6}$/)
  reference!: string;

  /** Increases with every change; consumers ignore an event older than the state they hold. */
  @IsInt()
  @Min(1)
  version!: number;

  /** Organisation that works the case; confidential cases exist only inside it. */
  @IsString()
  @MaxLength(128)
  owningOrganisation!: string;

  /** The most restrictive confidentiality of the case's incidents. */
  @IsIn(ConfidentialityLevels)
  confidentiality!: ConfidentialityLevel;

  @IsISO8601({ strict: true })
  recordedAt!: string;
}

/** A case event about one concerned State's part of the chain. */
export class ConcernedStateEventV1 extends CaseEventV1 {
  /** ISO 3166-1 alpha-2 code of the concerned State. */
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode!: string;
}

/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDatePattern = /^\d{4}-\d{2}-\d{2}$/;
