import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#auth';
import { Topics } from '#contracts';
import { DatabaseModule } from '#database';
import { ClockModule, serviceConfig } from '#http';
import { MessagingModule } from '#messaging';
import { HealthModule } from '#health';
import { LoggingModule, MetricsModule } from '#observability';
import { CouncilReportingEnv, councilReportingDefaults } from './council-reporting.env.js';
import { ProjectReadModelsWhenEventPublishedHandler } from './projections/infrastructure/project-read-models-when-event-published.handler.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';

export const SERVICE = 'council-reporting';

@Module({
  imports: [
    serviceConfig(SERVICE, CouncilReportingEnv, councilReportingDefaults),
    LoggingModule.forService(SERVICE),
    MetricsModule.forService(SERVICE),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: 'reporting', entities: [] }),
    MessagingModule.forService({
      service: SERVICE,
      schema: 'reporting',
      consumes: {
        topics: [Topics.incidents, Topics.cases, Topics.reports],
        handlers: [ProjectReadModelsWhenEventPublishedHandler],
      },
    }),
    AuthModule,
    HealthModule,
    ClockModule,
    ProjectionsModule,
    StatisticsModule,
    ReportsModule,
  ],
})
export class CouncilReportingModule {}
