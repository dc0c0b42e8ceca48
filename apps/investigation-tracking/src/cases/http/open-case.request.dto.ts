import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID } from 'class-validator';
import { IsCountryCode } from '#http';

export class OpenCaseRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The incident the case is opened for first, then any related ones' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  incidentIds!: string[];

  @ApiPropertyOptional({ example: 'SD', description: 'Defaults to the concerned State of the first incident' })
  @IsOptional()
  @IsCountryCode()
  concernedStateCode?: string;
}
