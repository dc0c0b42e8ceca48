import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, type Clock } from '#domain';
import { accessTokenClaims, invalidTokenReason, TOKEN_POLICY, type TokenPolicy } from './access-token.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators.js';
import type { AccessTokenClaims, AuthenticatedUser, Role } from './roles.js';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); a route
 * marked @AllowRoles(...) also needs one of those roles. A route with neither marking is
 * refused, so forgetting to declare roles fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(TOKEN_POLICY) private readonly policy: TokenPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <token>)');

    const claims = await this.verify(token);
    request.user = { subject: claims.sub, role: claims.role, organisation: claims.org };

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed?.includes(claims.role)) {
      throw new ForbiddenException(`Role '${claims.role}' may not do this${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`);
    }
    return true;
  }

  /** Verifies signature, issuer, audience and times, then the claims; every failure is a 401 with a generic reason. */
  private async verify(token: string): Promise<AccessTokenClaims> {
    // `exp`, `nbf` and `iat` are judged by the service's clock, the one that dates its records.
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    try {
      return accessTokenClaims(
        await this.jwt.verifyAsync<Record<string, unknown>>(token, { clockTimestamp: nowSeconds }),
        this.policy,
        nowSeconds,
      );
    } catch (error) {
      const reason = invalidTokenReason(error);
      if (reason === undefined) {
        this.logger.warn(`A bearer token could not be verified: ${error instanceof Error ? error.name : typeof error}`);
      }
      throw new UnauthorizedException(`The bearer token is not valid: ${reason ?? 'could not be verified'}`);
    }
  }
}
