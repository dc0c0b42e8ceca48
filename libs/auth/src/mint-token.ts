import { JwtService } from '@nestjs/jwt';
import { jwtOptions, type JwtSettings } from './jwt-options.js';
import type { AccessTokenClaims } from './roles.js';

/** Signs a token the services accept, issued at `issuedAt` (the caller's clock); for local use and tests (HS256 only). */
export function mintToken(
  settings: JwtSettings,
  claims: AccessTokenClaims,
  expiresIn: `${number}${'s' | 'm' | 'h' | 'd'}`,
  issuedAt: Date,
): string {
  if (settings.JWT_ALGORITHM !== 'HS256') throw new Error('Local tokens can only be minted with HS256; use your identity provider');
  const options = jwtOptions(settings);
  // jsonwebtoken counts `exp` from a given `iat`.
  return new JwtService(options).sign({ ...claims, iat: Math.floor(issuedAt.getTime() / 1000) }, { expiresIn });
}
