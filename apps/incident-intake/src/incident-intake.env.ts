import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { type ServiceDefaults } from '#config';
import { ProtectedDataEnv } from '#database';
import { OrganisationTypesPattern } from './partner-stream/organisation-types.js';

/** Protected personal data is sealed with the keyring of `ProtectedDataEnv` (PROTECTED_DATA_KEY or PROTECTED_DATA_KEYS). */
export class IncidentIntakeEnv extends ProtectedDataEnv {
  /** Largest CSV accepted by POST /incidents/imports. */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  IMPORT_MAX_BYTES!: number;

  /** Reporting organisations' types for the partner topics, `org-a=un,org-b=ingo`; unlisted ones are `other`. */
  @IsOptional()
  @Matches(OrganisationTypesPattern, {
    message: 'ORGANISATION_TYPES must be <organisation>=<un|ingo|nngo|red_cross_red_crescent|other>, comma-separated',
  })
  ORGANISATION_TYPES?: string;
}

export const incidentIntakeDefaults: ServiceDefaults = {
  always: { PORT: '3001', IMPORT_MAX_BYTES: String(50 * 1024 * 1024) },
  // A fixed development key: data encrypted with it is not protected. Production must set its own.
  local: { PROTECTED_DATA_KEY: 'bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=' },
};
