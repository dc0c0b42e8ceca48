import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { CLOCK, type Clock } from '#domain';
import { ExportIncidentsQuery } from '../application/export-incidents.query.js';
import { ExportIncidentsRequestDto } from './export-incidents.request.dto.js';
import { exportHeader, exportHxlRow, exportRecord, exportRow } from './incident-export.format.js';

/** CSV (with an HXL hashtag row) and JSON exports, streamed in batches. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentExportController {
  private readonly logger = new Logger(IncidentExportController.name);

  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Every matching incident, oldest first; no narratives and no protected data' })
  async export(
    @Query() query: ExportIncidentsRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    const { format, ...filter } = query;
    const incidents = await this.queries.execute(new ExportIncidentsQuery(filter, user));
    const stamp = this.clock.now().toISOString().slice(0, 10);
    response.setHeader('Content-Disposition', `attachment; filename="incidents-${stamp}.${format}"`);
    try {
      if (format === 'csv') {
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        const rows = Readable.from(
          (async function* () {
            yield exportHeader;
            yield exportHxlRow;
            for await (const incident of incidents) yield exportRow(incident);
          })(),
        );
        await pipeline(rows, stringify(), response);
      } else {
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        const chunks = Readable.from(
          (async function* () {
            yield '[';
            let first = true;
            for await (const incident of incidents) {
              yield `${first ? '' : ','}\n${JSON.stringify(exportRecord(incident))}`;
              first = false;
            }
            yield '\n]\n';
          })(),
        );
        await pipeline(chunks, response);
      }
    } catch (error) {
      // Headers are gone: the only honest signal left is a cut connection.
      this.logger.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    }
  }
}
