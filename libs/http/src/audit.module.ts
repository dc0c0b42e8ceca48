import { Controller, Get, Global, Inject, Module, Query, type DynamicModule } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AllowRoles } from '#auth';
import { AuditTrail, Transactions, type StoredAuditEntry } from '#database';

class FindAuditEntriesRequestDto {
  @ApiPropertyOptional({ description: 'Only entries about this record (incident or case id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recordId?: string;

  @ApiPropertyOptional({ description: 'Only entries of this user (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorSubject?: string;

  @ApiPropertyOptional({ example: 'protected_data.read' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,64}$/, { message: 'action must be an action name such as protected_data.read' })
  action?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Entries after this sequence number (nextAfter of the previous page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}

class AuditPageResponseDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Entries, oldest first, each with the hash that chains it to the one before',
  })
  items!: StoredAuditEntry[];

  @ApiProperty({ nullable: true, type: Number, description: 'Pass as after for the next page; null on the last page' })
  nextAfter!: number | null;
}

/** GET /audit: the service's audit trail, for admins. `npm run audit:verify` checks its chain. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
class AuditController {
  constructor(
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  @Get()
  @AllowRoles('admin')
  @ApiOkResponse({ type: AuditPageResponseDto })
  async find(@Query() { after, limit, ...filter }: FindAuditEntriesRequestDto): Promise<AuditPageResponseDto> {
    const items = await this.audit.find(this.transactions.manager(), filter, after, limit);
    return { items, nextAfter: items.length === limit ? items[items.length - 1].sequence : null };
  }
}

/** The audit trail of a service's schema, for its handlers to record into and admins to read. */
@Global()
@Module({})
export class AuditModule {
  static forService(schema: string): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [{ provide: AuditTrail, useValue: new AuditTrail(schema) }],
      exports: [AuditTrail],
    };
  }
}
