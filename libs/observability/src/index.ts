export * from './correlation.js';
export * from './correlation.middleware.js';
export * from './logging.module.js';
export * from './tracing/index.js';
