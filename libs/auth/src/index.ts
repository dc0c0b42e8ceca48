export * from './roles.js';
export * from './decorators.js';
export * from './access-token.js';
export * from './auth.guard.js';
export * from './jwt-options.js';
export * from './auth.module.js';
export * from './mint-token.js';
