import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#auth';
import { Topics } from '#contracts';
import { DatabaseModule } from '#database';
import { AuditModule, ClockModule, serviceConfig } from '#http';
import { MessagingModule } from '#messaging';
import { HealthModule } from '#health';
import { LoggingModule, MetricsModule } from '#observability';
import { CasesModule } from './cases/cases.module.js';
import { FlagCaseWhenIncidentRejectedHandler } from './cases/infrastructure/flag-case-when-incident-rejected.handler.js';
import { OpenCaseWhenIncidentVerifiedHandler } from './cases/infrastructure/open-case-when-incident-verified.handler.js';
import { RecordIncidentFactsWhenIncidentChangedHandler } from './cases/infrastructure/record-incident-facts-when-incident-changed.handler.js';
import { InvestigationTrackingEnv, investigationTrackingDefaults } from './investigation-tracking.env.js';

export const SERVICE = 'investigation-tracking';

@Module({
  imports: [
    serviceConfig(SERVICE, InvestigationTrackingEnv, investigationTrackingDefaults),
    LoggingModule.forService(SERVICE),
    MetricsModule.forService(SERVICE),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: 'investigation', entities: [] }),
    MessagingModule.forService({
      service: SERVICE,
      schema: 'investigation',
      consumes: {
        topics: [Topics.incidents],
        handlers: [RecordIncidentFactsWhenIncidentChangedHandler, OpenCaseWhenIncidentVerifiedHandler, FlagCaseWhenIncidentRejectedHandler],
      },
    }),
    ClockModule,
    AuthModule,
    AuditModule.forService('investigation'),
    HealthModule,
    CasesModule,
  ],
})
export class InvestigationTrackingModule {}
