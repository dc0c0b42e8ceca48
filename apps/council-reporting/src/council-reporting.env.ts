import { ServiceEnv, type ServiceDefaults } from '#config';

export class CouncilReportingEnv extends ServiceEnv {}

export const councilReportingDefaults: ServiceDefaults = { always: { PORT: '3003' } };
