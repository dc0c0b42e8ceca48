import type { JwtModuleOptions } from '@nestjs/jwt';

export interface JwtSettings {
  JWT_ALGORITHM: 'HS256' | 'RS256' | 'ES256';
  JWT_SECRET?: string;
  JWT_PUBLIC_KEY?: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}

/** HS256 with a shared secret locally; RS256/ES256 with the identity provider's public key in production. */
export function jwtOptions(settings: JwtSettings): JwtModuleOptions {
  const symmetric = settings.JWT_ALGORITHM === 'HS256';
  return {
    secret: symmetric ? settings.JWT_SECRET : undefined,
    publicKey: symmetric ? undefined : settings.JWT_PUBLIC_KEY,
    signOptions: { algorithm: settings.JWT_ALGORITHM, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE },
    verifyOptions: { algorithms: [settings.JWT_ALGORITHM], issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE },
  };
}
