import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TOKEN_POLICY, type TokenPolicy } from './access-token.js';
import { AuthGuard } from './auth.guard.js';
import { jwtOptions, type JwtSettings } from './jwt-options.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        jwtOptions({
          JWT_ALGORITHM: config.getOrThrow('JWT_ALGORITHM'),
          JWT_SECRET: config.get('JWT_SECRET'),
          JWT_PUBLIC_KEY: config.get('JWT_PUBLIC_KEY'),
          JWT_JWKS_URI: config.get('JWT_JWKS_URI'),
          JWT_ISSUER: config.getOrThrow('JWT_ISSUER'),
          JWT_AUDIENCE: config.getOrThrow('JWT_AUDIENCE'),
          JWT_CLOCK_SKEW_SECONDS: config.getOrThrow('JWT_CLOCK_SKEW_SECONDS'),
        } satisfies JwtSettings),
    }),
  ],
  providers: [
    {
      provide: TOKEN_POLICY,
      inject: [ConfigService],
      useFactory: (config: ConfigService): TokenPolicy => ({
        maxLifetimeSeconds: config.getOrThrow<number>('JWT_MAX_LIFETIME_SECONDS'),
        clockSkewSeconds: config.getOrThrow<number>('JWT_CLOCK_SKEW_SECONDS'),
      }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
