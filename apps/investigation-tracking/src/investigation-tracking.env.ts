import { ServiceEnv, type ServiceDefaults } from '#config';

export class InvestigationTrackingEnv extends ServiceEnv {}

export const investigationTrackingDefaults: ServiceDefaults = { always: { PORT: '3002' } };
