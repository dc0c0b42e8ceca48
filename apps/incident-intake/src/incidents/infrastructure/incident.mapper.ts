import { IncidentDate } from '../domain/incident-date.js';
import { Incident } from '../domain/incident.js';
import { IncidentEntity } from './incident.entity.js';

/** A row of `intake.incident` as raw SQL returns it. */
export interface IncidentRow {
  id: string;
  reference: string;
  version: number;
  status: IncidentEntity['status'];
  details: IncidentEntity['details'];
  external_source: string | null;
  external_id: string | null;
  rejection: IncidentEntity['rejection'];
  reported_at: Date;
  reported_by: string;
  reporting_organisation: string;
  updated_at: Date;
}

export const IncidentMapper = {
  toEntity(incident: Incident): IncidentEntity {
    const state = incident.state;
    return Object.assign(new IncidentEntity(), {
      id: state.id,
      reference: state.reference,
      version: state.version,
      status: state.status,
      countryCode: state.details.countryCode,
      concernedStateCode: state.details.concernedStateCode,
      occurredOn: IncidentDate.fromWritten(state.details.occurredOn).firstDay(),
      meansOfAttack: state.details.meansOfAttack,
      perpetratorCategory: state.details.perpetratorCategory,
      details: state.details,
      externalSource: state.externalReference?.source ?? null,
      externalId: state.externalReference?.id ?? null,
      rejection: state.rejection ?? null,
      reportedAt: state.reportedAt,
      reportedBy: state.reportedBy,
      reportingOrganisation: state.reportingOrganisation,
      updatedAt: state.updatedAt,
    });
  },

  fromRow(row: IncidentRow): Incident {
    return IncidentMapper.toDomain(
      Object.assign(new IncidentEntity(), {
        id: row.id,
        reference: row.reference,
        version: row.version,
        status: row.status,
        details: row.details,
        externalSource: row.external_source,
        externalId: row.external_id,
        rejection: row.rejection,
        reportedAt: row.reported_at,
        reportedBy: row.reported_by,
        reportingOrganisation: row.reporting_organisation,
        updatedAt: row.updated_at,
      }),
    );
  },

  toDomain(entity: IncidentEntity): Incident {
    return Incident.restore({
      id: entity.id,
      reference: entity.reference,
      version: entity.version,
      status: entity.status,
      details: entity.details,
      externalReference: entity.externalSource && entity.externalId ? { source: entity.externalSource, id: entity.externalId } : undefined,
      rejection: entity.rejection ?? undefined,
      reportedAt: entity.reportedAt,
      reportedBy: entity.reportedBy,
      reportingOrganisation: entity.reportingOrganisation,
      updatedAt: entity.updatedAt,
    });
  },
};
