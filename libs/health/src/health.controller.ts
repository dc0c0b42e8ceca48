import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { KafkaConnection, OutboxRelay } from '#messaging';
import { Public } from '#auth';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(KafkaConnection) private readonly kafka: KafkaConnection,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  /** The process runs; says nothing about its dependencies. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Ready to serve: PostgreSQL answers and the service's own producer is connected (a fresh
   * client could reach a broker the producer cannot). The outbox relay is `degraded` while it
   * cannot publish: requests are still taken, their events wait in the outbox.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(2000),
      () =>
        this.indicators
          .check('kafka')
          .attempt(async () => {
            // Connects if it is not (a failed connect is retried, not cached); waits for one in progress.
            await this.kafka.producer();
            const { connected, error, since } = this.kafka.producerStatus();
            if (!connected) throw new Error(`producer not connected: ${error ?? 'unknown'}`);
            return { producer: 'connected', since: since.toISOString() };
          })
          .withTimeout(3000),
      async () => {
        const { running, listening, publishing, lastError, since } = this.relay.status();
        const session = this.indicators.check('outboxRelay');
        if (!running) return session.up({ relay: 'disabled' });
        const details = { listening, publishing, since: since.toISOString() };
        return publishing ? session.up(details) : session.degraded({ ...details, error: lastError ?? 'unknown' });
      },
    ]);
  }
}
