import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '#auth';
import { FindCasesQuery } from '../application/find-cases.query.js';
import { CaseResponseDto } from './case.response.dto.js';
import { FindCasesRequestDto } from './find-cases.request.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: [CaseResponseDto] })
  async find(@Query() filter: FindCasesRequestDto): Promise<CaseResponseDto[]> {
    return (await this.queries.execute(new FindCasesQuery(filter))).map((found) => CaseResponseDto.from(found));
  }
}
