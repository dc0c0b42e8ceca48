import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageRequestDto } from '#http';

export class FindCasesRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the case of this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}
