import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { GetCaseProtectedDataQuery } from '../application/get-case-protected-data.query.js';
import { ReplaceCaseProtectedDataCommand } from '../application/replace-case-protected-data.command.js';
import { CaseProtectedDataDto } from './case-protected-data.dto.js';

/** Survivors' and accused persons' identities: officers of the owning organisation and admins only. */
@ApiTags('case protected data')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an officer of the organisation that works the case' })
@AllowRoles('officer', 'admin')
@Controller('cases/:id/protected-data')
export class CaseProtectedDataController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: CaseProtectedDataDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseProtectedDataDto> {
    return this.queries.execute(new GetCaseProtectedDataQuery(id, user));
  }

  @Put()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Replaced' })
  async replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CaseProtectedDataDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.commands.execute(new ReplaceCaseProtectedDataCommand(id, body, user));
  }
}
