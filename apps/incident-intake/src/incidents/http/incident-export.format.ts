import { HarmTypes, PersonnelStatuses } from '#contracts';
import type { Incident } from '../domain/incident.js';
import { IncidentResponseDto } from './incident.response.dto.js';

/**
 * Export columns with their HXL hashtags. Narratives, sources and protected data are never
 * exported; counts are per harm and status, national and locally recruited personnel first.
 */
const columns: { header: string; hxl: string; value: (incident: Incident) => string | number | undefined }[] = [
  { header: 'Reference', hxl: '#event+id', value: (incident) => incident.state.reference },
  { header: 'Incident ID', hxl: '#event+id+uuid', value: (incident) => incident.id },
  { header: 'Status', hxl: '#status', value: (incident) => incident.state.status },
  { header: 'Occurred on', hxl: '#date+occurred', value: (incident) => incident.state.details.occurredOn },
  { header: 'Date precision', hxl: '#date+precision', value: (incident) => incident.state.details.occurredOnPrecision },
  { header: 'Country Code', hxl: '#country+code', value: (incident) => incident.state.details.countryCode },
  { header: 'Concerned State', hxl: '#country+code+concerned', value: (incident) => incident.state.details.concernedStateCode },
  { header: 'Region', hxl: '#adm1+name', value: (incident) => incident.state.details.adminLevel1 },
  { header: 'District', hxl: '#adm2+name', value: (incident) => incident.state.details.adminLevel2 },
  { header: 'City', hxl: '#loc+name', value: (incident) => incident.state.details.locality },
  { header: 'Latitude', hxl: '#geo+lat', value: (incident) => incident.state.details.coordinates?.latitude },
  { header: 'Longitude', hxl: '#geo+lon', value: (incident) => incident.state.details.coordinates?.longitude },
  { header: 'Location', hxl: '#loc+type', value: (incident) => incident.state.details.locationType },
  { header: 'Means of attack', hxl: '#event+means', value: (incident) => incident.state.details.meansOfAttack },
  { header: 'Attack context', hxl: '#event+type', value: (incident) => incident.state.details.attackContext },
  { header: 'Motive', hxl: '#x_event_motive', value: (incident) => incident.state.details.motive },
  { header: 'Actor type', hxl: '#group+type', value: (incident) => incident.state.details.perpetratorCategory },
  ...PersonnelStatuses.flatMap((status) =>
    HarmTypes.map((harm) => ({
      header: `${status === 'national' ? 'Nationals' : 'Internationals'} ${harm.replace('_', ' ')}`,
      hxl: `#affected+${harm === 'wounded' ? 'injured' : harm}+${status}`,
      value: (incident: Incident) =>
        incident.state.details.personnel
          .filter((count) => count.harm === harm && count.status === status)
          .reduce((total, count) => total + count.count, 0),
    })),
  ),
  { header: 'Premises and assets affected', hxl: '#affected+assets', value: (incident) => incident.state.details.assets.length },
  { header: 'Confidentiality', hxl: '#meta+confidentiality', value: (incident) => incident.state.details.confidentiality },
  { header: 'Source verification', hxl: '#meta+verified', value: (incident) => incident.state.details.sourceVerification },
  { header: 'External source', hxl: '#meta+source', value: (incident) => incident.state.externalReference?.source },
  { header: 'External ID', hxl: '#meta+source+id', value: (incident) => incident.state.externalReference?.id },
  { header: 'Reported at', hxl: '#date+reported', value: (incident) => incident.state.reportedAt.toISOString() },
];

export const exportHeader = columns.map((column) => column.header);
export const exportHxlRow = columns.map((column) => column.hxl);

export function exportRow(incident: Incident): (string | number)[] {
  return columns.map((column) => column.value(incident) ?? '');
}

/** A record of the JSON export: the incident as the API shows it, less what the CSV leaves out too. */
export function exportRecord(incident: Incident): Omit<IncidentResponseDto, 'narrative' | 'sources' | 'reportedBy'> {
  const { narrative: _narrative, sources: _sources, reportedBy: _reportedBy, ...record } = IncidentResponseDto.from(incident);
  return record;
}
