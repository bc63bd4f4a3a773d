DROP INDEX "members_id_number_uq";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "status_changed_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_active_uq" ON "members" USING btree ("id_number") WHERE status = 'active';