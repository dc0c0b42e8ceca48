import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ThrottlerModule } from '@nestjs/throttler';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware, HttpMetrics, httpTracingMiddleware, Tracing } from '#observability';
import { AsyncApiController } from './asyncapi.controller.js';
import { ErrorFilter } from './error.filter.js';
import { inputScreeningMiddleware } from './input-screening.js';
import { MediaTypeGuard } from './media-type.guard.js';
import { RateLimitGuard, rateLimitOptions } from './rate-limit.guard.js';
import { createValidationPipe } from './validation.js';

export interface ServiceDescription {
  name: string;
  title: string;
  description: string;
}

/** Largest JSON body accepted; larger ones get 413. */
export const BODY_LIMIT = '256kb';

/** Wraps a service's module with what every service shares ahead of its own guards. */
@Module({})
class ServiceRootModule {}

function withSharedGuards(module: Type<unknown>): DynamicModule {
  return {
    module: ServiceRootModule,
    imports: [
      ThrottlerModule.forRootAsync({
        inject: [ConfigService],
        useFactory: (config: ConfigService) =>
          rateLimitOptions({
            perToken: config.getOrThrow<number>('RATE_LIMIT_PER_MINUTE'),
            perAddress: config.getOrThrow<number>('RATE_LIMIT_PER_IP_PER_MINUTE'),
          }),
      }),
      module,
    ],
    controllers: [AsyncApiController],
    // Global guards run in the order they are found, the root module's first: a flood is
    // limited, and a body of the wrong media type refused, before the token is even verified.
    providers: [
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: APP_GUARD, useClass: MediaTypeGuard },
      // Started while the modules are built, before any request or consumer; flushed at shutdown.
      { provide: Tracing, inject: [ConfigService], useFactory: startTracing },
    ],
  };
}

function startTracing(config: ConfigService): Tracing {
  return Tracing.start({
    exporter: config.getOrThrow('OTEL_TRACES_EXPORTER'),
    endpoint: config.getOrThrow('OTEL_EXPORTER_OTLP_ENDPOINT'),
    serviceName: config.getOrThrow('OTEL_SERVICE_NAME'),
  });
}

/**
 * Creates a service with the security headers, rate limits, media type and input checks,
 * pipes, filter, logging, HTTP metrics, body limit, OpenAPI and AsyncAPI documents they all share.
 */
export async function createService(module: Type<unknown>, service: ServiceDescription): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(withSharedGuards(module), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // First, so that requests refused by any later middleware or guard are measured too.
  app.use(app.get(HttpMetrics).middleware);
  app.use(helmet());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(inputScreeningMiddleware);
  // ETags are set by handlers from record versions; Express's body hashes would be mistaken for them.
  app.set('etag', false);
  app.use(correlationMiddleware);
  // After the body parser: its stream callbacks would not keep the span's context.
  if (app.get(Tracing).enabled) app.use(httpTracingMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(service.title).setDescription(service.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Entry point of a service: create, listen on PORT, exit with the reason if start-up fails. */
export async function runService(module: Type<unknown>, service: ServiceDescription): Promise<void> {
  try {
    const app = await createService(module, service);
    await app.listen(app.get(ConfigService).getOrThrow<number>('PORT'), '0.0.0.0');
  } catch (error) {
    process.stderr.write(`${service.name} could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
