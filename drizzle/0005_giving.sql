CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"purpose" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "stored_files_purpose" CHECK ("stored_files"."purpose" in ('claim_receipt')),
	CONSTRAINT "stored_files_size" CHECK ("stored_files"."size" > 0 and "stored_files"."size" = octet_length("stored_files"."content"))
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"kind" text NOT NULL,
	"corporate_number" text,
	"website" text,
	"eligible" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"bank_name" text,
	"bank_branch" text,
	"bank_account_type" text,
	"bank_account_number" text,
	"bank_account_holder" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "partners_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "partners_code" CHECK ("partners"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "partners_name" CHECK (coalesce("partners"."name_ja", "partners"."name_en") is not null),
	CONSTRAINT "partners_kind" CHECK ("partners"."kind" in ('npo', 'ngo', 'public_interest', 'municipality', 'school', 'university', 'international', 'other')),
	CONSTRAINT "partners_status" CHECK ("partners"."status" in ('active', 'closed')),
	CONSTRAINT "partners_corporate_number" CHECK ("partners"."corporate_number" is null or "partners"."corporate_number" ~ '^[0-9]{13}$'),
	CONSTRAINT "partners_bank_account_type" CHECK ("partners"."bank_account_type" is null or "partners"."bank_account_type" in ('ordinary', 'current', 'savings')),
	CONSTRAINT "partners_bank_account_number" CHECK ("partners"."bank_account_number" is null or "partners"."bank_account_number" ~ '^[0-9]{1,8}$')
);
--> statement-breakpoint
CREATE TABLE "campaign_beneficiaries" (
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "campaign_beneficiaries_campaign_id_partner_id_pk" PRIMARY KEY("campaign_id","partner_id"),
	CONSTRAINT "campaign_beneficiaries_position" UNIQUE("campaign_id","position"),
	CONSTRAINT "campaign_beneficiaries_position_positive" CHECK ("campaign_beneficiaries"."position" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"fund_type" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"story_ja" text,
	"story_en" text,
	"goal_jpy" bigint,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"accepts_points" boolean DEFAULT true NOT NULL,
	"accepts_money" boolean DEFAULT true NOT NULL,
	"match_ratio_percent" smallint,
	"match_cap_per_employee_jpy" bigint,
	"match_cap_per_campaign_jpy" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "campaigns_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "campaigns_code" CHECK ("campaigns"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "campaigns_kind" CHECK ("campaigns"."kind" in ('disaster', 'cause')),
	CONSTRAINT "campaigns_fund_type" CHECK ("campaigns"."fund_type" in ('victim_relief', 'relief_work', 'general')),
	CONSTRAINT "campaigns_status" CHECK ("campaigns"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "campaigns_title" CHECK (coalesce("campaigns"."title_ja", "campaigns"."title_en") is not null),
	CONSTRAINT "campaigns_dates" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_goal" CHECK ("campaigns"."goal_jpy" is null or "campaigns"."goal_jpy" > 0),
	CONSTRAINT "campaigns_accepts" CHECK ("campaigns"."accepts_points" or "campaigns"."accepts_money"),
	CONSTRAINT "campaigns_match" CHECK (("campaigns"."match_ratio_percent" is null and "campaigns"."match_cap_per_employee_jpy" is null and "campaigns"."match_cap_per_campaign_jpy" is null)
        or ("campaigns"."match_ratio_percent" between 1 and 1000
          and coalesce("campaigns"."match_cap_per_employee_jpy", 1) > 0 and coalesce("campaigns"."match_cap_per_campaign_jpy", 1) > 0))
);
--> statement-breakpoint
CREATE TABLE "company_donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"campaign_id" uuid,
	"partner_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"value_jpy" bigint NOT NULL,
	"donated_on" date NOT NULL,
	"note" text,
	"idempotency_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_donations_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "company_donations_org_idempotency_key" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "company_donations_amount" CHECK ("company_donations"."amount_minor" > 0 and "company_donations"."value_jpy" > 0),
	CONSTRAINT "company_donations_currency" CHECK ("company_donations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "donation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"donation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"status" text NOT NULL,
	"payload" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donation_events_org_event" UNIQUE("org_id","source","event_id"),
	CONSTRAINT "donation_events_source" CHECK ("donation_events"."source" in ('webhook', 'import', 'app')),
	CONSTRAINT "donation_events_status" CHECK ("donation_events"."status" in ('paid', 'failed', 'refunded'))
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"campaign_id" uuid,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"points" integer,
	"amount_minor" bigint,
	"currency" text,
	"value_jpy" bigint NOT NULL,
	"status" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"idempotency_key" text NOT NULL,
	"external_ref" text,
	"pledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "donations_org_idempotency_key" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "donations_kind" CHECK ("donations"."kind" in ('points', 'money')),
	CONSTRAINT "donations_method" CHECK ("donations"."method" in ('points', 'payroll', 'provider')),
	CONSTRAINT "donations_status" CHECK ("donations"."status" in ('pledged', 'paid', 'failed', 'refunded')),
	CONSTRAINT "donations_shape" CHECK (("donations"."kind" = 'points' and "donations"."method" = 'points' and "donations"."points" > 0 and "donations"."amount_minor" is null
          and "donations"."currency" is null and "donations"."status" in ('paid', 'refunded'))
        or ("donations"."kind" = 'money' and "donations"."method" in ('payroll', 'provider') and "donations"."points" is null
          and "donations"."amount_minor" > 0 and "donations"."currency" ~ '^[A-Z]{3}$')),
	CONSTRAINT "donations_value" CHECK ("donations"."value_jpy" > 0),
	CONSTRAINT "donations_key" CHECK (length("donations"."idempotency_key") between 8 and 200),
	CONSTRAINT "donations_paid_at" CHECK (("donations"."status" in ('paid', 'refunded')) = ("donations"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "point_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"signup_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"route" text NOT NULL,
	"note" text,
	"receipt_file_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_claims_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "point_claims_points" CHECK ("point_claims"."points" > 0),
	CONSTRAINT "point_claims_route" CHECK (length(trim("point_claims"."route")) > 0),
	CONSTRAINT "point_claims_status" CHECK ("point_claims"."status" in ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "point_claims_decision" CHECK (("point_claims"."status" in ('approved', 'rejected')) = ("point_claims"."decided_by" is not null and "point_claims"."decided_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"currency" text NOT NULL,
	"jpy_per_unit" numeric(18, 6) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_org_id_fiscal_year_currency_pk" PRIMARY KEY("org_id","fiscal_year","currency"),
	CONSTRAINT "fx_rates_currency" CHECK ("fx_rates"."currency" ~ '^[A-Z]{3}$' and "fx_rates"."currency" <> 'JPY'),
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."jpy_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"employee_id" uuid,
	"fiscal_year" smallint,
	"company_id" uuid,
	"partner_id" uuid,
	"campaign_id" uuid,
	"balance" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_org_id_unit" UNIQUE("org_id","id","unit"),
	CONSTRAINT "ledger_accounts_key" UNIQUE NULLS NOT DISTINCT("org_id","kind","unit","employee_id","fiscal_year","company_id","partner_id","campaign_id"),
	CONSTRAINT "ledger_accounts_kind" CHECK ("ledger_accounts"."kind" in ('employee_points', 'points_granted', 'points_expired', 'points_reimbursed', 'points_donated', 'points_funding', 'employee_giving', 'company_giving', 'payable', 'paid_out')),
	CONSTRAINT "ledger_accounts_unit" CHECK ("ledger_accounts"."unit" = 'PTS' or "ledger_accounts"."unit" ~ '^[A-Z]{3}$'),
	CONSTRAINT "ledger_accounts_shape" CHECK (case "ledger_accounts"."kind"
        when 'employee_points' then "ledger_accounts"."unit" = 'PTS' and "ledger_accounts"."employee_id" is not null and "ledger_accounts"."fiscal_year" is not null
          and "ledger_accounts"."company_id" is null and "ledger_accounts"."partner_id" is null and "ledger_accounts"."campaign_id" is null
        when 'points_funding' then "ledger_accounts"."unit" <> 'PTS' and "ledger_accounts"."fiscal_year" is not null and "ledger_accounts"."employee_id" is null
          and "ledger_accounts"."company_id" is null and "ledger_accounts"."partner_id" is null and "ledger_accounts"."campaign_id" is null
        when 'employee_giving' then "ledger_accounts"."unit" <> 'PTS' and "ledger_accounts"."employee_id" is null and "ledger_accounts"."fiscal_year" is null
          and "ledger_accounts"."company_id" is null and "ledger_accounts"."partner_id" is null and "ledger_accounts"."campaign_id" is null
        when 'company_giving' then "ledger_accounts"."unit" <> 'PTS' and "ledger_accounts"."company_id" is not null and "ledger_accounts"."employee_id" is null
          and "ledger_accounts"."fiscal_year" is null and "ledger_accounts"."partner_id" is null and "ledger_accounts"."campaign_id" is null
        when 'payable' then "ledger_accounts"."unit" <> 'PTS' and "ledger_accounts"."partner_id" is not null and "ledger_accounts"."employee_id" is null
          and "ledger_accounts"."fiscal_year" is null and "ledger_accounts"."company_id" is null
        when 'paid_out' then "ledger_accounts"."unit" <> 'PTS' and "ledger_accounts"."partner_id" is not null and "ledger_accounts"."employee_id" is null
          and "ledger_accounts"."fiscal_year" is null and "ledger_accounts"."company_id" is null and "ledger_accounts"."campaign_id" is null
        else "ledger_accounts"."unit" = 'PTS' and "ledger_accounts"."fiscal_year" is not null and "ledger_accounts"."employee_id" is null
          and "ledger_accounts"."company_id" is null and "ledger_accounts"."partner_id" is null and "ledger_accounts"."campaign_id" is null
      end),
	CONSTRAINT "ledger_accounts_tracked" CHECK (("ledger_accounts"."kind" = 'employee_points') = ("ledger_accounts"."balance" is not null)),
	CONSTRAINT "ledger_accounts_balance_non_negative" CHECK ("ledger_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"ok" boolean NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entries" bigint NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_checks_source" CHECK ("ledger_checks"."source" in ('cli', 'job', 'app'))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"amount" bigint NOT NULL,
	"value_jpy" bigint NOT NULL,
	CONSTRAINT "ledger_entries_amount" CHECK ("ledger_entries"."amount" <> 0),
	CONSTRAINT "ledger_entries_value_sign" CHECK (sign("ledger_entries"."value_jpy") in (0, sign("ledger_entries"."amount")))
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"effective_on" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"point_value_jpy" integer NOT NULL,
	"memo" text,
	"employee_id" uuid,
	"campaign_id" uuid,
	"partner_id" uuid,
	"donation_id" uuid,
	"company_donation_id" uuid,
	"claim_id" uuid,
	"payout_id" uuid,
	"reverses_id" uuid,
	"created_by" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_postings_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "ledger_postings_idempotency_key" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "ledger_postings_reverses" UNIQUE("reverses_id"),
	CONSTRAINT "ledger_postings_kind" CHECK ("ledger_postings"."kind" in ('grant', 'expiry', 'claim', 'point_donation', 'money_donation', 'company_donation', 'match', 'payout')),
	CONSTRAINT "ledger_postings_key" CHECK (length("ledger_postings"."idempotency_key") between 1 and 200),
	CONSTRAINT "ledger_postings_point_value" CHECK ("ledger_postings"."point_value_jpy" > 0),
	CONSTRAINT "ledger_postings_not_self_reversal" CHECK ("ledger_postings"."reverses_id" is null or "ledger_postings"."reverses_id" <> "ledger_postings"."id")
);
--> statement-breakpoint
CREATE TABLE "payout_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"payout_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "payout_lines_payout_account" UNIQUE("payout_id","account_id"),
	CONSTRAINT "payout_lines_amount" CHECK ("payout_lines"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"paid_on" date,
	"created_by" uuid,
	"paid_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "payouts_org_reference" UNIQUE("org_id","reference"),
	CONSTRAINT "payouts_status" CHECK ("payouts"."status" in ('draft', 'paid', 'cancelled')),
	CONSTRAINT "payouts_currency" CHECK ("payouts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payouts_paid" CHECK (("payouts"."status" = 'paid') = ("payouts"."paid_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ALTER COLUMN "point_value_minor" SET DEFAULT 100;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_fk" FOREIGN KEY ("org_id","uploaded_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_beneficiaries" ADD CONSTRAINT "campaign_beneficiaries_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_beneficiaries" ADD CONSTRAINT "campaign_beneficiaries_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_donations" ADD CONSTRAINT "company_donations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_donations" ADD CONSTRAINT "company_donations_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_donations" ADD CONSTRAINT "company_donations_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_donations" ADD CONSTRAINT "company_donations_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_donations" ADD CONSTRAINT "company_donations_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_events" ADD CONSTRAINT "donation_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_events" ADD CONSTRAINT "donation_events_donation_fk" FOREIGN KEY ("org_id","donation_id") REFERENCES "public"."donations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_claims" ADD CONSTRAINT "point_claims_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_claims" ADD CONSTRAINT "point_claims_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_claims" ADD CONSTRAINT "point_claims_signup_fk" FOREIGN KEY ("org_id","signup_id") REFERENCES "public"."signups"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_claims" ADD CONSTRAINT "point_claims_receipt_fk" FOREIGN KEY ("org_id","receipt_file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_claims" ADD CONSTRAINT "point_claims_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_checks" ADD CONSTRAINT "ledger_checks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_posting_fk" FOREIGN KEY ("org_id","posting_id") REFERENCES "public"."ledger_postings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_fk" FOREIGN KEY ("org_id","account_id","unit") REFERENCES "public"."ledger_accounts"("org_id","id","unit") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_reverses_fk" FOREIGN KEY ("org_id","reverses_id") REFERENCES "public"."ledger_postings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_donation_fk" FOREIGN KEY ("org_id","donation_id") REFERENCES "public"."donations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_company_donation_fk" FOREIGN KEY ("org_id","company_donation_id") REFERENCES "public"."company_donations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_claim_fk" FOREIGN KEY ("org_id","claim_id") REFERENCES "public"."point_claims"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_payout_fk" FOREIGN KEY ("org_id","payout_id") REFERENCES "public"."payouts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_payout_fk" FOREIGN KEY ("org_id","payout_id") REFERENCES "public"."payouts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_lines" ADD CONSTRAINT "payout_lines_account_fk" FOREIGN KEY ("org_id","account_id","currency") REFERENCES "public"."ledger_accounts"("org_id","id","unit") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_paid_by_fk" FOREIGN KEY ("org_id","paid_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partners_org_eligible_idx" ON "partners" USING btree ("org_id","eligible","status");--> statement-breakpoint
CREATE INDEX "campaigns_org_status_idx" ON "campaigns" USING btree ("org_id","status","starts_on");--> statement-breakpoint
CREATE INDEX "donation_events_donation_idx" ON "donation_events" USING btree ("donation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_org_external_ref" ON "donations" USING btree ("org_id","external_ref") WHERE "donations"."external_ref" is not null;--> statement-breakpoint
CREATE INDEX "donations_org_employee_idx" ON "donations" USING btree ("org_id","employee_id","pledged_at");--> statement-breakpoint
CREATE INDEX "donations_org_campaign_idx" ON "donations" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "donations_org_status_idx" ON "donations" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "point_claims_one_live_per_signup" ON "point_claims" USING btree ("signup_id") WHERE "point_claims"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "point_claims_org_status_idx" ON "point_claims" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "point_claims_org_employee_idx" ON "point_claims" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_employee_idx" ON "ledger_accounts" USING btree ("org_id","employee_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "ledger_accounts_partner_idx" ON "ledger_accounts" USING btree ("org_id","partner_id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_campaign_idx" ON "ledger_accounts" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "ledger_checks_org_ran_idx" ON "ledger_checks" USING btree ("org_id","ran_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_posting_idx" ON "ledger_entries" USING btree ("posting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_one_per_donation" ON "ledger_postings" USING btree ("donation_id","kind") WHERE "ledger_postings"."donation_id" is not null and "ledger_postings"."reverses_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_one_per_claim" ON "ledger_postings" USING btree ("claim_id") WHERE "ledger_postings"."claim_id" is not null and "ledger_postings"."reverses_id" is null;--> statement-breakpoint
CREATE INDEX "ledger_postings_org_kind_idx" ON "ledger_postings" USING btree ("org_id","kind","effective_on");--> statement-breakpoint
CREATE INDEX "ledger_postings_campaign_idx" ON "ledger_postings" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE INDEX "ledger_postings_employee_idx" ON "ledger_postings" USING btree ("org_id","employee_id","posted_at");--> statement-breakpoint
CREATE INDEX "ledger_postings_partner_idx" ON "ledger_postings" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_donation_idx" ON "ledger_postings" USING btree ("donation_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_payout_idx" ON "ledger_postings" USING btree ("payout_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_lines_one_open_per_account" ON "payout_lines" USING btree ("account_id") WHERE "payout_lines"."open";