import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ProtectedDataKeyring, protectedDataKeyringOf } from '#database';
import { PartnerStreamModule } from '../partner-stream/partner-stream.module.js';
import { AmendIncidentHandler } from './application/amend-incident.handler.js';
import { ExportIncidentsHandler } from './application/export-incidents.handler.js';
import { FindDuplicateCandidatesHandler } from './application/find-duplicate-candidates.handler.js';
import { GetIncidentHistoryHandler } from './application/get-incident-history.handler.js';
import { GetIncidentHandler } from './application/get-incident.handler.js';
import { GetProtectedDataHandler } from './application/get-protected-data.handler.js';
import { IncidentChanger } from './application/incident-changer.js';
import { IncidentFinder } from './application/incident-finder.js';
import { IncidentRecorder } from './application/incident-recorder.js';
import { ListIncidentsHandler } from './application/list-incidents.handler.js';
import { RejectIncidentHandler } from './application/reject-incident.handler.js';
import { ReplaceProtectedDataHandler } from './application/replace-protected-data.handler.js';
import { ReportIncidentHandler } from './application/report-incident.handler.js';
import { VerifyIncidentHandler } from './application/verify-incident.handler.js';
import { IncidentExportController } from './http/incident-export.controller.js';
import { IncidentsController } from './http/incidents.controller.js';
import { ProtectedDataController } from './http/protected-data.controller.js';
import { IdempotencyKeys } from './infrastructure/idempotency-keys.js';
import { IncidentRepository } from './infrastructure/incident.repository.js';
import { ProtectedDataRepository } from './infrastructure/protected-data.repository.js';

@Module({
  imports: [PartnerStreamModule],
  // The export route is registered before /incidents/:id, which would otherwise take "export" for an id.
  controllers: [IncidentExportController, IncidentsController, ProtectedDataController],
  providers: [
    ReportIncidentHandler,
    AmendIncidentHandler,
    VerifyIncidentHandler,
    RejectIncidentHandler,
    GetIncidentHandler,
    ListIncidentsHandler,
    GetIncidentHistoryHandler,
    ExportIncidentsHandler,
    FindDuplicateCandidatesHandler,
    GetProtectedDataHandler,
    ReplaceProtectedDataHandler,
    IncidentRecorder,
    IncidentChanger,
    IncidentFinder,
    IncidentRepository,
    ProtectedDataRepository,
    IdempotencyKeys,
    {
      provide: ProtectedDataKeyring,
      inject: [ConfigService],
      // Optional variables, each validated with the others by ProtectedDataEnv.
      useFactory: (config: ConfigService) =>
        protectedDataKeyringOf({
          PROTECTED_DATA_KEY: config.get<string>('PROTECTED_DATA_KEY'),
          PROTECTED_DATA_KEYS: config.get<string>('PROTECTED_DATA_KEYS'),
          PROTECTED_DATA_CURRENT_KEY_ID: config.get<string>('PROTECTED_DATA_CURRENT_KEY_ID'),
        }),
    },
  ],
  exports: [IncidentRecorder, IncidentRepository],
})
export class IncidentsModule {}
