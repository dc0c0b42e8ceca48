import { CouncilReportingEnv, councilReportingDefaults } from '../../apps/council-reporting/src/council-reporting.env.js';
import { serviceDataSource } from '../service-data-source.js';
import { CreateReportingSchema1764410000002 } from './1764410000002-create-reporting-schema.js';
import { FiguresFollowTheAccessRule1764600000002 } from './1764600000002-figures-follow-the-access-rule.js';
import { ReadModelsForCouncilReports1764800000002 } from './1764800000002-read-models-for-council-reports.js';
import { CouncilReportJobs1764800000012 } from './1764800000012-council-report-jobs.js';
import { ReportingOutboxParking1764900000002 } from './1764900000002-outbox-parking.js';
import { PeoplePerIncident1765000000002 } from './1765000000002-people-per-incident.js';

export default serviceDataSource('council-reporting', CouncilReportingEnv, councilReportingDefaults, {
  schema: 'reporting',
  entities: [],
  migrations: [
    CreateReportingSchema1764410000002,
    FiguresFollowTheAccessRule1764600000002,
    ReadModelsForCouncilReports1764800000002,
    CouncilReportJobs1764800000012,
    ReportingOutboxParking1764900000002,
    PeoplePerIncident1765000000002,
  ],
});
