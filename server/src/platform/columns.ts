import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns every mutable entity carries: a client-creatable UUIDv7 id (offline creates and
 * idempotent retries), an optimistic-lock version, and timestamps.
 */
export const entityColumns = {
  id: uuid('id').primaryKey(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Region ownership: the full code of the region a record belongs to, and its county code, which
 * is the shard key when the database is distributed by county.
 */
export const regionOwnedColumns = {
  regionCode: text('region_code').notNull(),
  countyCode: text('county_code').notNull(),
};
