import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Case } from '../domain/case.js';

/** An officer opens a case for one or more incidents; the first is the one it is opened for. */
export class OpenCaseCommand extends Command<Case> {
  constructor(
    readonly incidentIds: string[],
    readonly concernedStateCode: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
