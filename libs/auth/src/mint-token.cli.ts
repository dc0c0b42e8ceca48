// npm run token -- --role officer [--org ORG] [--sub SUBJECT] [--expires 8h]
import { parseArgs } from 'node:util';
import { loadEnv, ServiceEnv } from '#config';
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
// The services' own schema and defaults, so the token matches what they verify.
const env = loadEnv('token', ServiceEnv, process.env, { always: { PORT: '3000' } });
const token = mintToken(
  env,
  { sub: values.sub ?? `local-${values.role}`, role: values.role as Role, org: values.org! },
  values.expires as `${number}h`,
);
process.stdout.write(`${token}\n`);
