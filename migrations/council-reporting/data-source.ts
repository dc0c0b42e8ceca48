import { CouncilReportingEnv, councilReportingDefaults } from '../../apps/council-reporting/src/council-reporting.env.js';
import { serviceDataSource } from '../service-data-source.js';
import { CreateReportingSchema1764410000002 } from './1764410000002-create-reporting-schema.js';

export default serviceDataSource('council-reporting', CouncilReportingEnv, councilReportingDefaults, {
  schema: 'reporting',
  entities: [],
  migrations: [CreateReportingSchema1764410000002],
});
