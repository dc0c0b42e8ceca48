import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ImportIncidentsHandler } from './application/import-incidents.handler.js';
import { IncidentImportsController } from './http/incident-imports.controller.js';

@Module({
  imports: [IncidentsModule],
  controllers: [IncidentImportsController],
  providers: [ImportIncidentsHandler],
})
export class ImportsModule {}
