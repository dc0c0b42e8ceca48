export * from './trace-headers.js';
export * from './tracing.js';
export * from './http-tracing.middleware.js';
export * from './messaging-spans.js';
