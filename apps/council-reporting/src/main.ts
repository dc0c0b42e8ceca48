import 'reflect-metadata';
import { runService } from '#http/service';
import { CouncilReportingModule, SERVICE } from './council-reporting.module.js';

await runService(CouncilReportingModule, {
  name: SERVICE,
  title: 'Council reporting',
  description: 'Read models over all accountability events and Council-ready figures.',
});
