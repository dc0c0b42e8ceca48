import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ConcernedStateBases,
  InvestigationStatuses,
  RequestChannels,
  type ConcernedStateBasis,
  type InvestigationStatus,
  type RequestChannel,
} from '#contracts';
import { IsCountryCode, IsCalendarDay } from '#http';
import { IsOrganisationName, IsReason } from './request-fields.js';

export class AddConcernedStateRequestDto {
  @ApiProperty({ example: 'TD', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  concernedStateCode!: string;

  @ApiProperty({ enum: ConcernedStateBases })
  @IsIn(ConcernedStateBases)
  basis!: ConcernedStateBasis;

  @IsReason()
  reason!: string;
}

const PolicyDays = (description: string) => (target: object, property: string) => {
  ApiProperty({ minimum: 1, maximum: 3650, description })(target, property);
  IsInt()(target, property);
  Min(1)(target, property);
  Max(3650)(target, property);
};

export class ReportingPolicyRequestDto {
  @PolicyDays('Days after the request by which the State acknowledges it')
  acknowledgementDays!: number;

  @PolicyDays('Days after the request by which the first progress report is due')
  firstReportDays!: number;

  @PolicyDays('Days after each progress report by which the next is due')
  reportIntervalDays!: number;

  @IsReason('Why this case departs from the deployment policy')
  reason!: string;
}

/** 6.1: the request to conduct a full, prompt, impartial, independent, transparent and effective investigation. */
export class RequestInvestigationRequestDto {
  @IsCalendarDay('When the request was made')
  requestedOn!: string;

  @ApiProperty({ enum: RequestChannels })
  @IsIn(RequestChannels)
  channel!: RequestChannel;

  @IsOrganisationName('The authority addressed, e.g. the Office of the Prosecutor General')
  addresseeAuthority!: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Reference of the note verbale or letter' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class AcknowledgementRequestDto {
  @IsCalendarDay('When the acknowledgement was received')
  receivedOn!: string;
}

export class ProgressReportRequestDto {
  @IsCalendarDay('When the report was received')
  receivedOn!: string;

  @IsOrganisationName('The authority conducting the investigation')
  investigatingAuthority!: string;

  @ApiProperty({ enum: InvestigationStatuses })
  @IsIn(InvestigationStatuses)
  investigationStatus!: InvestigationStatus;

  @ApiProperty({ minimum: 0, description: 'A count; names of suspects belong in protected data only' })
  @IsInt()
  @Min(0)
  @Max(100000)
  suspectsIdentified!: number;

  @ApiProperty({ description: 'Whether the report describes measures to prevent recurrence' })
  @IsBoolean()
  preventionMeasuresReported!: boolean;

  @ApiPropertyOptional({ maxLength: 4000, description: 'The measures, as the State describes them' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  preventionMeasures?: string;

  @ApiProperty({ description: "Whether victims' families were informed" })
  @IsBoolean()
  familiesInformed!: boolean;
}
