import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { AccountabilityMeasures } from '../application/accountability-filter.js';
import { DrillDownQuery, type DrillDown } from '../application/drill-down.query.js';
import { ExportStatisticsHxlQuery } from '../application/export-statistics-hxl.query.js';
import type { FiguresRequest } from '../application/figures-request.js';
import { GetStatisticsQuery, type Statistics } from '../application/get-statistics.query.js';
import { drillDownLink } from './drill-down-links.js';
import { DrillDownRequestDto } from './drill-down.request.dto.js';
import { whereOf, type FigureRequestDto } from './figure.request.dto.js';
import { StatisticsRequestDto } from './statistics.request.dto.js';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  /**
   * Incidents and people harmed, grouped by any dimensions, and the accountability figures by
   * concerned State. Each figure of reporting staff links to the records behind it.
   */
  @Get()
  @AllowRoles('reporting', 'partner', 'officer', 'admin')
  @ApiOkResponse({
    description:
      'Aggregated figures; no personal data. Confidential incidents count only inside their organisation (and for admins), never for partners. ' +
      'Partners see 1–4 people as "<5" and country–years of fewer than 3 incidents as "other".',
  })
  async get(@Query() request: StatisticsRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<Statistics> {
    const statistics = await this.queries.execute(new GetStatisticsQuery(figuresRequest(request), user));
    if (statistics.disclosure === 'partner') return statistics;
    return {
      ...statistics,
      rows: statistics.rows.map((row) => ({ ...row, drillDown: drillDownLink(request, row.group) })),
      accountability: {
        ...statistics.accountability,
        byState: statistics.accountability.byState.map((state) => ({
          ...state,
          drillDown: Object.fromEntries(
            AccountabilityMeasures.map((measure) => [measure, drillDownLink(request, { concernedState: state.stateCode }, measure)]),
          ),
        })),
      },
    };
  }

  /** The incidents (or cases) behind one figure: "which 163 incidents?". Not for partners, whose figures are disclosure-controlled. */
  @Get('drill-down')
  @AllowRoles('reporting', 'officer', 'admin')
  @ApiOkResponse({ description: 'References of the records the figure counts, by reference, a page at a time' })
  drillDown(@Query() request: DrillDownRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<DrillDown> {
    return this.queries.execute(
      new DrillDownQuery(figuresRequest(request), request.measure, { cursor: request.cursor, limit: request.limit }, user),
    );
  }

  /** The same figures as an HXL-tagged CSV: a header row, a hashtag row, then one line per group. */
  @Get('hxl')
  @AllowRoles('reporting', 'partner', 'officer', 'admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="statistics.hxl.csv"')
  async hxl(@Query() request: StatisticsRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    const table = await this.queries.execute(new ExportStatisticsHxlQuery(figuresRequest(request), user));
    return stringify([table.headers, table.tags, ...table.rows]);
  }
}

function figuresRequest(request: FigureRequestDto & { groupBy?: StatisticsRequestDto['groupBy'] }): FiguresRequest {
  const { period, from, to, year, status, includeRejected, groupBy } = request;
  return { period, from, to, year, status, includeRejected, groupBy, where: whereOf(request) };
}
