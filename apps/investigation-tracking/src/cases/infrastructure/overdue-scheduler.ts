import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { MarkReportsOverdueCommand } from '../application/mark-reports-overdue.command.js';

/**
 * Runs the overdue pass every OVERDUE_SCAN_INTERVAL_MS in each instance; the claim makes
 * running it in several instances safe. A failed pass (database down) is retried next time.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.getOrThrow<number>('OVERDUE_SCAN_INTERVAL_MS');
    this.timer = setInterval(() => {
      this.running ??= this.pass().finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      // Keep going while passes find something; a case held by someone else waits for the next interval.
      while ((await this.commands.execute(new MarkReportsOverdueCommand(100))) > 0) {
        // next batch
      }
    } catch (error) {
      this.logger.warn({ msg: 'overdue pass failed; it runs again at the next interval', error: String(error) });
    }
  }
}
