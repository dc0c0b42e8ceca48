import { ServiceEnv } from '#config';

export class InvestigationTrackingEnv extends ServiceEnv {}

export const investigationTrackingDefaults = { PORT: '3002' };
