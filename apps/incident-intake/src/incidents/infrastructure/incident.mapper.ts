import { IncidentDate } from '../domain/incident-date.js';
import { Incident } from '../domain/incident.js';
import { IncidentEntity } from './incident.entity.js';

export const IncidentMapper = {
  toEntity(incident: Incident): IncidentEntity {
    return Object.assign(new IncidentEntity(), {
      id: incident.id,
      reference: incident.reference,
      countryCode: incident.countryCode,
      concernedStateCode: incident.concernedStateCode,
      occurredOn: incident.occurredOn.firstDay(),
      occurredOnPrecision: incident.occurredOn.precision,
      personnel: [...incident.personnel],
      status: incident.status,
      reportedAt: incident.reportedAt,
      reportedBy: incident.reportedBy,
      reportingOrganisation: incident.reportingOrganisation,
    });
  },

  toDomain(entity: IncidentEntity): Incident {
    return Incident.restore({ ...entity, occurredOn: IncidentDate.fromFirstDay(entity.occurredOn, entity.occurredOnPrecision) });
  },
};
