import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Genders, HarmTypes, PersonnelStatuses, type Gender, type HarmType, type PersonnelStatus } from '#contracts';
import { NestedList } from '#http';
import type { ProtectedData } from '../domain/protected-data.js';

/** A victim or witness; stored encrypted and shown only inside the reporting organisation. */
export class ProtectedPersonDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  staffId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string;

  @ApiPropertyOptional({ enum: HarmTypes })
  @IsOptional()
  @IsIn(HarmTypes)
  harm?: HarmType;

  @ApiPropertyOptional({ enum: PersonnelStatuses })
  @IsOptional()
  @IsIn(PersonnelStatuses)
  status?: PersonnelStatus;

  @ApiPropertyOptional({ enum: Genders })
  @IsOptional()
  @IsIn(Genders)
  gender?: Gender;

  @ApiPropertyOptional({ maxLength: 50000, description: 'Free-text testimony' })
  @IsOptional()
  @IsString()
  @MaxLength(50000)
  testimony?: string;
}

export class ProtectedDataDto {
  @ApiPropertyOptional({ maxLength: 300, description: 'Name of the alleged perpetrator (restricted)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  perpetratorName?: string;

  @ApiPropertyOptional({ type: [ProtectedPersonDto] })
  @IsOptional()
  @NestedList(() => ProtectedPersonDto, 500)
  victims?: ProtectedPersonDto[];

  @ApiPropertyOptional({ type: [ProtectedPersonDto] })
  @IsOptional()
  @NestedList(() => ProtectedPersonDto, 200)
  witnesses?: ProtectedPersonDto[];
}

export function toProtectedData(dto: ProtectedDataDto): ProtectedData {
  return { perpetratorName: dto.perpetratorName, victims: dto.victims ?? [], witnesses: dto.witnesses ?? [] };
}
