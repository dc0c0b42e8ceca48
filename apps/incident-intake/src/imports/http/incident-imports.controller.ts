import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { ImportIncidentsCommand } from '../application/import-incidents.command.js';
import { ImportSummaryDto } from './import-summary.response.dto.js';
import { limitedBody } from './limited-body.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents/imports')
export class IncidentImportsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  @Post()
  @HttpCode(200)
  @AllowRoles('officer', 'admin')
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'An AWSD export (41 or 44 columns, optional HXL hashtag row) or an HXL-tagged CSV, as the raw body' })
  @ApiOkResponse({ type: ImportSummaryDto, description: 'Valid rows are imported; each invalid one is listed with its line' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_MAX_BYTES' })
  import(@Req() request: Request, @CurrentUser() user: AuthenticatedUser): Promise<ImportSummaryDto> {
    const csv = limitedBody(request, this.config.getOrThrow<number>('IMPORT_MAX_BYTES'));
    return this.commands.execute(new ImportIncidentsCommand(csv, { subject: user.subject, organisation: user.organisation }));
  }
}
