export * from './service-env.js';
export * from './load-env.js';
