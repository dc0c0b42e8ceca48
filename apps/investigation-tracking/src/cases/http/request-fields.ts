import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Why a change was made: kept in the case's timeline, never in events. */
export function IsReason(description = 'Why; shown in the case timeline, never published in events'): PropertyDecorator {
  return applyDecorators(ApiProperty({ minLength: 3, maxLength: 2000, description }), IsString(), MinLength(3), MaxLength(2000));
}

/** A short name of an organisation, authority, court or unit; never a private person. */
export function IsOrganisationName(description: string, optional = false): PropertyDecorator {
  return applyDecorators(
    optional ? ApiPropertyOptional({ maxLength: 200, description }) : ApiProperty({ maxLength: 200, description }),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    MinLength(2),
    MaxLength(200),
  );
}

/** ISO 3166-1 alpha-2 as the contract writes it. */
export const StateCodePattern = /^[A-Z]{2}$/;
