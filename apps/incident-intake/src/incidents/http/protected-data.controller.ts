import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { GetProtectedDataQuery } from '../application/get-protected-data.query.js';
import { ReplaceProtectedDataCommand } from '../application/replace-protected-data.command.js';
import { ProtectedDataDto, toProtectedData } from './protected-data.dto.js';

/** Victims, witnesses and perpetrator names: officers of the reporting organisation and admins only. */
@ApiTags('protected data')
@ApiBearerAuth()
@Controller('incidents/:id/protected-data')
export class ProtectedDataController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @AllowRoles('officer', 'admin')
  @ApiOkResponse({ type: ProtectedDataDto })
  @ApiForbiddenResponse({ description: 'Not an officer of the reporting organisation' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ProtectedDataDto> {
    return this.queries.execute(new GetProtectedDataQuery(id, user));
  }

  @Put()
  @HttpCode(204)
  @AllowRoles('officer', 'admin')
  @ApiNoContentResponse({ description: 'Replaced' })
  @ApiForbiddenResponse({ description: 'Not an officer of the reporting organisation' })
  async replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ProtectedDataDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.commands.execute(new ReplaceProtectedDataCommand(id, toProtectedData(body), user));
  }
}
