import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '#auth';
import { FindCasesQuery } from '../application/find-cases.query.js';
import { CaseResponseDto } from './case.response.dto.js';
import { FindCasesRequestDto } from './find-cases.request.dto.js';

class CasePageResponseDto {
  @ApiProperty({ type: [CaseResponseDto] })
  items!: CaseResponseDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: CasePageResponseDto })
  async find(@Query() { limit, cursor, ...filter }: FindCasesRequestDto): Promise<CasePageResponseDto> {
    const page = await this.queries.execute(new FindCasesQuery(filter, limit, cursor));
    return { items: page.items.map((found) => CaseResponseDto.from(found)), nextCursor: page.nextCursor };
  }
}
