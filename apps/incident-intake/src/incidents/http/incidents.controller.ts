import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { GetIncidentQuery } from '../application/get-incident.query.js';
import { ReportIncidentCommand } from '../application/report-incident.command.js';
import { IncidentResponseDto } from './incident.response.dto.js';
import { ReportIncidentRequestDto } from './report-incident.request.dto.js';

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
  @ApiCreatedResponse({ type: IncidentResponseDto })
  async report(@Body() body: ReportIncidentRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<IncidentResponseDto> {
    return IncidentResponseDto.from(await this.commands.execute(new ReportIncidentCommand(body, user)));
  }

  @Get(':id')
  @AllowRoles('officer', 'reporting', 'admin')
  @ApiOkResponse({ type: IncidentResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IncidentResponseDto> {
    return IncidentResponseDto.from(await this.queries.execute(new GetIncidentQuery(id)));
  }
}
