import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { postgresOptions, type ServiceDatabase } from './postgres-options.js';
import { Transactions } from './transactions.js';

/** The service's DataSource (its own schema) and the transaction runner its handlers share. */
@Global()
@Module({})
export class DatabaseModule {
  static forService(database: ServiceDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            postgresOptions(config.getOrThrow<string>('DATABASE_URL'), database, {
              statementTimeoutMs: config.getOrThrow<number>('DATABASE_STATEMENT_TIMEOUT_MS'),
            }),
        }),
      ],
      providers: [{ provide: Transactions, inject: [DataSource], useFactory: (dataSource: DataSource) => new Transactions(dataSource) }],
      exports: [Transactions],
    };
  }
}
