import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import {
  ReportFormats,
  ReportLanguages,
  ReportPeriodKinds,
  ReportScopeKinds,
  type ReportFormat,
  type ReportLanguage,
  type ReportPeriodKind,
  type ReportScopeKind,
} from '../report-vocabulary.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern } from './case-event.v1.js';

export class ReportPeriodV1 {
  @IsIn(ReportPeriodKinds)
  kind!: ReportPeriodKind;

  /** `2023`, `2024H1` or `2023+H1`. */
  @Matches(/^\d{4}(H[12]|\+H1)?$/)
  label!: string;

  @Matches(CalendarDatePattern)
  from!: string;

  @Matches(CalendarDatePattern)
  to!: string;
}

export class ReportScopeV1 {
  @IsIn(ReportScopeKinds)
  kind!: ReportScopeKind;

  /** The region's name or the concerned State's ISO 3166-1 alpha-2 code; absent for `all`. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}

/** How far the read models had read one topic partition when the figures were taken. */
export class TopicPositionV1 {
  @IsString()
  @MaxLength(249)
  topic!: string;

  @IsInt()
  @Min(0)
  partition!: number;

  /** Every event before this offset is in the figures (an int64, as a decimal string). */
  @Matches(/^\d{1,19}$/)
  nextOffset!: string;
}

export class DataWatermarkV1 {
  @IsISO8601({ strict: true })
  asOf!: string;

  @ValidateNested({ each: true })
  @Type(() => TopicPositionV1)
  positions!: TopicPositionV1[];
}

export class RenderedFileV1 {
  @IsIn(ReportFormats)
  format!: ReportFormat;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsInt()
  @Min(1)
  bytes!: number;
}

/** Payload of `accountability.report.generated.v1`: ids, period, scope, watermark and hashes; never a figure or a name. */
export class ReportGeneratedV1 {
  @IsUUID()
  reportId!: string;

  @Matches(/^RPT-\d{4}-\d{6}$/)
  reference!: string;

  @ValidateNested()
  @Type(() => ReportPeriodV1)
  period!: ReportPeriodV1;

  @ValidateNested()
  @Type(() => ReportScopeV1)
  scope!: ReportScopeV1;

  @IsIn(ReportLanguages)
  language!: ReportLanguage;

  @ValidateNested()
  @Type(() => DataWatermarkV1)
  watermark!: DataWatermarkV1;

  @ValidateNested({ each: true })
  @Type(() => RenderedFileV1)
  files!: RenderedFileV1[];

  @IsISO8601({ strict: true })
  generatedAt!: string;
}

export const ReportGenerated = defineEvent({
  type: 'accountability.report.generated.v1',
  topic: Topics.reports,
  aggregateType: 'report',
  payload: ReportGeneratedV1,
  description:
    'A Council-ready summary was generated: its period, scope, data watermark and the SHA-256 of each rendered file, so anyone can check a copy.',
});
