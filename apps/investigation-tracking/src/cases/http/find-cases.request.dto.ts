import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CaseStages, type CaseStage } from '#contracts';
import { IsCountryCode, PageRequestDto, IsCalendarDay } from '#http';

/** `true` / `false` in a query string; anything else stays as given and fails validation. */
const booleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class FindCasesRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the case holding this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional({ enum: CaseStages })
  @IsOptional()
  @IsIn(CaseStages)
  stage?: CaseStage;

  @ApiPropertyOptional({ example: 'SD' })
  @IsOptional()
  @IsCountryCode()
  concernedStateCode?: string;

  @ApiPropertyOptional({ example: 'SD', description: 'Country of the incident the case was opened for' })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Cases with a due date missed and not yet answered' })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  hasReferral?: boolean;

  @IsCalendarDay('Opened on or after this day', true)
  openedFrom?: string;

  @IsCalendarDay('Opened on or before this day', true)
  openedTo?: string;
}
