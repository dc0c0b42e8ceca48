import { ServiceEnv } from '#config';

/** Incident intake reads only the shared variables for now; protected-data keys come with them. */
export class IncidentIntakeEnv extends ServiceEnv {}

export const incidentIntakeDefaults = { PORT: '3001' };
