import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EvidenceCategories, type EvidenceCategory } from '#contracts';
import { IsCalendarDay } from '#http';
import { IsOrganisationName, IsReason } from './request-fields.js';

const Sha256 = () => (target: object, property: string) => {
  ApiProperty({ pattern: '^[a-f0-9]{64}$', description: 'SHA-256 of the item, lower-case hex; the file itself is stored elsewhere' })(
    target,
    property,
  );
  Matches(/^[a-f0-9]{64}$/, { message: ({ property: name }) => `${name} must be a SHA-256 in lower-case hex (64 characters)` })(
    target,
    property,
  );
};

export class RegisterEvidenceRequestDto {
  @ApiProperty({ enum: EvidenceCategories })
  @IsIn(EvidenceCategories)
  category!: EvidenceCategory;

  @Sha256()
  sha256!: string;

  @IsOrganisationName('The organisation it was received from; never a private person')
  receivedFrom!: string;

  @IsCalendarDay('When it was received')
  receivedOn!: string;

  @IsOrganisationName('Who holds it now (an organisation or unit)')
  holder!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class TransferEvidenceRequestDto {
  @IsOrganisationName('The new holder')
  to!: string;

  @IsCalendarDay('When custody passed')
  on!: string;

  @IsReason()
  reason!: string;
}

export class CheckEvidenceRequestDto {
  @Sha256()
  sha256!: string;
}
