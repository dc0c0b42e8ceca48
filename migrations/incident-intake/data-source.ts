import { IncidentIntakeEnv, incidentIntakeDefaults } from '../../apps/incident-intake/src/incident-intake.env.js';
import { serviceDataSource } from '../service-data-source.js';
import { CreateIntakeSchema1764410000000 } from './1764410000000-create-intake-schema.js';
import { IntakeAuditTrail1764600000000 } from './1764600000000-audit-trail.js';
import { IntakeProtectedDataKeyId1764700000000 } from './1764700000000-protected-data-key-id.js';
import { IntakeOutboxParking1764900000000 } from './1764900000000-outbox-parking.js';

export default serviceDataSource('incident-intake', IncidentIntakeEnv, incidentIntakeDefaults, {
  schema: 'intake',
  entities: [],
  migrations: [
    CreateIntakeSchema1764410000000,
    IntakeAuditTrail1764600000000,
    IntakeProtectedDataKeyId1764700000000,
    IntakeOutboxParking1764900000000,
  ],
});
