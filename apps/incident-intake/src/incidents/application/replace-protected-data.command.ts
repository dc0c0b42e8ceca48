import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { ProtectedData } from '../domain/protected-data.js';

export class ReplaceProtectedDataCommand extends Command<void> {
  constructor(
    readonly incidentId: string,
    readonly data: ProtectedData,
    readonly writer: Actor,
  ) {
    super();
  }
}
