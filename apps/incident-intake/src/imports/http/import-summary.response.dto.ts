import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldProblemDto {
  @ApiProperty({ example: 'Means of attack' }) field!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

class ImportedRowProblemDto {
  @ApiProperty({ description: 'Line of the file where the row starts' }) line!: number;
  @ApiPropertyOptional({ description: "The source's incident id" }) externalId?: string;
  @ApiProperty({ type: [FieldProblemDto] }) problems!: FieldProblemDto[];
}

class ImportWarningDto {
  @ApiProperty() line!: number;
  @ApiProperty() externalId!: string;
  @ApiProperty({ type: [String] }) messages!: string[];
}

export class ImportSummaryDto {
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'Rows imported before (same source incident id): nothing new was created' }) alreadyImported!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportedRowProblemDto] }) errors!: ImportedRowProblemDto[];
  @ApiProperty({ description: 'More rows failed than errors lists' }) errorsTruncated!: boolean;
  @ApiProperty({ type: [ImportWarningDto] }) warnings!: ImportWarningDto[];
}

export class ImportInterruptedDto {
  @ApiProperty({ example: 503 }) statusCode!: number;
  @ApiProperty({ example: 'Service Unavailable' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'First line of the file not imported; every row before it is done' }) resumeFromLine!: number;
  @ApiProperty({ type: ImportSummaryDto, description: 'The rows before resumeFromLine' }) summary!: ImportSummaryDto;
}
