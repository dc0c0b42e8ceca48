export * from './domain-error.js';
export * from './aggregate-root.js';
export * from './clock.js';
export * from './canonical-json.js';
export * from './access-policy.js';
export * from './calendar-date.js';
export * from './country-code.js';
