import { ServiceEnv } from '#config';

export class CouncilReportingEnv extends ServiceEnv {}

export const councilReportingDefaults = { PORT: '3003' };
