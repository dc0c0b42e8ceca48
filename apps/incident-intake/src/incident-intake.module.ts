import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#auth';
import { DatabaseModule } from '#database';
import { AuditModule, ClockModule, serviceConfig } from '#http';
import { MessagingModule } from '#messaging';
import { HealthModule } from '#health';
import { LoggingModule, MetricsModule } from '#observability';
import { IncidentIntakeEnv, incidentIntakeDefaults } from './incident-intake.env.js';
import { IncidentEntity } from './incidents/infrastructure/incident.entity.js';
import { ImportsModule } from './imports/imports.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';

export const SERVICE = 'incident-intake';

@Module({
  imports: [
    serviceConfig(SERVICE, IncidentIntakeEnv, incidentIntakeDefaults),
    LoggingModule.forService(SERVICE),
    MetricsModule.forService(SERVICE),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: 'intake', entities: [IncidentEntity] }),
    MessagingModule.forService({ service: SERVICE, schema: 'intake' }),
    ClockModule,
    AuthModule,
    AuditModule.forService('intake'),
    HealthModule,
    ImportsModule,
    IncidentsModule,
  ],
})
export class IncidentIntakeModule {}
