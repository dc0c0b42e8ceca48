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
