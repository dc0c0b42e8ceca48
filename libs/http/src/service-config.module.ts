import { type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadEnv, type ServiceDefaults, type ServiceEnv } from '#config';

/** @nestjs/config validated by the service's schema; a bad variable stops start-up and is named. */
export function serviceConfig<T extends ServiceEnv>(
  service: string,
  schema: new () => T,
  defaults: ServiceDefaults,
): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validate: (raw) => loadEnv(service, schema, raw as Record<string, string>, defaults),
  });
}
