import { Command } from '@nestjs/cqrs';

/** Generates the oldest queued report, if any; answers whether there was one. */
export class GenerateNextReportCommand extends Command<boolean> {}
