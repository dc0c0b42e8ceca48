import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReportLanguages, ReportScopeKinds, type ReportLanguage, type ReportScopeKind } from '#contracts';

export class RequestReportRequestDto {
  @ApiProperty({
    example: '2023',
    description: 'A calendar year (2023), a half year (2024H1, 2024H2), or a year and the first half of the next (2023+H1)',
  })
  @IsString()
  @MaxLength(16)
  period!: string;

  @ApiProperty({ enum: ReportScopeKinds, example: 'all' })
  @IsIn(ReportScopeKinds)
  scope!: ReportScopeKind;

  @ApiPropertyOptional({
    example: 'Eastern Africa',
    description: 'The region (UN geoscheme) or the concerned State (ISO 3166-1 alpha-2) of the scope',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  scopeCode?: string;

  @ApiPropertyOptional({ enum: ReportLanguages, default: 'en' })
  @IsOptional()
  @IsIn(ReportLanguages)
  language?: ReportLanguage;
}
