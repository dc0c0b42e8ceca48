// npm run token -- --role officer [--org ORG] [--sub SUBJECT] [--expires 8h]
import { parseArgs } from 'node:util';
import { InvalidConfigurationError, loadEnv, ServiceEnv } from '#config';
import { processClock } from '#domain';
import { accessTokenClaims, InvalidTokenError } from './access-token.js';
import { mintToken } from './mint-token.js';
import { Roles, type Role } from './roles.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    org: { type: 'string', default: 'org-local' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});
if (!values.role || !Roles.includes(values.role as Role)) {
  console.error(`--role is required: one of ${Roles.join(', ')}`);
  process.exit(2);
}
const expires = /^([1-9]\d*)([smhd])$/.exec(values.expires!);
if (!expires) {
  console.error('--expires must be a duration such as 30m, 8h or 1d');
  process.exit(2);
}
// The services' own schema and defaults, so the token matches what they verify.
const env = (() => {
  try {
    return loadEnv('token', ServiceEnv, process.env, { always: { PORT: '3000' } });
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
})();
const claims = { sub: values.sub ?? `local-${values.role}`, role: values.role as Role, org: values.org! };

// Refuse here what the services would refuse: too long a lifetime, malformed claims.
// The services' clock (CLOCK_START in test mode), so the token is valid where they check it.
const issuedAt = processClock(env.CLOCK_START).now();
const now = Math.floor(issuedAt.getTime() / 1000);
const lifetime = Number(expires[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[expires[2] as 's' | 'm' | 'h' | 'd'];
try {
  accessTokenClaims(
    { ...claims, iat: now, exp: now + lifetime },
    { maxLifetimeSeconds: env.JWT_MAX_LIFETIME_SECONDS, clockSkewSeconds: 0 },
    now,
  );
} catch (error) {
  if (!(error instanceof InvalidTokenError)) throw error;
  console.error(`The services would refuse this token: ${error.reason}`);
  process.exit(2);
}
process.stdout.write(`${mintToken(env, claims, values.expires as `${number}${'s' | 'm' | 'h' | 'd'}`, issuedAt)}\n`);
