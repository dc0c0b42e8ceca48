export * from './postgres-options.js';
export * from './transactions.js';
export * from './reference-numbers.js';
export * from './schema-ddl.js';
export * from './test-database.js';
export * from './database.module.js';
export * from './keyset-cursor.js';
export * from './protected-data.cipher.js';
