import { Command } from '@nestjs/cqrs';
import type { Case } from '../domain/case.js';

export class OpenCaseCommand extends Command<Case> {
  constructor(
    readonly incidentId: string,
    readonly incidentReference: string,
    readonly countryCode: string,
    readonly concernedStateCode: string,
  ) {
    super();
  }
}
