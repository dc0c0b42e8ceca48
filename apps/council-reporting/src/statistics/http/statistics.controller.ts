import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
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
  @ApiOkResponse({
    description:
      'Aggregated figures; no personal data. Confidential incidents count only inside their organisation (and for admins), never for partners',
  })
  get(@Query() filter: GetStatisticsRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<Statistics> {
    return this.queries.execute(new GetStatisticsQuery(filter, user));
  }
}
