import { IsIn, IsInt, IsUrl, Max, Min, ValidateBy } from 'class-validator';
import { HarmTypes } from '#contracts';
import { type ServiceDefaults } from '#config';
import { ProtectedDataEnv } from '#database';
import { parseOpeningHarms } from './cases/domain/opening-policy.js';

/** Days, as the reporting policy and the thresholds count them. */
const Days = () => (target: object, property: string) => {
  IsInt()(target, property);
  Min(1)(target, property);
  Max(3650)(target, property);
};

/** Protected personal data is sealed with the keyring of `ProtectedDataEnv` (PROTECTED_DATA_KEY or PROTECTED_DATA_KEYS). */
export class InvestigationTrackingEnv extends ProtectedDataEnv {
  /** Opening policy: harms that open a case when their incident is verified (comma-separated, or `none`). */
  // The policy's own parser decides, so the configuration accepts exactly what the policy reads.
  @ValidateBy({
    name: 'isOpeningHarms',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseOpeningHarms(value) !== undefined,
      defaultMessage: () => `CASE_OPENING_HARMS must be \`none\` or a comma-separated list of ${HarmTypes.join(', ')}`,
    },
  })
  CASE_OPENING_HARMS!: string;

  /** Opening policy: whether destroyed UN or humanitarian premises open a case. */
  @IsIn(['true', 'false'])
  CASE_OPENING_DESTROYED_PREMISES!: 'true' | 'false';

  /** Reporting policy (6.1): days for the acknowledgement, the first progress report, then between reports. */
  @Days() REPORT_ACKNOWLEDGEMENT_DAYS!: number;
  @Days() REPORT_FIRST_DAYS!: number;
  @Days() REPORT_INTERVAL_DAYS!: number;

  /** Days past a due date from which delay is an indicator of unwillingness (Rome Statute art. 17(2)(b)). */
  @Days() UNJUSTIFIED_DELAY_DAYS!: number;

  /** Whether a determination of inability or unwillingness needs a second officer's approval. */
  @IsIn(['true', 'false'])
  DETERMINATION_FOUR_EYES!: 'true' | 'false';

  /** GET /cases/attention: reports overdue longer than this, referrals unchanged longer, no request this long after opening. */
  @Days() ATTENTION_OVERDUE_DAYS!: number;
  @Days() ATTENTION_REFERRAL_STALE_DAYS!: number;
  @Days() ATTENTION_NO_REQUEST_DAYS!: number;

  /** How often the scheduler looks for missed due dates. */
  @IsInt()
  @Min(100)
  @Max(24 * 3600 * 1000)
  OVERDUE_SCAN_INTERVAL_MS!: number;

  /** incident-intake's REST API, for duplicate candidates (the officer's own token is passed on). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'INCIDENT_INTAKE_URL must be an http(s) URL' })
  INCIDENT_INTAKE_URL!: string;
}

export const investigationTrackingDefaults: ServiceDefaults = {
  always: {
    PORT: '3002',
    CASE_OPENING_HARMS: 'killed,kidnapped,detained,sexual_violence',
    CASE_OPENING_DESTROYED_PREMISES: 'true',
    REPORT_ACKNOWLEDGEMENT_DAYS: '30',
    REPORT_FIRST_DAYS: '90',
    REPORT_INTERVAL_DAYS: '180',
    UNJUSTIFIED_DELAY_DAYS: '60',
    DETERMINATION_FOUR_EYES: 'true',
    ATTENTION_OVERDUE_DAYS: '30',
    ATTENTION_REFERRAL_STALE_DAYS: '180',
    ATTENTION_NO_REQUEST_DAYS: '30',
    OVERDUE_SCAN_INTERVAL_MS: '60000',
  },
  // The same fixed development key as intake's: data encrypted with it is not protected. Production sets its own.
  local: { PROTECTED_DATA_KEY: 'bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=', INCIDENT_INTAKE_URL: 'http://127.0.0.1:3001' },
};
