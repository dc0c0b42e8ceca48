import type { ConfigService } from '@nestjs/config';
import { parseOpeningHarms, type OpeningPolicy } from '../domain/opening-policy.js';
import type { ReportingPolicy } from '../domain/reporting-calendar.js';

/** The deployment's policies for the chain, read once from the validated configuration. */
export class CaseSettings {
  constructor(
    readonly openingPolicy: OpeningPolicy,
    readonly reportingPolicy: ReportingPolicy,
    readonly delayThresholdDays: number,
    readonly fourEyes: boolean,
    readonly attention: { overdueDays: number; referralStaleDays: number; noRequestDays: number },
  ) {}

  static fromConfig(config: ConfigService): CaseSettings {
    const days = (name: string) => config.getOrThrow<number>(name);
    return new CaseSettings(
      {
        harms: parseOpeningHarms(config.getOrThrow<string>('CASE_OPENING_HARMS'))!,
        destroyedPremises: config.getOrThrow<string>('CASE_OPENING_DESTROYED_PREMISES') === 'true',
      },
      {
        acknowledgementDays: days('REPORT_ACKNOWLEDGEMENT_DAYS'),
        firstReportDays: days('REPORT_FIRST_DAYS'),
        reportIntervalDays: days('REPORT_INTERVAL_DAYS'),
      },
      days('UNJUSTIFIED_DELAY_DAYS'),
      config.getOrThrow<string>('DETERMINATION_FOUR_EYES') === 'true',
      {
        overdueDays: days('ATTENTION_OVERDUE_DAYS'),
        referralStaleDays: days('ATTENTION_REFERRAL_STALE_DAYS'),
        noRequestDays: days('ATTENTION_NO_REQUEST_DAYS'),
      },
    );
  }
}
