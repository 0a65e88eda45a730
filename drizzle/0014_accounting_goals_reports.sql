CREATE TABLE "expense_files" (
	"org_id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "expense_files_pk" PRIMARY KEY("expense_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"program_id" uuid,
	"partner_id" uuid,
	"recipient_text" text,
	"description_ja" text,
	"description_en" text,
	"type" text NOT NULL,
	"valuation_basis" text NOT NULL,
	"channel" text NOT NULL,
	"political" boolean DEFAULT false NOT NULL,
	"quantity" numeric(18, 4),
	"unit_price_minor" bigint,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"amount_jpy" bigint NOT NULL,
	"cost_minor" bigint,
	"cost_jpy" bigint,
	"keidanren_field" text NOT NULL,
	"keidanren_field_scheme" text GENERATED ALWAYS AS ('keidanren_field') STORED NOT NULL,
	"company_field" text,
	"company_field_scheme" text GENERATED ALWAYS AS ('company_field') STORED NOT NULL,
	"b4si_cause" text,
	"b4si_cause_scheme" text GENERATED ALWAYS AS ('b4si_cause') STORED NOT NULL,
	"b4si_motivation" text,
	"b4si_motivation_scheme" text GENERATED ALWAYS AS ('b4si_motivation') STORED NOT NULL,
	"b4si_region" text,
	"b4si_region_scheme" text GENERATED ALWAYS AS ('b4si_region') STORED NOT NULL,
	"source" text DEFAULT 'app' NOT NULL,
	"external_ref" text,
	"ledger_posting_id" uuid,
	"restatement_id" uuid,
	"adjusts_expense_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenses_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "expenses_org_external_ref" UNIQUE("org_id","external_ref"),
	CONSTRAINT "expenses_org_ledger_posting" UNIQUE("org_id","ledger_posting_id"),
	CONSTRAINT "expenses_type" CHECK ("expenses"."type" in ('cash_donation', 'product_donation', 'facility_opening', 'employee_time', 'management_costs', 'sponsorship')),
	CONSTRAINT "expenses_basis" CHECK ("expenses"."valuation_basis" in ('actual_cash', 'market_unit_price', 'equivalent_external_rate', 'cost_to_company', 'salary_cost_per_hour')),
	CONSTRAINT "expenses_type_basis" CHECK (("type" = 'cash_donation' and "valuation_basis" in ('actual_cash')) or ("type" = 'sponsorship' and "valuation_basis" in ('actual_cash')) or ("type" = 'management_costs' and "valuation_basis" in ('actual_cash')) or ("type" = 'product_donation' and "valuation_basis" in ('market_unit_price', 'cost_to_company')) or ("type" = 'facility_opening' and "valuation_basis" in ('equivalent_external_rate', 'cost_to_company')) or ("type" = 'employee_time' and "valuation_basis" in ('salary_cost_per_hour'))),
	CONSTRAINT "expenses_channel" CHECK ("expenses"."channel" in ('gift', 'own_program')),
	CONSTRAINT "expenses_source" CHECK ("expenses"."source" in ('app', 'import', 'ledger')),
	CONSTRAINT "expenses_currency" CHECK ("expenses"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "expenses_fiscal_year" CHECK ("expenses"."fiscal_year" between 1900 and 2200),
	CONSTRAINT "expenses_description" CHECK (coalesce("expenses"."description_ja", "expenses"."description_en") is not null),
	CONSTRAINT "expenses_recipient" CHECK ("expenses"."partner_id" is null or "expenses"."recipient_text" is null),
	CONSTRAINT "expenses_amount" CHECK ("expenses"."amount_minor" > 0 or ("expenses"."adjusts_expense_id" is not null and "expenses"."amount_minor" <> 0)),
	CONSTRAINT "expenses_amount_jpy_sign" CHECK (sign("expenses"."amount_jpy") in (0, sign("expenses"."amount_minor"))),
	CONSTRAINT "expenses_quantity" CHECK (("expenses"."valuation_basis" in ('market_unit_price', 'equivalent_external_rate', 'salary_cost_per_hour')) = ("expenses"."quantity" is not null and "expenses"."unit_price_minor" is not null)
        and ("expenses"."unit_price_minor" is null or "expenses"."unit_price_minor" > 0)
        and ("expenses"."quantity" is null or "expenses"."amount_minor" = round("expenses"."quantity" * "expenses"."unit_price_minor"))),
	CONSTRAINT "expenses_cost" CHECK (("expenses"."cost_minor" is null) = ("expenses"."cost_jpy" is null)
        and ("expenses"."cost_minor" is null or "expenses"."valuation_basis" in ('market_unit_price', 'equivalent_external_rate'))),
	CONSTRAINT "expenses_ledger_source" CHECK (("expenses"."source" = 'ledger') = ("expenses"."ledger_posting_id" is not null)),
	CONSTRAINT "expenses_import_ref" CHECK ("expenses"."source" <> 'import' or "expenses"."external_ref" is not null),
	CONSTRAINT "expenses_external_ref" CHECK ("expenses"."external_ref" is null or length("expenses"."external_ref") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "fiscal_year_closes" (
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"snapshot" jsonb NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_year_closes_pk" PRIMARY KEY("org_id","fiscal_year"),
	CONSTRAINT "fiscal_year_closes_year" CHECK ("fiscal_year_closes"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "restatements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"reason_ja" text,
	"reason_en" text,
	"snapshot" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restatements_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "restatements_reason" CHECK (coalesce("restatements"."reason_ja", "restatements"."reason_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"org_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"progress_ja" text,
	"progress_en" text,
	"achievements_ja" text,
	"achievements_en" text,
	"issues_ja" text,
	"issues_en" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_progress_pk" PRIMARY KEY("target_id","fiscal_year"),
	CONSTRAINT "goal_progress_year" CHECK ("goal_progress"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "metric_values" (
	"org_id" uuid NOT NULL,
	"metric_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"evidence_ja" text,
	"evidence_en" text,
	"file_id" uuid,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_values_pk" PRIMARY KEY("metric_id","fiscal_year"),
	CONSTRAINT "metric_values_evidence" CHECK (coalesce("metric_values"."evidence_ja", "metric_values"."evidence_en", "metric_values"."file_id"::text) is not null),
	CONSTRAINT "metric_values_year" CHECK ("metric_values"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"unit_ja" text,
	"unit_en" text,
	"kind" text NOT NULL,
	"binding" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scope_company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "metrics_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "metrics_code" CHECK ("metrics"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "metrics_name" CHECK (coalesce("metrics"."name_ja", "metrics"."name_en") is not null),
	CONSTRAINT "metrics_kind" CHECK ("metrics"."kind" in ('bound', 'manual')),
	CONSTRAINT "metrics_binding" CHECK (("metrics"."kind" = 'bound') = ("metrics"."binding" is not null))
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"description_ja" text,
	"description_en" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"metric_id" uuid,
	"target_value" numeric(20, 4),
	"accumulation" text DEFAULT 'sum' NOT NULL,
	"materiality" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "targets_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "targets_code" CHECK ("targets"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "targets_title" CHECK (coalesce("targets"."title_ja", "targets"."title_en") is not null),
	CONSTRAINT "targets_period" CHECK ("targets"."period_end" > "targets"."period_start"),
	CONSTRAINT "targets_value" CHECK (("targets"."metric_id" is null) = ("targets"."target_value" is null)),
	CONSTRAINT "targets_accumulation" CHECK ("targets"."accumulation" in ('sum', 'latest'))
);
--> statement-breakpoint
CREATE TABLE "yearly_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"target_id" uuid,
	"text_ja" text,
	"text_en" text,
	"metric_id" uuid,
	"comparison" text DEFAULT 'none' NOT NULL,
	"goal_value" numeric(20, 4),
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "yearly_goals_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "yearly_goals_text" CHECK (coalesce("yearly_goals"."text_ja", "yearly_goals"."text_en") is not null),
	CONSTRAINT "yearly_goals_comparison" CHECK ("yearly_goals"."comparison" in ('none', 'at_least', 'at_most', 'increase')),
	CONSTRAINT "yearly_goals_measure" CHECK (("yearly_goals"."comparison" = 'none') = ("yearly_goals"."metric_id" is null)
        and ("yearly_goals"."comparison" in ('at_least', 'at_most')) = ("yearly_goals"."goal_value" is not null)),
	CONSTRAINT "yearly_goals_year" CHECK ("yearly_goals"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "report_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"section" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"program_id" uuid,
	"title_ja" text,
	"title_en" text,
	"body_ja" text,
	"body_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_blocks_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "report_blocks_section" CHECK ("section" in ('policy', 'framework', 'disaster', 'programs', 'volunteering', 'regional', 'goals', 'expenses')),
	CONSTRAINT "report_blocks_text" CHECK (coalesce("report_blocks"."title_ja", "report_blocks"."title_en", "report_blocks"."body_ja", "report_blocks"."body_en", "report_blocks"."program_id"::text) is not null)
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"amount_unit_ja" text DEFAULT 'oku' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_pk" PRIMARY KEY("org_id","fiscal_year"),
	CONSTRAINT "reports_status" CHECK ("reports"."status" in ('draft', 'published')),
	CONSTRAINT "reports_published" CHECK (("reports"."status" = 'published') = ("reports"."published_at" is not null)),
	CONSTRAINT "reports_amount_unit" CHECK ("reports"."amount_unit_ja" in ('oku', 'hyakuman')),
	CONSTRAINT "reports_year" CHECK ("reports"."fiscal_year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "expense_files" ADD CONSTRAINT "expense_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_files" ADD CONSTRAINT "expense_files_expense_fk" FOREIGN KEY ("org_id","expense_id") REFERENCES "public"."expenses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_files" ADD CONSTRAINT "expense_files_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_ledger_posting_fk" FOREIGN KEY ("org_id","ledger_posting_id") REFERENCES "public"."ledger_postings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_restatement_fk" FOREIGN KEY ("org_id","restatement_id") REFERENCES "public"."restatements"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_adjusts_fk" FOREIGN KEY ("org_id","adjusts_expense_id") REFERENCES "public"."expenses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_keidanren_field_fk" FOREIGN KEY ("keidanren_field_scheme","keidanren_field") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_company_field_fk" FOREIGN KEY ("company_field_scheme","company_field") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_b4si_cause_fk" FOREIGN KEY ("b4si_cause_scheme","b4si_cause") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_b4si_motivation_fk" FOREIGN KEY ("b4si_motivation_scheme","b4si_motivation") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_b4si_region_fk" FOREIGN KEY ("b4si_region_scheme","b4si_region") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_year_closes" ADD CONSTRAINT "fiscal_year_closes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restatements" ADD CONSTRAINT "restatements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restatements" ADD CONSTRAINT "restatements_close_fk" FOREIGN KEY ("org_id","fiscal_year") REFERENCES "public"."fiscal_year_closes"("org_id","fiscal_year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_target_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_metric_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metrics"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_company_fk" FOREIGN KEY ("org_id","scope_company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_metric_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metrics"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_goals" ADD CONSTRAINT "yearly_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_goals" ADD CONSTRAINT "yearly_goals_target_fk" FOREIGN KEY ("org_id","target_id") REFERENCES "public"."targets"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearly_goals" ADD CONSTRAINT "yearly_goals_metric_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metrics"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_blocks" ADD CONSTRAINT "report_blocks_report_fk" FOREIGN KEY ("org_id","fiscal_year") REFERENCES "public"."reports"("org_id","fiscal_year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_blocks" ADD CONSTRAINT "report_blocks_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expenses_org_year_field_idx" ON "expenses" USING btree ("org_id","fiscal_year","keidanren_field");--> statement-breakpoint
CREATE INDEX "expenses_org_year_company_idx" ON "expenses" USING btree ("org_id","fiscal_year","company_id");--> statement-breakpoint
CREATE INDEX "expenses_org_program_idx" ON "expenses" USING btree ("org_id","program_id");--> statement-breakpoint
CREATE INDEX "expenses_org_restatement_idx" ON "expenses" USING btree ("org_id","restatement_id");--> statement-breakpoint
CREATE INDEX "restatements_org_year_idx" ON "restatements" USING btree ("org_id","fiscal_year","created_at");--> statement-breakpoint
CREATE INDEX "yearly_goals_org_year_idx" ON "yearly_goals" USING btree ("org_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "report_blocks_org_year_idx" ON "report_blocks" USING btree ("org_id","fiscal_year","section","position");