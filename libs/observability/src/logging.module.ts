import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, Correlation } from './correlation.js';

/**
 * Structured JSON logs (pino). Every line carries the service name and the correlation id;
 * authorization headers and bodies are never logged, since bodies may hold protected data.
 */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            pinoHttp: {
              level: config.getOrThrow<string>('LOG_LEVEL'),
              base: { service },
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers[CORRELATION_HEADER];
                const id = (Array.isArray(given) ? given[0] : given) || randomUUID();
                res.setHeader(CORRELATION_HEADER, id);
                return id;
              },
              customAttributeKeys: { reqId: 'correlationId' },
              mixin: () => {
                const correlationId = Correlation.current();
                return correlationId ? { correlationId } : {};
              },
              serializers: {
                req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
            },
          }),
        }),
      ],
    };
  }
}
