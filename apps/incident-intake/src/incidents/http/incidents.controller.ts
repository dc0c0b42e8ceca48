import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { etagOf, idempotencyKeyOf, requestHashOf, versionFromIfMatch } from '#http';
import { AmendIncidentCommand } from '../application/amend-incident.command.js';
import { FindDuplicateCandidatesQuery } from '../application/find-duplicate-candidates.query.js';
import { GetIncidentHistoryQuery } from '../application/get-incident-history.query.js';
import { GetIncidentQuery } from '../application/get-incident.query.js';
import { ListIncidentsQuery } from '../application/list-incidents.query.js';
import { RejectIncidentCommand } from '../application/reject-incident.command.js';
import { ReportIncidentCommand } from '../application/report-incident.command.js';
import { VerifyIncidentCommand } from '../application/verify-incident.command.js';
import type { Incident } from '../domain/incident.js';
import { AmendIncidentRequestDto } from './amend-incident.request.dto.js';
import { DuplicateCandidatesResponseDto } from './duplicate-candidate.response.dto.js';
import { FindDuplicateCandidatesRequestDto } from './find-duplicate-candidates.request.dto.js';
import { IncidentHistoryEntryDto, IncidentPageResponseDto, IncidentResponseDto } from './incident.response.dto.js';
import { ListIncidentsRequestDto } from './list-incidents.request.dto.js';
import { RejectIncidentRequestDto } from './reject-incident.request.dto.js';
import { toProtectedData } from './protected-data.dto.js';
import { ReportIncidentRequestDto } from './report-incident.request.dto.js';

const IfMatch = (required: boolean) =>
  ApiHeader({ name: 'If-Match', required, description: 'ETag of the version being changed, e.g. W/"3"; a stale one gets 412' });

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles('officer', 'admin')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: the same incident (200); same key, other body: 409',
  })
  @ApiCreatedResponse({ type: IncidentResponseDto })
  @ApiOkResponse({ type: IncidentResponseDto, description: 'Replay of an earlier request with the same Idempotency-Key' })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with a different body' })
  @ApiUnprocessableEntityResponse({ description: 'Well-formed but inconsistent (dates, totals)' })
  async report(
    @Body() body: ReportIncidentRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentResponseDto> {
    const { protected: protectedData, ...details } = body;
    const key = idempotencyKeyOf(idempotencyKeyHeader);
    const result = await this.commands.execute(
      new ReportIncidentCommand(
        details,
        protectedData && toProtectedData(protectedData),
        { subject: user.subject, organisation: user.organisation },
        key === undefined ? undefined : { key, requestHash: requestHashOf(body) },
      ),
    );
    response.status(result.replayed ? 200 : 201);
    return this.withEtag(response, result.incident, result.warnings);
  }

  @Get()
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: IncidentPageResponseDto })
  async list(@Query() query: ListIncidentsRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<IncidentPageResponseDto> {
    const { sort, limit, cursor, ...filter } = query;
    const page = await this.queries.execute(new ListIncidentsQuery(filter, sort, limit, cursor, user));
    return { items: page.items.map((incident) => IncidentResponseDto.from(incident)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: IncidentResponseDto, headers: { ETag: { description: 'Send as If-Match to amend' } } })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentResponseDto> {
    return this.withEtag(response, await this.queries.execute(new GetIncidentQuery(id, user)));
  }

  @Get(':id/history')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: [IncidentHistoryEntryDto], description: 'Every version, oldest first: who, when, why' })
  async history(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<IncidentHistoryEntryDto[]> {
    const entries = await this.queries.execute(new GetIncidentHistoryQuery(id, user));
    return entries.map((entry) => ({ ...entry, at: entry.at.toISOString() }));
  }

  @Get(':id/duplicate-candidates')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: DuplicateCandidatesResponseDto, description: 'Incidents that may be the same attack, scored and explained' })
  async duplicateCandidates(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: FindDuplicateCandidatesRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DuplicateCandidatesResponseDto> {
    return { items: await this.queries.execute(new FindDuplicateCandidatesQuery(id, query.limit, user)) };
  }

  @Patch(':id')
  @AllowRoles('officer', 'admin')
  @IfMatch(true)
  @ApiOkResponse({ type: IncidentResponseDto })
  @ApiPreconditionFailedResponse({ description: 'The incident changed since the version in If-Match' })
  async amend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AmendIncidentRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentResponseDto> {
    const expectedVersion = versionFromIfMatch(ifMatch, true);
    const { reason, ...changes } = body;
    const result = await this.commands.execute(new AmendIncidentCommand(id, expectedVersion, changes, reason, user));
    return this.withEtag(response, result.incident, result.warnings);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @AllowRoles('officer', 'admin')
  @IfMatch(false)
  @ApiOkResponse({ type: IncidentResponseDto })
  @ApiConflictResponse({ description: 'The incident is not in the reported state' })
  async verify(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentResponseDto> {
    return this.withEtag(response, await this.commands.execute(new VerifyIncidentCommand(id, versionFromIfMatch(ifMatch, false), user)));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @AllowRoles('officer', 'admin')
  @IfMatch(false)
  @ApiOkResponse({ type: IncidentResponseDto })
  @ApiConflictResponse({ description: 'The incident is already rejected' })
  async reject(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RejectIncidentRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentResponseDto> {
    const incident = await this.commands.execute(new RejectIncidentCommand(id, versionFromIfMatch(ifMatch, false), body, user));
    return this.withEtag(response, incident);
  }

  private withEtag(response: Response, incident: Incident, warnings?: string[]): IncidentResponseDto {
    response.setHeader('ETag', etagOf(incident.version));
    return IncidentResponseDto.from(incident, warnings);
  }
}
