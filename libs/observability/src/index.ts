export * from './correlation.js';
export * from './correlation.middleware.js';
export * from './logging.module.js';
export * from './http-metrics.js';
export * from './metrics.module.js';
export * from './scrape-cache.js';
export * from './tracing/index.js';
