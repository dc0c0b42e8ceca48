import { Global, Module } from '@nestjs/common';
import { systemClock } from '#domain';

/** Injection token of the service's clock (`Clock` of `#domain`): "data as of", and the day overdue days are counted to. */
export const CLOCK = Symbol('Clock');

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ReportingClockModule {}
