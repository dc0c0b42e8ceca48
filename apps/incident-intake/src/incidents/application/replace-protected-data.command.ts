import { Command } from '@nestjs/cqrs';
import type { ProtectedData } from '../domain/protected-data.js';

export class ReplaceProtectedDataCommand extends Command<void> {
  constructor(
    readonly incidentId: string,
    readonly data: ProtectedData,
    readonly writer: { subject: string; role: string; organisation: string },
  ) {
    super();
  }
}
