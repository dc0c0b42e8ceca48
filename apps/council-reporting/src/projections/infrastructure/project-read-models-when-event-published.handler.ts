import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '#contracts';
import { Transactions } from '#database';
import type { CloudEvent, IntegrationEventHandler, MessageSource } from '#messaging';
import { LiveProjectionSchema } from './projection-tables.js';
import { ReadModels } from './read-models.js';

/** Keeps the live read models in step with the incident and case topics. */
@Injectable()
export class ProjectReadModelsWhenEventPublishedHandler implements IntegrationEventHandler {
  readonly contracts: EventContract<object>[];

  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {
    this.contracts = readModels.contracts;
  }

  async handle(_payload: object, event: CloudEvent<object>, source: MessageSource): Promise<void> {
    const { topic, partition, offset } = source;
    await this.readModels.applyAll(this.transactions.manager(), LiveProjectionSchema, topic, partition, [{ event, offset }]);
  }
}
