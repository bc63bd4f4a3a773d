// Every table of every feature, for Drizzle's client and drizzle-kit's migration generator.
export * from '../features/regions/tables.js';
export * from '../features/units/tables.js';
export * from '../features/cadres/tables.js';
export * from '../features/users/tables.js';
export * from '../features/auth/tables.js';
export * from '../features/audit/tables.js';
export * from '../features/households/tables.js';
export * from '../features/surveys/tables.js';
export * from '../features/imports/tables.js';
export * from '../features/programmes/tables.js';
export * from '../features/pairings/tables.js';
export * from '../features/visits/tables.js';
export * from '../features/diaries/tables.js';
export * from '../features/reviews/tables.js';
export * from '../features/notifications/tables.js';
