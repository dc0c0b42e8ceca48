import { Module } from '@nestjs/common';
import { GetStatisticsHandler } from './application/get-statistics.handler.js';
import { RecordCaseOpenedHandler } from './application/record-case-opened.handler.js';
import { RecordIncidentFiguresHandler } from './application/record-incident-figures.handler.js';
import { RecordIncidentStatusHandler } from './application/record-incident-status.handler.js';
import { StatisticsController } from './http/statistics.controller.js';
import { FiguresRepository } from './infrastructure/figures.repository.js';

@Module({
  controllers: [StatisticsController],
  providers: [RecordIncidentFiguresHandler, RecordIncidentStatusHandler, RecordCaseOpenedHandler, GetStatisticsHandler, FiguresRepository],
})
export class StatisticsModule {}
