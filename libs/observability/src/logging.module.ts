import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { Correlation } from './correlation.js';

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
              // The correlation middleware ran first and chose the id.
              genReqId: () => Correlation.current() ?? randomUUID(),
              customAttributeKeys: { reqId: 'correlationId' },
              mixin: () => {
                const correlationId = Correlation.current();
                return correlationId ? { correlationId } : {};
              },
              serializers: {
                req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              // Probes and scrapes would drown the requests worth reading.
              autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
            },
          }),
        }),
      ],
    };
  }
}
