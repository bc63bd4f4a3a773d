-- Region history (features/regions/tables.ts): merges, splits and renames of townships, villages
-- and groups, recorded by an administrator. Regions themselves are never deleted or re-coded.
CREATE TABLE "region_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"old_name" text,
	"new_name" text,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "region_events_kind_check" CHECK ("kind" in ('merge', 'split', 'rename'))
);
--> statement-breakpoint
CREATE TABLE "region_successions" (
	"event_id" uuid NOT NULL,
	"predecessor_code" text NOT NULL,
	"successor_code" text NOT NULL,
	CONSTRAINT "region_successions_pk" PRIMARY KEY("predecessor_code","successor_code"),
	CONSTRAINT "region_successions_distinct_check" CHECK ("predecessor_code" <> "successor_code")
);
--> statement-breakpoint
ALTER TABLE "region_events" ADD CONSTRAINT "region_events_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_events" ADD CONSTRAINT "region_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_successions" ADD CONSTRAINT "region_successions_event_id_region_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."region_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_successions" ADD CONSTRAINT "region_successions_predecessor_code_regions_code_fk" FOREIGN KEY ("predecessor_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_successions" ADD CONSTRAINT "region_successions_successor_code_regions_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_events_region_idx" ON "region_events" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "region_successions_successor_idx" ON "region_successions" USING btree ("successor_code");--> statement-breakpoint
CREATE INDEX "region_successions_event_idx" ON "region_successions" USING btree ("event_id");
