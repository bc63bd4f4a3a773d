-- GIN without the pending list on visits (features/visits/tables.ts): month-end inserts piled up in it
-- and every lookup of a cadre's or a household's visits scanned it whole. Rebuilt, which also empties it.
DROP INDEX "visits_households_idx";--> statement-breakpoint
DROP INDEX "visits_cadres_idx";--> statement-breakpoint
CREATE INDEX "visits_households_idx" ON "visits" USING gin ("household_ids") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "visits_cadres_idx" ON "visits" USING gin ("cadre_ids") WITH (fastupdate=false);