CREATE TABLE "programme_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer,
	"round_no" integer,
	"start_on" date NOT NULL,
	"end_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "programme_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"name" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"planned_count" integer
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"name" text NOT NULL,
	"template_key" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"requirements" jsonb NOT NULL,
	"pairing_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coverage" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"programme_id" uuid,
	"role" text NOT NULL,
	"helper_kind" text NOT NULL,
	"helper_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"round_no" integer,
	"start_on" date NOT NULL,
	"end_on" date,
	"end_reason" text,
	"replaced_by_id" uuid,
	"note" text,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_rounds" ADD CONSTRAINT "programme_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_participants_programme_region_idx" ON "programme_participants" USING btree ("programme_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "programme_participants_subject_idx" ON "programme_participants" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_participants_open_uq" ON "programme_participants" USING btree ("programme_id","subject_kind","subject_id") WHERE end_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_rounds_no_uq" ON "programme_rounds" USING btree ("programme_id","no");--> statement-breakpoint
CREATE INDEX "programmes_region_idx" ON "programmes" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pairings_helper_open_idx" ON "pairings" USING btree ("helper_kind","helper_id") WHERE end_on is null;--> statement-breakpoint
CREATE INDEX "pairings_helper_idx" ON "pairings" USING btree ("helper_id","start_on");--> statement-breakpoint
CREATE INDEX "pairings_target_idx" ON "pairings" USING btree ("target_kind","target_id","start_on");--> statement-breakpoint
CREATE INDEX "pairings_programme_region_open_idx" ON "pairings" USING btree ("programme_id","region_code" text_pattern_ops) WHERE end_on is null;--> statement-breakpoint
CREATE INDEX "pairings_programme_region_idx" ON "pairings" USING btree ("programme_id","region_code" text_pattern_ops,"start_on");--> statement-breakpoint
CREATE INDEX "pairings_region_idx" ON "pairings" USING btree ("region_code" text_pattern_ops,"start_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_open_uq" ON "pairings" USING btree ("helper_kind","helper_id","target_kind","target_id",coalesce(programme_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE end_on is null;--> statement-breakpoint
-- Household categories the programme templates use (programmes/templates.ts; households/labels.ts
-- builtInCategories): 困难户 and 党员户 of 五必访 [004]. Built-ins have no region; ON CONFLICT keeps
-- an entry already there untouched.
INSERT INTO "household_catalog" ("id", "kind", "code", "name_zh", "name_en", "created_at") VALUES
  ('019b76da-a800-70d9-b99d-394c1fa3d2d7', 'category', 'hardship', '困难户', 'Household in hardship', '2026-01-01 00:00:25+00'),
  ('019b76da-a800-7382-ad2b-41dcacb04952', 'category', 'party_member_household', '党员户', 'Party member household', '2026-01-01 00:00:26+00')
ON CONFLICT DO NOTHING;
