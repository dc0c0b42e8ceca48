import type { JwtModuleOptions } from '@nestjs/jwt';
import { createPublicKey, createSecretKey, KeyObject, webcrypto } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader } from 'jose';
import { InvalidTokenError } from './access-token.js';

export interface JwtSettings {
  JWT_ALGORITHM: 'HS256' | 'RS256' | 'ES256';
  JWT_SECRET?: string;
  JWT_PUBLIC_KEY?: string;
  JWT_JWKS_URI?: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  /** Tolerated clock difference for `exp` and `nbf`; 0 when not given. */
  JWT_CLOCK_SKEW_SECONDS?: number;
}

/**
 * HS256 with a shared secret locally; RS256/ES256 in production, with the identity
 * provider's public key or its JWKS endpoint (keys fetched by `kid` and cached by jose, so
 * the provider can rotate keys without a redeploy).
 */
export function jwtOptions(settings: JwtSettings): JwtModuleOptions {
  const verifyOptions = {
    algorithms: [settings.JWT_ALGORITHM],
    issuer: settings.JWT_ISSUER,
    audience: settings.JWT_AUDIENCE,
    clockTolerance: settings.JWT_CLOCK_SKEW_SECONDS ?? 0,
  };
  const signOptions = { algorithm: settings.JWT_ALGORITHM, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE };
  if (settings.JWT_ALGORITHM === 'HS256')
    return {
      secret: settings.JWT_SECRET === undefined ? undefined : createSecretKey(settings.JWT_SECRET, 'utf8'),
      signOptions,
      verifyOptions,
    };
  if (settings.JWT_JWKS_URI) return { secretOrKeyProvider: jwksKeyProvider(settings.JWT_JWKS_URI), verifyOptions };
  return { publicKey: settings.JWT_PUBLIC_KEY === undefined ? undefined : createPublicKey(settings.JWT_PUBLIC_KEY), verifyOptions };
}

function jwksKeyProvider(jwksUri: string): NonNullable<JwtModuleOptions['secretOrKeyProvider']> {
  const keySet = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 30000, cacheMaxAge: 600000 });
  return async (_requestType, token) => {
    if (typeof token !== 'string') throw new InvalidTokenError('malformed');
    const header = decodeProtectedHeader(token);
    if (!header.kid) throw new InvalidTokenError('no signing key id (kid)');
    // jose finds the key by kid and algorithm; jsonwebtoken verifies with it as a KeyObject.
    const key = await keySet(header, { payload: '', signature: '' } as never);
    return KeyObject.from(key as webcrypto.CryptoKey);
  };
}
