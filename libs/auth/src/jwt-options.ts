import type { JwtModuleOptions } from '@nestjs/jwt';
import { KeyObject, webcrypto } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader } from 'jose';

export interface JwtSettings {
  JWT_ALGORITHM: 'HS256' | 'RS256' | 'ES256';
  JWT_SECRET?: string;
  JWT_PUBLIC_KEY?: string;
  JWT_JWKS_URI?: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}

/**
 * HS256 with a shared secret locally; RS256/ES256 in production, with the identity
 * provider's public key or its JWKS endpoint (keys fetched by `kid` and cached by jose, so
 * the provider can rotate keys without a redeploy).
 */
export function jwtOptions(settings: JwtSettings): JwtModuleOptions {
  const algorithms = { algorithms: [settings.JWT_ALGORITHM], issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE };
  const signOptions = { algorithm: settings.JWT_ALGORITHM, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE };
  if (settings.JWT_ALGORITHM === 'HS256') return { secret: settings.JWT_SECRET, signOptions, verifyOptions: algorithms };
  if (settings.JWT_JWKS_URI) return { secretOrKeyProvider: jwksKeyProvider(settings.JWT_JWKS_URI), verifyOptions: algorithms };
  return { publicKey: settings.JWT_PUBLIC_KEY, verifyOptions: algorithms };
}

function jwksKeyProvider(jwksUri: string): NonNullable<JwtModuleOptions['secretOrKeyProvider']> {
  const keySet = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 30000, cacheMaxAge: 600000 });
  return async (_requestType, token) => {
    if (typeof token !== 'string') throw new Error('the token is not a compact JWT');
    const header = decodeProtectedHeader(token);
    if (!header.kid) throw new Error('the token names no signing key (kid)');
    // jose finds the key by kid and algorithm; jsonwebtoken verifies with it as a KeyObject.
    const key = await keySet(header, { payload: '', signature: '' } as never);
    return KeyObject.from(key as webcrypto.CryptoKey);
  };
}
