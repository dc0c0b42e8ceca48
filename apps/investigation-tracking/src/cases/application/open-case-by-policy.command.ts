import { Command } from '@nestjs/cqrs';

/** intake verified an incident: a case opens if the deployment's opening policy matches. */
export class OpenCaseByPolicyCommand extends Command<void> {
  constructor(
    readonly incidentId: string,
    readonly version: number,
  ) {
    super();
  }
}
