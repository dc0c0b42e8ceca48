import { Global, Module } from '@nestjs/common';
import { CaseProjection } from './infrastructure/case-projection.js';
import { IncidentProjection } from './infrastructure/incident-projection.js';
import { ReadModels } from './infrastructure/read-models.js';

/** The read models, for the consumer that keeps them live and for rebuilds. */
@Global()
@Module({
  providers: [IncidentProjection, CaseProjection, ReadModels],
  exports: [ReadModels],
})
export class ProjectionsModule {}
