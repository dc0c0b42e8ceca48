import {
  InvestigationTrackingEnv,
  investigationTrackingDefaults,
} from '../../apps/investigation-tracking/src/investigation-tracking.env.js';
import { serviceDataSource } from '../service-data-source.js';
import { CreateInvestigationSchema1764410000001 } from './1764410000001-create-investigation-schema.js';
import { RecommendationSixWorkflow1764500000000 } from './1764500000000-recommendation-6-workflow.js';
import { InvestigationAuditTrail1764600000001 } from './1764600000001-audit-trail.js';
import { InvestigationProtectedDataKeyId1764700000001 } from './1764700000001-protected-data-key-id.js';
import { InvestigationOutboxParking1764900000001 } from './1764900000001-outbox-parking.js';

export default serviceDataSource('investigation-tracking', InvestigationTrackingEnv, investigationTrackingDefaults, {
  schema: 'investigation',
  entities: [],
  migrations: [
    CreateInvestigationSchema1764410000001,
    RecommendationSixWorkflow1764500000000,
    InvestigationAuditTrail1764600000001,
    InvestigationProtectedDataKeyId1764700000001,
    InvestigationOutboxParking1764900000001,
  ],
});
