import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CLOCK, processClock, type Clock } from '#domain';

/**
 * The service's one clock under `CLOCK`: what handlers, the token check and the records take
 * as "now". The system clock, or in test mode the one CLOCK_START shifts (validated by `#config`).
 */
@Global()
@Module({
  providers: [
    {
      provide: CLOCK,
      inject: [ConfigService],
      useFactory: (config: ConfigService): Clock => processClock(config.get<string>('CLOCK_START')),
    },
  ],
  exports: [CLOCK],
})
export class ClockModule {}
