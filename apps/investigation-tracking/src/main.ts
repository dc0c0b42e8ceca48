import 'reflect-metadata';
import { runService } from '#http/service';
import { InvestigationTrackingModule, SERVICE } from './investigation-tracking.module.js';

await runService(InvestigationTrackingModule, {
  name: SERVICE,
  title: 'Investigation tracking',
  description: 'The accountability chain of recommendation 6: State investigations, progress reports, assessments, referrals.',
});
