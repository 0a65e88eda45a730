CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_org_company_code" UNIQUE("org_id","company_id","code"),
	CONSTRAINT "departments_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "departments_not_own_parent" CHECK ("departments"."parent_id" is null or "departments"."parent_id" <> "departments"."id")
);
--> statement-breakpoint
CREATE TABLE "group_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_companies_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "group_companies_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "group_companies_country" CHECK ("group_companies"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "group_companies_currency" CHECK ("group_companies"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"default_locale" text DEFAULT 'ja' NOT NULL,
	"fiscal_year_start_month" smallint DEFAULT 4 NOT NULL,
	"fy_label_ja" text DEFAULT 'start' NOT NULL,
	"fy_label_en" text DEFAULT 'end' NOT NULL,
	"default_currency" text DEFAULT 'JPY' NOT NULL,
	"point_value_minor" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code"),
	CONSTRAINT "organisations_code_format" CHECK ("organisations"."code" ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
	CONSTRAINT "organisations_locale" CHECK ("organisations"."default_locale" in ('ja', 'en')),
	CONSTRAINT "organisations_fy_month" CHECK ("organisations"."fiscal_year_start_month" between 1 and 12),
	CONSTRAINT "organisations_fy_label_ja" CHECK ("organisations"."fy_label_ja" in ('start', 'end')),
	CONSTRAINT "organisations_fy_label_en" CHECK ("organisations"."fy_label_en" in ('start', 'end')),
	CONSTRAINT "organisations_currency" CHECK ("organisations"."default_currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "organisations_point_value" CHECK ("organisations"."point_value_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text DEFAULT 'office' NOT NULL,
	"prefecture" text,
	"region" text,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "sites_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "sites_kind" CHECK ("sites"."kind" in ('head_office', 'office', 'factory', 'lab', 'other')),
	CONSTRAINT "sites_prefecture" CHECK ("sites"."prefecture" is null or "sites"."prefecture" ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$')
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_number" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"name_kana" text NOT NULL,
	"email" text NOT NULL,
	"company_id" uuid NOT NULL,
	"site_id" uuid,
	"department_id" uuid,
	"employment_status" text DEFAULT 'active' NOT NULL,
	"hire_date" date NOT NULL,
	"leave_date" date,
	"search_text" text NOT NULL,
	"search_grams" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_org_number" UNIQUE("org_id","employee_number"),
	CONSTRAINT "employees_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "employees_status" CHECK ("employees"."employment_status" in ('active', 'on_leave', 'left')),
	CONSTRAINT "employees_dates" CHECK ("employees"."leave_date" is null or "employees"."leave_date" >= "employees"."hire_date"),
	CONSTRAINT "employees_left_has_date" CHECK ("employees"."employment_status" <> 'left' or "employees"."leave_date" is not null),
	CONSTRAINT "employees_email" CHECK ("employees"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"company_id" uuid,
	"site_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","scope_type","company_id","site_id"),
	CONSTRAINT "role_grants_role" CHECK ("role_grants"."role" in ('org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'auditor', 'employee')),
	CONSTRAINT "role_grants_scope" CHECK (("role_grants"."scope_type" = 'org' and "role_grants"."company_id" is null and "role_grants"."site_id" is null)
        or ("role_grants"."scope_type" = 'company' and "role_grants"."company_id" is not null and "role_grants"."site_id" is null)
        or ("role_grants"."scope_type" = 'site' and "role_grants"."site_id" is not null and "role_grants"."company_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"employee_id" uuid,
	"locale" text DEFAULT 'ja' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "users_org_employee" UNIQUE("org_id","employee_id"),
	CONSTRAINT "users_locale" CHECK ("users"."locale" in ('ja', 'en')),
	CONSTRAINT "users_failed_logins" CHECK ("users"."failed_logins" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_companies" ADD CONSTRAINT "group_companies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_site_fk" FOREIGN KEY ("org_id","site_id") REFERENCES "public"."sites"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_department_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_site_fk" FOREIGN KEY ("org_id","site_id") REFERENCES "public"."sites"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departments_company_idx" ON "departments" USING btree ("org_id","company_id");--> statement-breakpoint
CREATE INDEX "sites_company_idx" ON "sites" USING btree ("org_id","company_id");--> statement-breakpoint
CREATE INDEX "employees_search_grams_idx" ON "employees" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "employees_org_email_idx" ON "employees" USING btree ("org_id",lower("email"));--> statement-breakpoint
CREATE INDEX "employees_org_company_idx" ON "employees" USING btree ("org_id","company_id");--> statement-breakpoint
CREATE INDEX "employees_org_site_idx" ON "employees" USING btree ("org_id","site_id");--> statement-breakpoint
CREATE INDEX "employees_org_department_idx" ON "employees" USING btree ("org_id","department_id");--> statement-breakpoint
CREATE INDEX "employees_org_name_idx" ON "employees" USING btree ("org_id","name_kana","id");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "role_grants_org_user_idx" ON "role_grants" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_org_entity_idx" ON "audit_log" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_actor_idx" ON "audit_log" USING btree ("org_id","actor_user_id");