import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '#auth';
import { GetStatisticsQuery, type Statistics } from '../application/get-statistics.query.js';
import { GetStatisticsRequestDto } from './get-statistics.request.dto.js';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  /** Incidents, countries, cases opened and personnel harmed (national vs international), overall and by year. */
  @Get()
  @AllowRoles('reporting', 'partner', 'officer', 'admin')
  @ApiOkResponse({ description: 'Aggregated figures; no personal data' })
  get(@Query() filter: GetStatisticsRequestDto): Promise<Statistics> {
    return this.queries.execute(new GetStatisticsQuery(filter));
  }
}
