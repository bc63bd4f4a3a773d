CREATE TABLE "household_catalog" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"region_code" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_incomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"member_count" integer NOT NULL,
	"income_fen" bigint NOT NULL,
	"cost_fen" bigint NOT NULL,
	"per_capita_net_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"household_no" text,
	"address" text,
	"phone" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"poverty_causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"land_mu" numeric(10, 2),
	"livestock" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"housing" text DEFAULT 'unknown' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_changed_on" date,
	"merged_into_id" uuid,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"name" text NOT NULL,
	"initials" text DEFAULT '' NOT NULL,
	"sex" text,
	"id_number" text,
	"relation" text NOT NULL,
	"birth_date" date,
	"health" text,
	"disability" text,
	"education" text,
	"schooling" text,
	"labour_ability" text,
	"is_party_member" boolean DEFAULT false NOT NULL,
	"phone" text,
	"status" text DEFAULT 'active' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_form_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"sections" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'validating' NOT NULL,
	"mode" text,
	"file_name" text NOT NULL,
	"file_key" text NOT NULL,
	"report_key" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"created_by" uuid,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cadres" ADD COLUMN "id_number" text;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD CONSTRAINT "household_incomes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_form_id_survey_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."survey_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_form_version_id_survey_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."survey_form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_form_versions" ADD CONSTRAINT "survey_form_versions_form_id_survey_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."survey_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_catalog_code_uq" ON "household_catalog" USING btree ("kind","code");--> statement-breakpoint
CREATE UNIQUE INDEX "household_incomes_year_uq" ON "household_incomes" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "household_incomes_region_idx" ON "household_incomes" USING btree ("region_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_categories_idx" ON "households" USING gin ("categories");--> statement-breakpoint
CREATE UNIQUE INDEX "households_no_uq" ON "households" USING btree ("county_code","household_no");--> statement-breakpoint
CREATE INDEX "members_household_idx" ON "members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "members_region_idx" ON "members" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_uq" ON "members" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_one_head_uq" ON "members" USING btree ("household_id") WHERE relation = 'head' and status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_uq" ON "survey_answers" USING btree ("household_id","form_id","year");--> statement-breakpoint
CREATE INDEX "survey_answers_region_idx" ON "survey_answers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "survey_form_versions_uq" ON "survey_form_versions" USING btree ("form_id","form_version");--> statement-breakpoint
CREATE INDEX "survey_forms_region_idx" ON "survey_forms" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "import_jobs_region_idx" ON "import_jobs" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cadres_id_number_uq" ON "cadres" USING btree ("id_number");