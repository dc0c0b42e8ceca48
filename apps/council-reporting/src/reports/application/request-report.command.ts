import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { ReportRequestInput } from '../domain/report-request.js';

/** Queues a Council report; it is generated in the background. */
export class RequestReportCommand extends Command<{ reportId: string; reference: string }> {
  constructor(
    readonly input: ReportRequestInput,
    readonly requester: Actor,
  ) {
    super();
  }
}
