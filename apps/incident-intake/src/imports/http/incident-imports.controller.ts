import { Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowRoles, CurrentUser, type AuthenticatedUser } from '#auth';
import { ImportIncidentsCommand } from '../application/import-incidents.command.js';
import { ImportInterruptedError } from '../application/import-interrupted.error.js';
import { ImportInterruptedDto, ImportSummaryDto } from './import-summary.response.dto.js';
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
  @ApiServiceUnavailableResponse({
    type: ImportInterruptedDto,
    description: 'The database kept failing: what was imported so far, and the line to resume from; sending the file again is safe',
  })
  async import(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ImportSummaryDto | ImportInterruptedDto> {
    const csv = limitedBody(request, this.config.getOrThrow<number>('IMPORT_MAX_BYTES'));
    try {
      return await this.commands.execute(new ImportIncidentsCommand(csv, { subject: user.subject, organisation: user.organisation }));
    } catch (error) {
      if (!(error instanceof ImportInterruptedError)) throw error;
      // The error body shape, with the summary a client needs to resume: the filter's body has no room for it.
      response.status(HttpStatus.SERVICE_UNAVAILABLE).setHeader('Retry-After', '30');
      const { summary, resumeFromLine, message } = error;
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message, resumeFromLine, summary };
    }
  }
}
