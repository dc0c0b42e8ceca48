import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IncidentAmended, IncidentReported, type IncidentSnapshotV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { RecordIncidentFactsCommand } from '../application/record-incident-facts.command.js';

/** Keeps the case's copy of an incident's facts: reporting alone opens no case (the policy acts on verification). */
@Injectable()
export class RecordIncidentFactsWhenIncidentChangedHandler implements IntegrationEventHandler<IncidentSnapshotV1> {
  readonly contracts = [IncidentReported, IncidentAmended];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(snapshot: IncidentSnapshotV1): Promise<void> {
    await this.commands.execute(
      new RecordIncidentFactsCommand({
        incidentId: snapshot.incidentId,
        reference: snapshot.reference,
        version: snapshot.version,
        status: snapshot.status,
        countryCode: snapshot.countryCode,
        concernedStateCode: snapshot.concernedStateCode,
        occurredOn: snapshot.occurredOn,
        confidentiality: snapshot.confidentiality,
        reportingOrganisation: snapshot.reportingOrganisation,
        imported: snapshot.externalReference !== undefined,
        personnel: snapshot.personnel,
        assets: snapshot.assets,
      }),
    );
  }
}
