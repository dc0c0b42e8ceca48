/**
 * Architecture rules for the monorepo (apps/<service>/src/..., libs/<lib>/src/...).
 * Run with: npm run depcruise
 *
 * Libs are imported through package.json subpath imports (#contracts, #messaging, ...),
 * whose "source" condition points at libs/<lib>/src/index.ts; the resolver below is
 * configured so those resolve to the TypeScript sources, which the rules then match on.
 */

/** Any file of a domain layer: apps/x/src/<module>/domain/** and the shared #domain lib. */
const DOMAIN_LAYER = '^(?:(?:apps|libs)/.+/domain/|libs/domain/src/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        'Domain code must stay free of frameworks and infrastructure: no NestJS (incl. @nestjs/swagger), ' +
        'TypeORM, kafkajs, pg, no infrastructure libs (#messaging, #database, #http, #auth, #observability, #config) ' +
        'and no application/, http/ or infrastructure/ folder. Allowed: #contracts, #domain, class-validator, ' +
        'class-transformer, other domain files.',
      from: { path: DOMAIN_LAYER },
      to: {
        path: [
          // npm packages (matched on the resolved path, incl. their @types packages)
          '^node_modules/(?:@types/)?(?:@nestjs/|typeorm/|kafkajs/|pg/)',
          // infrastructure libs (#messaging, #database, ... resolve to libs/<lib>/src/...)
          '^libs/(?:messaging|database|http|auth|observability|config)/',
          // outer layers of any module
          '(?:^|/)(?:infrastructure|http|application)/',
        ],
      },
    },
    {
      name: 'no-cross-app-imports',
      severity: 'error',
      comment:
        'An app (service) must not import another app. Share code through libs/ (e.g. #contracts) ' +
        'and talk to other services through events or HTTP.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries must not depend on applications.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This dependency is part of a circular relationship. Revise the design (dependency inversion, single-responsibility modules).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        "This module depends on a module that cannot be resolved to disk. If it's an npm package: " +
        'add it to package.json. If it is a #subpath import: add it to package.json "imports".',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // node_modules must NOT be excluded (that would hide @nestjs/*, typeorm, ... from the rules)
    exclude: { path: ['^(?:dist|coverage|\\.stack)/'] },
    moduleSystems: ['es6', 'cjs'],
    // also see `import type` dependencies (type-only imports count for the architecture rules)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // resolve package.json "exports" (npm packages) and "imports" (#xxx subpath imports;
      // enhanced-resolve reads the "imports" field by default, importsFields: ['imports']).
      exportsFields: ['exports'],
      // "source" first, like tsconfig customConditions, so #xxx -> libs/<lib>/src/index.ts.
      // "node" as Node.js itself applies it (typeorm's "exports" only has node/browser branches).
      conditionNames: ['source', 'import', 'node', 'default'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
