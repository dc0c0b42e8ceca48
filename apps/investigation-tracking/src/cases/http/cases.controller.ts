import { Body, Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { FindCaseDuplicateCandidatesQuery } from '../application/find-case-duplicate-candidates.query.js';
import { FindCasesNeedingAttentionQuery } from '../application/find-cases-needing-attention.query.js';
import { FindCasesQuery } from '../application/find-cases.query.js';
import { OpenCaseCommand } from '../application/open-case.command.js';
import { caseRepresentation } from './case-representation.js';
import { CaseDetailDto, CaseNeedingAttentionDto, CasePageResponseDto, CaseSummaryDto } from './case.response.dto.js';
import { FindCasesRequestDto } from './find-cases.request.dto.js';
import { OpenCaseRequestDto } from './open-case.request.dto.js';

class DuplicateCandidatesRequestDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles('officer', 'admin')
  @ApiCreatedResponse({ type: CaseDetailDto, description: 'The case, owned by the officer’s organisation' })
  @ApiConflictResponse({ description: 'An incident is already in a case' })
  async open(
    @Body() body: OpenCaseRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDetailDto> {
    const opened = await this.commands.execute(new OpenCaseCommand(body.incidentIds, body.concernedStateCode, user));
    return caseRepresentation(this.queries, response, opened.id, user);
  }

  @Get()
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: CasePageResponseDto })
  async find(
    @Query() { limit, cursor, ...filter }: FindCasesRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CasePageResponseDto> {
    const page = await this.queries.execute(new FindCasesQuery(filter, limit, cursor, user));
    return { items: page.items.map((found) => CaseSummaryDto.from(found)), nextCursor: page.nextCursor };
  }

  // Declared before :id so that "attention" is not read as an id.
  @Get('attention')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: [CaseNeedingAttentionDto], description: 'Open cases the Council may need to act on, each with its reasons' })
  async attention(@CurrentUser() user: AuthenticatedUser): Promise<CaseNeedingAttentionDto[]> {
    const needing = await this.queries.execute(new FindCasesNeedingAttentionQuery(user));
    return needing.map(({ found, reasons }) => ({ ...CaseSummaryDto.from(found), reasons }));
  }

  @Get(':id')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: CaseDetailDto, headers: { ETag: { description: 'Send as If-Match with every change' } } })
  get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDetailDto> {
    return caseRepresentation(this.queries, response, id, user);
  }

  @Get(':id/duplicate-candidates')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ description: 'Incidents outside the case that may be the same attack as one of its incidents, scored by intake' })
  async duplicateCandidates(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() { limit }: DuplicateCandidatesRequestDto,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const token = authorization.replace(/^Bearer /, '');
    return { items: await this.queries.execute(new FindCaseDuplicateCandidatesQuery(id, limit, user, token)) };
  }
}
