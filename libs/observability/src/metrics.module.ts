import { Global, Module, type DynamicModule } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';

/**
 * The service's metric registry (`service` label on every series, Node.js process metrics),
 * `/metrics`, and HTTP metrics. Other modules register their metrics by injecting `Registry`.
 * One registry per application rather than prom-client's global one, so that two apps in one
 * process (as tests build them) do not collide.
 */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ service });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        { provide: HttpMetrics, inject: [Registry], useFactory: (registry: Registry) => new HttpMetrics(registry) },
      ],
      exports: [Registry, HttpMetrics],
    };
  }
}
