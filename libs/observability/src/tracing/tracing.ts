import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { TraceExporters } from '#config';

export interface TracingOptions {
  /** `none` (the default) registers nothing: spans are the API's no-ops and no trace header is written. */
  exporter: (typeof TraceExporters)[number];
  /** OTLP/HTTP base URL; spans are posted as JSON to `<endpoint>/v1/traces`. */
  endpoint: string;
  serviceName: string;
}

let started = false;

/** The tracer every span of the services comes from; a no-op until tracing starts. */
export const tracer: Tracer = trace.getTracer('accountability-case-management');

/** Whether this process records spans: the helpers skip their work when it does not. */
export function tracingEnabled(): boolean {
  return started;
}

/**
 * The OpenTelemetry SDK of one service process: a tracer provider with a batching exporter and
 * the AsyncLocalStorage context manager, so the active span follows the work across `await`.
 * Spans are made explicitly (HTTP middleware, outbox, relay, consumer): under native ESM the
 * require-hook auto-instrumentations would need a loader flag.
 */
export class Tracing implements OnApplicationShutdown {
  private constructor(private readonly provider?: TracerProvider) {}

  static start(options: TracingOptions): Tracing {
    if (options.exporter === 'none') return new Tracing();
    if (started) throw new Error('tracing is already started in this process');
    const exporter: SpanExporter =
      options.exporter === 'otlp'
        ? new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` })
        : new ConsoleSpanExporter();
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
      // Attribute values partly come from message headers: bounded, whatever a producer wrote.
      spanLimits: { attributeValueLengthLimit: 256 },
      spanProcessors: [new BatchSpanProcessor({ exporter })],
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
    started = true;
    return new Tracing(provider);
  }

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  /** Exports the spans still buffered, then unregisters, so a stopping service loses none. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.provider) return;
    await this.provider.shutdown();
    trace.disable();
    context.disable();
    started = false;
  }
}
