import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '#domain';
import type { MessagingRetention } from './messaging-retention.js';

/**
 * Runs a service's retention job every `intervalMinutes` (0: never), one run at a time; the
 * job's advisory lock keeps instances of the service from pruning the schema together.
 */
export class RetentionSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly retention: MessagingRetention,
    private readonly clock: Clock,
    private readonly intervalMinutes: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMinutes > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.retention
        .run(this.clock)
        .then(() => undefined, this.onError)
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.intervalMinutes * 60_000);
    // A pending run does not keep a process alive that is otherwise done.
    this.timer.unref();
  }
}
