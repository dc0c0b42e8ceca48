import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { DownloadReportQuery } from '../application/download-report.query.js';
import { GetReportQuery } from '../application/get-report.query.js';
import { RequestReportCommand } from '../application/request-report.command.js';
import { RetryReportCommand } from '../application/retry-report.command.js';
import { DownloadReportRequestDto } from './download-report.request.dto.js';
import { ReportDto } from './report.response.dto.js';
import { RequestReportRequestDto } from './request-report.request.dto.js';

/** Council-ready summaries: requested, generated in the background, downloaded in six formats. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @AllowRoles('reporting', 'admin')
  @ApiAcceptedResponse({ type: ReportDto, headers: { Location: { description: 'Where to follow the job' } } })
  async request(
    @Body() body: RequestReportRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportDto> {
    const { reportId } = await this.commands.execute(new RequestReportCommand(body, user));
    response.setHeader('Location', `/reports/${reportId}`);
    return ReportDto.from(await this.queries.execute(new GetReportQuery(reportId, user)));
  }

  @Get(':id')
  @AllowRoles('reporting', 'admin')
  @ApiOkResponse({ type: ReportDto, description: 'Status, progress, failure, watermark and, once completed, the files with their SHA-256' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReportDto> {
    return ReportDto.from(await this.queries.execute(new GetReportQuery(id, user)));
  }

  @Get(':id/download')
  @AllowRoles('reporting', 'admin')
  @ApiProduces('application/json', 'text/markdown', 'text/html', 'application/pdf', 'text/csv')
  @ApiOkResponse({ description: 'The document; Repr-Digest carries its SHA-256' })
  @ApiConflictResponse({ description: 'The report is not completed' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() { format }: DownloadReportRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.queries.execute(new DownloadReportQuery(id, format, user));
    response
      .status(200)
      .setHeader('Content-Type', file.mediaType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .setHeader('ETag', `"${file.sha256}"`)
      .setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
      .end(file.content);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @AllowRoles('reporting', 'admin')
  @ApiAcceptedResponse({ type: ReportDto })
  @ApiConflictResponse({ description: 'Only a failed report can be retried' })
  async retry(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReportDto> {
    await this.commands.execute(new RetryReportCommand(id, user));
    return ReportDto.from(await this.queries.execute(new GetReportQuery(id, user)));
  }
}
