export * from './error-body.js';
export * from './validation.js';
export * from './error.filter.js';
export * from './service-config.module.js';
export * from './bootstrap.js';
export * from './page.request.dto.js';
export * from './http-preconditions.js';
