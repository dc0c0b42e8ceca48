import { Module } from '@nestjs/common';
import { GetIncidentHandler } from './application/get-incident.handler.js';
import { ReportIncidentHandler } from './application/report-incident.handler.js';
import { IncidentsController } from './http/incidents.controller.js';
import { IncidentRepository } from './infrastructure/incident.repository.js';

@Module({
  controllers: [IncidentsController],
  providers: [ReportIncidentHandler, GetIncidentHandler, IncidentRepository],
})
export class IncidentsModule {}
