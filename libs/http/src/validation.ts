import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { isCountryCode, type FieldProblem } from '#domain';

/** Turns class-validator errors into one problem per field path (`personnel.0.count`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Malformed input (wrong type, unknown field, missing field) is a 400 naming each field. */
export class InputValidationException extends BadRequestException {
  constructor(readonly details: FieldProblem[]) {
    super(`The request is invalid: ${details.map((detail) => detail.field).join(', ')}`);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InputValidationException(fieldProblems(errors)),
  });
}

/** An ISO 3166-1 alpha-2 code as the contract writes it: upper case (`SD`, not `sd`); `XK` (Kosovo) too. */
export function IsCountryCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCountryCode',
    validator: {
      validate: (value) => typeof value === 'string' && isCountryCode(value),
      defaultMessage: (args) => `${args?.property} must be an upper-case ISO 3166-1 alpha-2 code`,
    },
  });
}
