/** A message that can never be processed, however often it is retried: it goes to the DLQ. */
export class PoisonMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoisonMessageError';
  }
}
