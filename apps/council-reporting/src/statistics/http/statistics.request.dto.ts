import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional } from 'class-validator';
import { Dimensions, type Dimension } from '../domain/dimensions.js';
import { FigureRequestDto } from './figure.request.dto.js';

export class StatisticsRequestDto extends FigureRequestDto {
  @ApiPropertyOptional({
    example: 'country,harm,personnel',
    description: `Comma-separated dimensions to group by: ${Dimensions.join(', ')}`,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(4, { message: 'groupBy takes at most 4 dimensions' })
  @ArrayUnique({ message: 'groupBy names each dimension once' })
  @IsIn(Dimensions, { each: true, message: `groupBy takes these dimensions: ${Dimensions.join(', ')}` })
  groupBy: Dimension[] = [];
}
