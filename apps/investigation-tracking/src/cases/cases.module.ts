import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ProtectedDataKeyring, protectedDataKeyringOf } from '#database';
import { CaseFinder } from './application/case-finder.js';
import { CaseOpener } from './application/case-opener.js';
import { CaseSettings } from './application/case-settings.js';
import { ChangeCaseHandler } from './application/change-case.handler.js';
import { FindCaseDuplicateCandidatesHandler } from './application/find-case-duplicate-candidates.handler.js';
import { FindCasesNeedingAttentionHandler } from './application/find-cases-needing-attention.handler.js';
import { FindCasesHandler } from './application/find-cases.handler.js';
import { FlagCaseForReviewHandler } from './application/flag-case-for-review.handler.js';
import { GetCaseProtectedDataHandler } from './application/get-case-protected-data.handler.js';
import { GetCaseHandler } from './application/get-case.handler.js';
import { MarkReportsOverdueHandler } from './application/mark-reports-overdue.handler.js';
import { OpenCaseByPolicyHandler } from './application/open-case-by-policy.handler.js';
import { OpenCaseHandler } from './application/open-case.handler.js';
import { RecordIncidentFactsHandler } from './application/record-incident-facts.handler.js';
import { ReplaceCaseProtectedDataHandler } from './application/replace-case-protected-data.handler.js';
import { CaseChainController } from './http/case-chain.controller.js';
import { CaseProtectedDataController } from './http/case-protected-data.controller.js';
import { CasesController } from './http/cases.controller.js';
import { CaseProtectedDataRepository } from './infrastructure/case-protected-data.repository.js';
import { CaseRepository } from './infrastructure/case.repository.js';
import { IncidentFactsRepository } from './infrastructure/incident-facts.repository.js';
import { IncidentIntakeClient } from './infrastructure/incident-intake.client.js';
import { OverdueScheduler } from './infrastructure/overdue-scheduler.js';

@Module({
  controllers: [CasesController, CaseChainController, CaseProtectedDataController],
  providers: [
    OpenCaseHandler,
    OpenCaseByPolicyHandler,
    RecordIncidentFactsHandler,
    FlagCaseForReviewHandler,
    ChangeCaseHandler,
    MarkReportsOverdueHandler,
    GetCaseHandler,
    FindCasesHandler,
    FindCasesNeedingAttentionHandler,
    FindCaseDuplicateCandidatesHandler,
    GetCaseProtectedDataHandler,
    ReplaceCaseProtectedDataHandler,
    CaseFinder,
    CaseOpener,
    CaseRepository,
    IncidentFactsRepository,
    CaseProtectedDataRepository,
    IncidentIntakeClient,
    OverdueScheduler,
    { provide: CaseSettings, inject: [ConfigService], useFactory: (config: ConfigService) => CaseSettings.fromConfig(config) },
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
})
export class CasesModule {}
