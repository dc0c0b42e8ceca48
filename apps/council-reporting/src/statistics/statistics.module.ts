import { Module } from '@nestjs/common';
import { DrillDownHandler } from './application/drill-down.handler.js';
import { ExportStatisticsHxlHandler } from './application/export-statistics-hxl.handler.js';
import { GetStatisticsHandler } from './application/get-statistics.handler.js';
import { StatisticsController } from './http/statistics.controller.js';

@Module({
  controllers: [StatisticsController],
  providers: [GetStatisticsHandler, DrillDownHandler, ExportStatisticsHxlHandler],
})
export class StatisticsModule {}
