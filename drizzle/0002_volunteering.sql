CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_org_employee" UNIQUE("org_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"site_id" uuid,
	"title_ja" text,
	"title_en" text,
	"description_ja" text,
	"description_en" text,
	"organiser" text NOT NULL,
	"partner_name" text,
	"field" text NOT NULL,
	"sdgs" smallint[] DEFAULT '{}' NOT NULL,
	"mode" text NOT NULL,
	"address" text,
	"prefecture" text,
	"region" text,
	"online_url" text,
	"time_zone" text NOT NULL,
	"signup_deadline" timestamp with time zone,
	"cancel_deadline" timestamp with time zone,
	"required_skills" text[] DEFAULT '{}' NOT NULL,
	"family_allowed" boolean DEFAULT false NOT NULL,
	"transport_by_points" boolean DEFAULT false NOT NULL,
	"visibility" text DEFAULT 'group' NOT NULL,
	"visible_company_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"first_starts_at" timestamp with time zone,
	"last_ends_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"search_grams" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "opportunities_field" CHECK (field in ('education_culture_sports', 'welfare_diversity', 'environment', 'regional')),
	CONSTRAINT "opportunities_mode" CHECK ("opportunities"."mode" in ('online', 'on_site', 'hybrid')),
	CONSTRAINT "opportunities_status" CHECK ("opportunities"."status" in ('draft', 'published', 'cancelled', 'completed')),
	CONSTRAINT "opportunities_visibility" CHECK ("opportunities"."visibility" in ('group', 'companies')),
	CONSTRAINT "opportunities_visible_companies" CHECK (("opportunities"."visibility" = 'group') = (cardinality("opportunities"."visible_company_ids") = 0)),
	CONSTRAINT "opportunities_title" CHECK (coalesce("opportunities"."title_ja", "opportunities"."title_en") is not null),
	CONSTRAINT "opportunities_sdgs" CHECK ("opportunities"."sdgs" <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
	CONSTRAINT "opportunities_online_link" CHECK ("opportunities"."mode" = 'on_site' or "opportunities"."online_url" is not null),
	CONSTRAINT "opportunities_place" CHECK ("opportunities"."mode" = 'online' or "opportunities"."prefecture" is not null or "opportunities"."region" is not null),
	CONSTRAINT "opportunities_prefecture" CHECK ("opportunities"."prefecture" is null or "opportunities"."prefecture" ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$')
);
--> statement-breakpoint
CREATE TABLE "opportunity_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"checkin_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_shifts_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "opportunity_shifts_times" CHECK ("opportunity_shifts"."ends_at" > "opportunity_shifts"."starts_at"),
	CONSTRAINT "opportunity_shifts_capacity" CHECK ("opportunity_shifts"."capacity" between 1 and 100000),
	CONSTRAINT "opportunity_shifts_seats" CHECK ("opportunity_shifts"."confirmed_count" between 0 and "opportunity_shifts"."capacity")
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "signups_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"attendance" text,
	"minutes" integer,
	"checked_in_at" timestamp with time zone,
	"attendance_by" uuid,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signups_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "signups_status" CHECK ("signups"."status" in ('confirmed', 'waitlisted', 'cancelled')),
	CONSTRAINT "signups_attendance" CHECK ("signups"."attendance" is null or "signups"."attendance" in ('attended', 'absent')),
	CONSTRAINT "signups_attendance_confirmed" CHECK ("signups"."attendance" is null or "signups"."status" = 'confirmed'),
	CONSTRAINT "signups_minutes" CHECK (("signups"."attendance" = 'attended') = ("signups"."minutes" is not null) and ("signups"."minutes" is null or "signups"."minutes" between 1 and 1440)),
	CONSTRAINT "signups_cancelled_at" CHECK (("signups"."status" = 'cancelled') = ("signups"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_hour_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"activity_date" date NOT NULL,
	"organisation_name" text NOT NULL,
	"field" text NOT NULL,
	"minutes" integer NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hour_logs_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "volunteer_hour_logs_field" CHECK (field in ('education_culture_sports', 'welfare_diversity', 'environment', 'regional')),
	CONSTRAINT "volunteer_hour_logs_minutes" CHECK ("volunteer_hour_logs"."minutes" between 1 and 1440),
	CONSTRAINT "volunteer_hour_logs_status" CHECK ("volunteer_hour_logs"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "volunteer_hour_logs_review" CHECK (("volunteer_hour_logs"."status" = 'pending') = ("volunteer_hour_logs"."reviewed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"interest_fields" text[] DEFAULT '{}' NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"skills_note" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"prefecture" text,
	"region" text,
	"availability" text[] DEFAULT '{}' NOT NULL,
	"online_ok" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_registrations_org_employee" UNIQUE("org_id","employee_id"),
	CONSTRAINT "volunteer_registrations_dates" CHECK ("volunteer_registrations"."left_on" is null or "volunteer_registrations"."left_on" >= "volunteer_registrations"."joined_on"),
	CONSTRAINT "volunteer_registrations_fields" CHECK (interest_fields <@ array['education_culture_sports', 'welfare_diversity', 'environment', 'regional']::text[]),
	CONSTRAINT "volunteer_registrations_availability" CHECK ("volunteer_registrations"."availability" <@ array['weekday_daytime', 'weekday_evening', 'weekend', 'flexible']::text[]),
	CONSTRAINT "volunteer_registrations_prefecture" CHECK ("volunteer_registrations"."prefecture" is null or "volunteer_registrations"."prefecture" ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$')
);
--> statement-breakpoint
CREATE TABLE "volunteer_skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_skills_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "volunteer_skills_code" CHECK ("volunteer_skills"."code" ~ '^[a-z0-9][a-z0-9_-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_org_dedupe" UNIQUE("org_id","dedupe_key"),
	CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" in ('pending', 'sent', 'failed')),
	CONSTRAINT "mail_outbox_locale" CHECK ("mail_outbox"."locale" in ('ja', 'en')),
	CONSTRAINT "mail_outbox_sent" CHECK (("mail_outbox"."status" = 'sent') = ("mail_outbox"."sent_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_dedupe" UNIQUE("org_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_site_fk" FOREIGN KEY ("org_id","site_id") REFERENCES "public"."sites"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_shifts" ADD CONSTRAINT "opportunity_shifts_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_shift_fk" FOREIGN KEY ("org_id","shift_id") REFERENCES "public"."opportunity_shifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_attendance_by_fk" FOREIGN KEY ("org_id","attendance_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hour_logs" ADD CONSTRAINT "volunteer_hour_logs_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hour_logs" ADD CONSTRAINT "volunteer_hour_logs_reviewed_by_fk" FOREIGN KEY ("org_id","reviewed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_registrations" ADD CONSTRAINT "volunteer_registrations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_registrations" ADD CONSTRAINT "volunteer_registrations_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token" ON "calendar_feeds" USING btree ("token");--> statement-breakpoint
CREATE INDEX "opportunities_search_grams_idx" ON "opportunities" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "opportunities_org_status_start_idx" ON "opportunities" USING btree ("org_id","status","first_starts_at");--> statement-breakpoint
CREATE INDEX "opportunities_org_company_idx" ON "opportunities" USING btree ("org_id","company_id");--> statement-breakpoint
CREATE INDEX "opportunities_required_skills_idx" ON "opportunities" USING gin ("required_skills");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_shifts_checkin_code" ON "opportunity_shifts" USING btree ("checkin_code");--> statement-breakpoint
CREATE INDEX "opportunity_shifts_opportunity_idx" ON "opportunity_shifts" USING btree ("org_id","opportunity_id","starts_at");--> statement-breakpoint
CREATE INDEX "opportunity_shifts_org_start_idx" ON "opportunity_shifts" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_one_live_per_shift" ON "signups" USING btree ("org_id","shift_id","employee_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "signups_shift_status_seq_idx" ON "signups" USING btree ("org_id","shift_id","status","seq");--> statement-breakpoint
CREATE INDEX "signups_employee_idx" ON "signups" USING btree ("org_id","employee_id","status");--> statement-breakpoint
CREATE INDEX "signups_attended_idx" ON "signups" USING btree ("org_id","shift_id","employee_id","minutes") WHERE attendance = 'attended';--> statement-breakpoint
CREATE INDEX "volunteer_hour_logs_employee_idx" ON "volunteer_hour_logs" USING btree ("org_id","employee_id","activity_date");--> statement-breakpoint
CREATE INDEX "volunteer_hour_logs_status_idx" ON "volunteer_hour_logs" USING btree ("org_id","status","activity_date");--> statement-breakpoint
CREATE INDEX "volunteer_registrations_org_joined_idx" ON "volunteer_registrations" USING btree ("org_id","joined_on");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "mail_outbox_org_created_idx" ON "mail_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_employee_idx" ON "notifications" USING btree ("org_id","employee_id","created_at");