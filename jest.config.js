// Jest in native ESM mode (NestJS 12 ships ESM only); ts-jest transpiles, `npm run typecheck` type-checks.
const libs = ['contracts', 'domain', 'config', 'database', 'messaging', 'auth', 'http', 'observability', 'health'];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^#${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
    '^#http/service$': '<rootDir>/libs/http/src/bootstrap.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // A guard against hangs on real infrastructure, not a speed target.
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      setupFiles: ['<rootDir>/test/support/test-env.js'],
    },
    // npm run test:faults: kills the broker and the consumers and restarts PostgreSQL, so it runs alone.
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'],
      setupFiles: ['<rootDir>/test/faults/faults-env.js'],
    },
  ],
};
