import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { Counter, Gauge, Registry } from 'prom-client';
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
  private readonly markedOverdue: Counter;
  private readonly passes: Counter<'outcome'>;
  private readonly lastCompleted: Gauge;

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ConfigService) private readonly config: ConfigService,
    @Inject(Registry) registry: Registry,
  ) {
    this.markedOverdue = new Counter({
      name: 'investigation_due_dates_marked_overdue_total',
      help: 'Missed due dates the overdue scheduler announced, one report-overdue event each',
      registers: [registry],
    });
    this.passes = new Counter({
      name: 'investigation_overdue_passes_total',
      help: 'Overdue scheduler passes, by outcome (completed, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    // Both outcomes from the start, so that a rate of failures is defined before the first one.
    for (const outcome of ['completed', 'failed']) this.passes.inc({ outcome }, 0);
    this.lastCompleted = new Gauge({
      name: 'investigation_overdue_last_completed_pass_timestamp_seconds',
      help: 'When the last overdue pass of this instance completed (Unix time); alert when it stops moving',
      registers: [registry],
    });
  }

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
      let announced: number;
      do {
        announced = await this.commands.execute(new MarkReportsOverdueCommand(100));
        this.markedOverdue.inc(announced);
      } while (announced > 0);
      this.passes.inc({ outcome: 'completed' });
      this.lastCompleted.setToCurrentTime();
    } catch (error) {
      this.passes.inc({ outcome: 'failed' });
      this.logger.warn({ msg: 'overdue pass failed; it runs again at the next interval', error: String(error) });
    }
  }
}
