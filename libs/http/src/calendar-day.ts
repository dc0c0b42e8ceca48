import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isCalendarDate } from '#domain';

/** A real calendar day, `YYYY-MM-DD` (UTC). */
export function IsCalendarDay(description: string, optional = false): PropertyDecorator {
  return applyDecorators(
    optional ? ApiPropertyOptional({ format: 'date', description }) : ApiProperty({ format: 'date', description }),
    ...(optional ? [IsOptional()] : []),
    ValidateBy({
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'date'} must be a real day written YYYY-MM-DD`,
      },
    }),
  );
}
