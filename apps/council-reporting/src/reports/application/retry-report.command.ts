import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';

/** Puts a failed report back in the queue. */
export class RetryReportCommand extends Command<void> {
  constructor(
    readonly reportId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
