import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class FindCasesRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the case of this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}
