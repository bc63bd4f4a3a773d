-- Working tables of Excel imports (features/imports/staging.ts): each household import's dry run
-- COPYs its rows into two UNLOGGED tables of its own in this schema, named after the job; the
-- apply writes the registry from them with INSERT … SELECT and drops them in its transaction.
-- Not part of the registry: never read by anything else, and not worth WAL or a backup.
CREATE SCHEMA IF NOT EXISTS "import_staging";
