import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SurvivorSupportKinds, type SurvivorSupportKind } from '#contracts';
import { NestedList } from '#http';

export class ProtectedSurvivorDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string;

  @ApiProperty({ enum: SurvivorSupportKinds, isArray: true })
  @IsArray()
  @IsIn(SurvivorSupportKinds, { each: true })
  supportKinds!: SurvivorSupportKind[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class ProtectedAccusedDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  prosecutionId?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

/** Identities behind a case's counts: officers of the owning organisation and admins only. */
export class CaseProtectedDataDto {
  @ApiProperty({ type: [ProtectedSurvivorDto] })
  @NestedList(() => ProtectedSurvivorDto, 1000)
  survivors!: ProtectedSurvivorDto[];

  @ApiProperty({ type: [ProtectedAccusedDto] })
  @NestedList(() => ProtectedAccusedDto, 1000)
  accused!: ProtectedAccusedDto[];
}
