import 'reflect-metadata';
import { runService } from '#http/service';
import { IncidentIntakeModule, SERVICE } from './incident-intake.module.js';

await runService(IncidentIntakeModule, {
  name: SERVICE,
  title: 'Incident intake',
  description: 'Records attacks on humanitarian and UN and associated personnel, their premises and assets (recommendation 1.4).',
});
