import 'reflect-metadata';
export * from './topics.js';
export * from './event-contract.js';
export * from './event-catalogue.js';
export * from './events/personnel-harm.js';
export * from './events/incident-reported.v1.js';
export * from './events/case-opened.v1.js';
