import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ReportFormats, type ReportFormat } from '#contracts';

export class DownloadReportRequestDto {
  @ApiProperty({ enum: ReportFormats, example: 'pdf' })
  @IsIn(ReportFormats, { message: `format must be one of: ${ReportFormats.join(', ')}` })
  format!: ReportFormat;
}
