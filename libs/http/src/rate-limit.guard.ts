import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';

/** Limits read from the validated configuration. */
export interface RateLimits {
  /** Requests per minute per bearer token. */
  perToken: number;
  /** Requests per minute per client address, token or not. */
  perAddress: number;
}

const MINUTE_MS = 60_000;

/**
 * Two windows of a minute: one per client address and one per bearer token (its SHA-256,
 * counted before the token is verified, so a flood of bad tokens is limited by address).
 * Each counts every route together; health probes are not counted.
 */
export function rateLimitOptions(limits: RateLimits): ThrottlerModuleOptions {
  return {
    setHeaders: false,
    errorMessage: 'Too many requests; retry after the number of seconds in Retry-After',
    throttlers: [
      { name: 'address', ttl: MINUTE_MS, limit: limits.perAddress },
      {
        name: 'token',
        ttl: MINUTE_MS,
        limit: limits.perToken,
        skipIf: (context) => bearerOf(context.switchToHttp().getRequest<Request>()) === undefined,
        getTracker: (request) =>
          createHash('sha256')
            .update(bearerOf(request as Request)!)
            .digest('hex'),
      },
    ],
  };
}

/**
 * ThrottlerGuard that skips health probes and answers the standard `Retry-After` (the library
 * suffixes it with the throttler name).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(context.getType() !== 'http' || isHealthProbe(context.switchToHttp().getRequest<Request>()));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    await super.throwThrottlingException(context, detail);
  }
}

function bearerOf(request: Request): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

function isHealthProbe(request: Request): boolean {
  return request.path === '/health' || request.path.startsWith('/health/');
}
