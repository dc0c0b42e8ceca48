import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { EventContract } from '#contracts';
import { PoisonMessageError } from './consumer/poison-message.error.js';

/**
 * The one factory from wire JSON to a typed payload: class-transformer builds the contract's
 * class and class-validator checks it. Unknown fields are tolerated (additive changes do not
 * break consumers); missing or wrong ones make the message poison.
 */
export async function validatePayload<T extends object>(contract: EventContract<T>, data: unknown): Promise<T> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PoisonMessageError(`${contract.type}: data must be a JSON object`);
  }
  const payload = plainToInstance(contract.payload, data);
  const errors = await validate(payload, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new PoisonMessageError(`${contract.type}: invalid data: ${flatten(errors).join('; ')}`);
  }
  return payload;
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
