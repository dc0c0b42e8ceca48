import { IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceEnv, type ServiceDefaults } from '#config';

export class IncidentIntakeEnv extends ServiceEnv {
  /** AES-256 key for protected personal data: `openssl rand -base64 32`. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PROTECTED_DATA_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)' })
  PROTECTED_DATA_KEY!: string;

  /** Largest CSV accepted by POST /incidents/imports. */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  IMPORT_MAX_BYTES!: number;
}

export const incidentIntakeDefaults: ServiceDefaults = {
  always: { PORT: '3001', IMPORT_MAX_BYTES: String(50 * 1024 * 1024) },
  // A fixed development key: data encrypted with it is not protected. Production must set its own.
  local: { PROTECTED_DATA_KEY: 'bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=' },
};
