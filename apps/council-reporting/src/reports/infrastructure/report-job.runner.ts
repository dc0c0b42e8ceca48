import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GenerateNextReportCommand } from '../application/generate-next-report.command.js';

/** How often each instance looks for queued reports when nothing woke it. */
const PollIntervalMs = 2000;

/**
 * Generates queued reports one at a time in each instance: woken by a new request, and
 * polling for jobs queued elsewhere or retried. The claim makes several instances safe.
 */
@Injectable()
export class ReportJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportJobRunner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), PollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs the queue now, or right after the pass in progress. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pass(): Promise<void> {
    try {
      while (await this.commands.execute(new GenerateNextReportCommand())) {
        // next queued report
      }
    } catch (error) {
      this.logger.warn({ msg: 'report queue pass failed; it runs again shortly', error: String(error) });
    }
  }
}
