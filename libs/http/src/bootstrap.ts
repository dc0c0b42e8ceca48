import { type INestApplication, type Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware } from '#observability';
import { ErrorFilter } from './error.filter.js';
import { createValidationPipe } from './validation.js';

export interface ServiceDescription {
  name: string;
  title: string;
  description: string;
}

/** Largest JSON body accepted; larger ones get 413. */
export const BODY_LIMIT = '256kb';

/** Creates a service with the pipes, filter, logging, body limit and OpenAPI document they all share. */
export async function createService(module: Type<unknown>, service: ServiceDescription): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // ETags are set by handlers from record versions; Express's body hashes would be mistaken for them.
  app.set('etag', false);
  app.use(correlationMiddleware);
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
