import type { Gender, HarmType, PersonnelStatus } from '#contracts';

/** A victim or witness as the reporting organisation knows them. Never leaves the intake service. */
export interface ProtectedPerson {
  name?: string;
  staffId?: string;
  contact?: string;
  harm?: HarmType;
  status?: PersonnelStatus;
  gender?: Gender;
  testimony?: string;
}

export interface ProtectedData {
  perpetratorName?: string;
  victims: ProtectedPerson[];
  witnesses: ProtectedPerson[];
}

/**
 * Protected data is visible only to officers of the organisation that reported the incident,
 * and to administrators.
 */
export function mayAccessProtectedData(reader: { role: string; organisation: string }, reportingOrganisation: string): boolean {
  return reader.role === 'admin' || (reader.role === 'officer' && reader.organisation === reportingOrganisation);
}
