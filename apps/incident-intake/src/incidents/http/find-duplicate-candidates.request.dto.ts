import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_DUPLICATE_CANDIDATES = 100;

export class FindDuplicateCandidatesRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DUPLICATE_CANDIDATES, default: 20, description: 'How many candidates, best first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DUPLICATE_CANDIDATES)
  limit = 20;
}
