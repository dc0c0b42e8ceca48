import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators.js';
import { Roles, type AccessTokenClaims, type AuthenticatedUser, type Role } from './roles.js';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); a route
 * marked @AllowRoles(...) also needs one of those roles. A route with neither marking is
 * refused, so forgetting to declare roles fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <token>)');

    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (error) {
      throw new UnauthorizedException(`The bearer token is not valid: ${error instanceof Error ? error.message : 'unreadable'}`);
    }
    if (!Roles.includes(claims.role) || typeof claims.org !== 'string' || !claims.org || !claims.sub) {
      throw new UnauthorizedException('The bearer token lacks a known role, an organisation (org) or a subject (sub)');
    }
    request.user = { subject: claims.sub, role: claims.role, organisation: claims.org };

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed?.includes(claims.role)) {
      throw new ForbiddenException(`Role '${claims.role}' may not do this${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`);
    }
    return true;
  }
}
