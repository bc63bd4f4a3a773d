CREATE TABLE "visit_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"visit_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"kind" text NOT NULL,
	"visited_on" date NOT NULL,
	"cadre_ids" uuid[] NOT NULL,
	"household_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"village_code" text,
	"discussed" text,
	"production" text,
	"life" text,
	"mood" text,
	"location" jsonb,
	"status" text DEFAULT 'recorded' NOT NULL,
	"recorded_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirm_method" text,
	"confirmed_by_name" text,
	"confirm_token_hash" text,
	"confirm_code_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirm_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"cadre_id" uuid NOT NULL,
	"month" text NOT NULL,
	"body" text NOT NULL,
	"visit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"household_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"public_body" text
);
--> statement-breakpoint
CREATE TABLE "diary_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"sample_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diary_samples" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"quarter" text NOT NULL,
	"seed" text NOT NULL,
	"population_size" integer NOT NULL,
	"population_digest" text NOT NULL,
	"population_ids" uuid[] NOT NULL,
	"entry_ids" uuid[] NOT NULL,
	"drawn_by" uuid NOT NULL,
	"drawn_by_name" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"county_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"due_on" date NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_reviews" ADD CONSTRAINT "diary_reviews_entry_id_diary_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."diary_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_reviews" ADD CONSTRAINT "diary_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_samples" ADD CONSTRAINT "diary_samples_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_photos_visit_idx" ON "visit_photos" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_region_idx" ON "visits" USING btree ("region_code" text_pattern_ops,"visited_on");--> statement-breakpoint
CREATE INDEX "visits_households_idx" ON "visits" USING gin ("household_ids");--> statement-breakpoint
CREATE INDEX "visits_cadres_idx" ON "visits" USING gin ("cadre_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_confirm_token_uq" ON "visits" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "diary_entries_cadre_month_idx" ON "diary_entries" USING btree ("cadre_id","month");--> statement-breakpoint
CREATE INDEX "diary_entries_region_idx" ON "diary_entries" USING btree ("region_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "diary_entries_published_idx" ON "diary_entries" USING btree ("published_at") WHERE published;--> statement-breakpoint
CREATE INDEX "diary_reviews_entry_idx" ON "diary_reviews" USING btree ("entry_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "diary_samples_region_quarter_uq" ON "diary_samples" USING btree ("region_code","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("user_id","kind","subject_id","due_on");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");