CREATE TABLE "partner_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_contacts_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "partner_contacts_name" CHECK (length("partner_contacts"."name") between 1 and 200),
	CONSTRAINT "partner_contacts_email" CHECK ("partner_contacts"."email" is null or "partner_contacts"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
--> statement-breakpoint
CREATE TABLE "classifications" (
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"label_ja" text NOT NULL,
	"label_en" text NOT NULL,
	"position" smallint NOT NULL,
	"retired_on" date,
	CONSTRAINT "classifications_pk" PRIMARY KEY("scheme","code"),
	CONSTRAINT "classifications_scheme" CHECK ("classifications"."scheme" in ('company_field', 'vision_layer', 'keidanren_field', 'b4si_cause', 'b4si_motivation', 'b4si_region')),
	CONSTRAINT "classifications_code" CHECK ("classifications"."code" ~ '^[a-z][a-z0-9_]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "partner_screening_answers" (
	"org_id" uuid NOT NULL,
	"screening_id" uuid NOT NULL,
	"guideline_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"evidence" text,
	"file_id" uuid,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_screening_answers_pk" PRIMARY KEY("screening_id","criterion_id"),
	CONSTRAINT "partner_screening_answers_answer" CHECK ("partner_screening_answers"."answer" in ('yes', 'no', 'na'))
);
--> statement-breakpoint
CREATE TABLE "partner_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"guideline_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"started_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"next_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_screenings_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "partner_screenings_org_guideline_id" UNIQUE("org_id","guideline_id","id"),
	CONSTRAINT "partner_screenings_status" CHECK ("partner_screenings"."status" in ('draft', 'passed', 'failed')),
	CONSTRAINT "partner_screenings_decided" CHECK (("partner_screenings"."status" = 'draft') = ("partner_screenings"."decided_at" is null) and ("partner_screenings"."decided_at" is null) = ("partner_screenings"."decided_by" is null)),
	CONSTRAINT "partner_screenings_due" CHECK (("partner_screenings"."status" = 'passed') = ("partner_screenings"."next_due_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "screening_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"guideline_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" smallint NOT NULL,
	"text_ja" text,
	"text_en" text,
	"evidence_ja" text,
	"evidence_en" text,
	"required" boolean DEFAULT true NOT NULL,
	CONSTRAINT "screening_criteria_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "screening_criteria_guideline_code" UNIQUE("guideline_id","code"),
	CONSTRAINT "screening_criteria_org_guideline_id" UNIQUE("org_id","guideline_id","id"),
	CONSTRAINT "screening_criteria_code" CHECK ("screening_criteria"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "screening_criteria_text" CHECK (coalesce("screening_criteria"."text_ja", "screening_criteria"."text_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "screening_guidelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title_ja" text,
	"title_en" text,
	"policy_ja" text,
	"policy_en" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"validity_months" smallint DEFAULT 24 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_guidelines_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "screening_guidelines_org_version" UNIQUE("org_id","version"),
	CONSTRAINT "screening_guidelines_status" CHECK ("screening_guidelines"."status" in ('draft', 'active', 'retired')),
	CONSTRAINT "screening_guidelines_title" CHECK (coalesce("screening_guidelines"."title_ja", "screening_guidelines"."title_en") is not null),
	CONSTRAINT "screening_guidelines_version" CHECK ("screening_guidelines"."version" > 0),
	CONSTRAINT "screening_guidelines_validity" CHECK ("screening_guidelines"."validity_months" between 1 and 120),
	CONSTRAINT "screening_guidelines_published" CHECK (("screening_guidelines"."status" = 'draft') = ("screening_guidelines"."published_at" is null))
);
--> statement-breakpoint
CREATE TABLE "partner_agreement_documents" (
	"org_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreement_documents_pk" PRIMARY KEY("agreement_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "partner_agreement_parties" (
	"org_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	CONSTRAINT "partner_agreement_parties_pk" PRIMARY KEY("agreement_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "partner_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"company_id" uuid NOT NULL,
	"title_ja" text,
	"title_en" text,
	"scope_ja" text,
	"scope_en" text,
	"signed_on" date,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreements_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "partner_agreements_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "partner_agreements_code" CHECK ("partner_agreements"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "partner_agreements_kind" CHECK ("partner_agreements"."kind" in ('comprehensive_partnership', 'memorandum', 'sponsorship', 'pro_bono')),
	CONSTRAINT "partner_agreements_status" CHECK ("partner_agreements"."status" in ('draft', 'active', 'expired', 'terminated')),
	CONSTRAINT "partner_agreements_title" CHECK (coalesce("partner_agreements"."title_ja", "partner_agreements"."title_en") is not null),
	CONSTRAINT "partner_agreements_dates" CHECK ("partner_agreements"."ends_on" is null or "partner_agreements"."ends_on" >= "partner_agreements"."starts_on"),
	CONSTRAINT "partner_agreements_signed" CHECK ("partner_agreements"."status" = 'draft' or "partner_agreements"."signed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "program_partners" (
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text DEFAULT 'partner' NOT NULL,
	CONSTRAINT "program_partners_pk" PRIMARY KEY("program_id","partner_id"),
	CONSTRAINT "program_partners_role" CHECK ("program_partners"."role" in ('organiser', 'partner', 'host', 'beneficiary', 'funder'))
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"description_ja" text,
	"description_en" text,
	"framework" text NOT NULL,
	"company_id" uuid NOT NULL,
	"company_field" text,
	"company_field_scheme" text GENERATED ALWAYS AS ('company_field') STORED NOT NULL,
	"vision_layer" text,
	"vision_layer_scheme" text GENERATED ALWAYS AS ('vision_layer') STORED NOT NULL,
	"keidanren_field" text,
	"keidanren_field_scheme" text GENERATED ALWAYS AS ('keidanren_field') STORED NOT NULL,
	"b4si_cause" text,
	"b4si_cause_scheme" text GENERATED ALWAYS AS ('b4si_cause') STORED NOT NULL,
	"b4si_motivation" text,
	"b4si_motivation_scheme" text GENERATED ALWAYS AS ('b4si_motivation') STORED NOT NULL,
	"sdgs" smallint[] DEFAULT '{}' NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint,
	"status" text DEFAULT 'active' NOT NULL,
	"review_cycle_months" smallint DEFAULT 12 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "programs_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "programs_code" CHECK ("programs"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "programs_name" CHECK (coalesce("programs"."name_ja", "programs"."name_en") is not null),
	CONSTRAINT "programs_framework" CHECK ("programs"."framework" in ('company_program', 'local_activity', 'foundation_grant')),
	CONSTRAINT "programs_status" CHECK ("programs"."status" in ('planned', 'active', 'ended')),
	CONSTRAINT "programs_sdgs" CHECK ("programs"."sdgs" <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
	CONSTRAINT "programs_years" CHECK ("programs"."start_year" between 1900 and 2200 and ("programs"."end_year" is null or "programs"."end_year" >= "programs"."start_year")),
	CONSTRAINT "programs_review_cycle" CHECK ("programs"."review_cycle_months" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "program_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"fiscal_year" smallint NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_cohorts_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_cohorts_org_program_id" UNIQUE("org_id","program_id","id"),
	CONSTRAINT "program_cohorts_program_code" UNIQUE("program_id","code"),
	CONSTRAINT "program_cohorts_code" CHECK ("program_cohorts"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "program_cohorts_dates" CHECK ("program_cohorts"."ends_on" is null or "program_cohorts"."starts_on" is null or "program_cohorts"."ends_on" >= "program_cohorts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "program_graduates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"kind" text DEFAULT 'group' NOT NULL,
	"name_ja" text,
	"name_en" text,
	"venture_ja" text,
	"venture_en" text,
	"supported_fiscal_year" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_graduates_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_graduates_program_ref" UNIQUE("program_id","external_ref"),
	CONSTRAINT "program_graduates_ref" CHECK ("program_graduates"."external_ref" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "program_graduates_kind" CHECK ("program_graduates"."kind" in ('individual', 'group')),
	CONSTRAINT "program_graduates_name" CHECK (coalesce("program_graduates"."name_ja", "program_graduates"."name_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "program_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"session_id" uuid,
	"file_id" uuid NOT NULL,
	"caption_ja" text,
	"caption_en" text,
	"taken_on" date,
	"fiscal_year" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_photos_org_id" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_project_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"title_ja" text,
	"title_en" text,
	"quantity" integer,
	"due_on" date,
	"done_on" date,
	CONSTRAINT "program_project_items_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_project_items_kind" CHECK ("program_project_items"."kind" in ('milestone', 'deliverable', 'outcome')),
	CONSTRAINT "program_project_items_title" CHECK (coalesce("program_project_items"."title_ja", "program_project_items"."title_en") is not null),
	CONSTRAINT "program_project_items_quantity" CHECK ("program_project_items"."quantity" is null or "program_project_items"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "program_project_members" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	CONSTRAINT "program_project_members_pk" PRIMARY KEY("project_id","employee_id"),
	CONSTRAINT "program_project_members_role" CHECK ("program_project_members"."role" in ('leader', 'member', 'advisor'))
);
--> statement-breakpoint
CREATE TABLE "program_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"partner_id" uuid,
	"code" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"summary_ja" text,
	"summary_en" text,
	"fiscal_year" smallint NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_projects_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_projects_org_program_id" UNIQUE("org_id","program_id","id"),
	CONSTRAINT "program_projects_program_code" UNIQUE("program_id","code"),
	CONSTRAINT "program_projects_code" CHECK ("program_projects"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "program_projects_title" CHECK (coalesce("program_projects"."title_ja", "program_projects"."title_en") is not null),
	CONSTRAINT "program_projects_status" CHECK ("program_projects"."status" in ('planned', 'active', 'completed', 'cancelled')),
	CONSTRAINT "program_projects_dates" CHECK ("program_projects"."ends_on" is null or "program_projects"."starts_on" is null or "program_projects"."ends_on" >= "program_projects"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "program_session_attendees" (
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	CONSTRAINT "program_session_attendees_pk" PRIMARY KEY("session_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "program_session_counts" (
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_kind" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "program_session_counts_pk" PRIMARY KEY("session_id","participant_kind"),
	CONSTRAINT "program_session_counts_kind" CHECK ("program_session_counts"."participant_kind" in ('students', 'guardians', 'teachers', 'employees', 'public', 'organisations', 'other')),
	CONSTRAINT "program_session_counts_count" CHECK ("program_session_counts"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "program_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"project_id" uuid,
	"partner_id" uuid,
	"external_ref" text NOT NULL,
	"kind" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"place_ja" text,
	"place_en" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_sessions_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_sessions_org_program_id" UNIQUE("org_id","program_id","id"),
	CONSTRAINT "program_sessions_program_ref" UNIQUE("program_id","external_ref"),
	CONSTRAINT "program_sessions_ref" CHECK ("program_sessions"."external_ref" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "program_sessions_kind" CHECK ("program_sessions"."kind" in ('class', 'workshop', 'event', 'dialogue', 'meeting', 'other')),
	CONSTRAINT "program_sessions_title" CHECK (coalesce("program_sessions"."title_ja", "program_sessions"."title_en") is not null),
	CONSTRAINT "program_sessions_dates" CHECK ("program_sessions"."ends_on" >= "program_sessions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "program_testimonials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"session_id" uuid,
	"speaker_ja" text,
	"speaker_en" text,
	"quote_ja" text,
	"quote_en" text,
	"fiscal_year" smallint NOT NULL,
	"consent_on" date NOT NULL,
	"consent_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_testimonials_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_testimonials_quote" CHECK (coalesce("program_testimonials"."quote_ja", "program_testimonials"."quote_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value_int" smallint,
	"value_text" text,
	CONSTRAINT "survey_answers_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "survey_answers_one_value" CHECK (("survey_answers"."value_int" is null) <> ("survey_answers"."value_text" is null))
);
--> statement-breakpoint
CREATE TABLE "survey_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label_ja" text,
	"label_en" text,
	"threshold" smallint NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_indicators_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "survey_indicators_survey_code" UNIQUE("survey_id","code"),
	CONSTRAINT "survey_indicators_code" CHECK ("survey_indicators"."code" ~ '^[A-Za-z][A-Za-z0-9_]{0,39}$'),
	CONSTRAINT "survey_indicators_label" CHECK (coalesce("survey_indicators"."label_ja", "survey_indicators"."label_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"text_ja" text,
	"text_en" text,
	"scale_min" smallint,
	"scale_max" smallint,
	CONSTRAINT "survey_questions_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "survey_questions_org_survey_id" UNIQUE("org_id","survey_id","id"),
	CONSTRAINT "survey_questions_survey_code" UNIQUE("survey_id","code"),
	CONSTRAINT "survey_questions_code" CHECK ("survey_questions"."code" ~ '^[A-Za-z][A-Za-z0-9_]{0,39}$'),
	CONSTRAINT "survey_questions_kind" CHECK ("survey_questions"."kind" in ('scale', 'yes_no', 'text')),
	CONSTRAINT "survey_questions_text" CHECK (coalesce("survey_questions"."text_ja", "survey_questions"."text_en") is not null),
	CONSTRAINT "survey_questions_scale" CHECK (("survey_questions"."kind" = 'scale') = ("survey_questions"."scale_min" is not null and "survey_questions"."scale_max" is not null) and ("survey_questions"."scale_min" is null or "survey_questions"."scale_max" > "survey_questions"."scale_min"))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_ref" text NOT NULL,
	"respondent_kind" text,
	"submitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "survey_responses_org_survey_id" UNIQUE("org_id","survey_id","id"),
	CONSTRAINT "survey_responses_survey_ref" UNIQUE("survey_id","respondent_ref"),
	CONSTRAINT "survey_responses_ref" CHECK ("survey_responses"."respondent_ref" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "survey_responses_kind" CHECK ("survey_responses"."respondent_kind" is null or "survey_responses"."respondent_kind" in ('student', 'guardian', 'teacher', 'employee', 'public', 'other'))
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"session_id" uuid,
	"code" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"fiscal_year" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "surveys_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "surveys_code" CHECK ("surveys"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'),
	CONSTRAINT "surveys_title" CHECK (coalesce("surveys"."title_ja", "surveys"."title_en") is not null),
	CONSTRAINT "surveys_status" CHECK ("surveys"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "certification_holders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"certified_on" date NOT NULL,
	"expires_on" date,
	"renews_id" uuid,
	"revoked_on" date,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_holders_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "certification_holders_renews" UNIQUE("renews_id"),
	CONSTRAINT "certification_holders_org_employee_id" UNIQUE("org_id","employee_id","id"),
	CONSTRAINT "certification_holders_ref" UNIQUE("certification_id","external_ref"),
	CONSTRAINT "certification_holders_dates" CHECK ("certification_holders"."expires_on" is null or "certification_holders"."expires_on" >= "certification_holders"."certified_on"),
	CONSTRAINT "certification_holders_revoked" CHECK ("certification_holders"."revoked_on" is null or "certification_holders"."revoked_on" >= "certification_holders"."certified_on")
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"validity_months" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "certifications_org_program_id" UNIQUE("org_id","program_id","id"),
	CONSTRAINT "certifications_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "certifications_code" CHECK ("certifications"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "certifications_name" CHECK (coalesce("certifications"."name_ja", "certifications"."name_en") is not null),
	CONSTRAINT "certifications_validity" CHECK ("certifications"."validity_months" is null or "certifications"."validity_months" between 1 and 240)
);
--> statement-breakpoint
CREATE TABLE "class_request_instructors" (
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_request_instructors_pk" PRIMARY KEY("request_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "class_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	"partner_id" uuid,
	"requester_kind" text NOT NULL,
	"requester_organisation" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"locale" text DEFAULT 'ja' NOT NULL,
	"preferred_on" date NOT NULL,
	"alternative_on" date,
	"place" text NOT NULL,
	"audience" text NOT NULL,
	"expected_participants" integer NOT NULL,
	"message" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"scheduled_on" date,
	"coordinator_id" uuid,
	"session_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_requests_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "class_requests_requester_kind" CHECK ("class_requests"."requester_kind" in ('school', 'municipality', 'other')),
	CONSTRAINT "class_requests_locale" CHECK ("class_requests"."locale" in ('ja', 'en')),
	CONSTRAINT "class_requests_audience" CHECK ("class_requests"."audience" in ('students', 'guardians', 'teachers', 'public', 'mixed')),
	CONSTRAINT "class_requests_participants" CHECK ("class_requests"."expected_participants" between 1 and 100000),
	CONSTRAINT "class_requests_status" CHECK ("class_requests"."status" in ('requested', 'assigned', 'completed', 'declined', 'cancelled')),
	CONSTRAINT "class_requests_email" CHECK ("class_requests"."contact_email" ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	CONSTRAINT "class_requests_scheduled" CHECK ("class_requests"."status" not in ('assigned', 'completed') or "class_requests"."scheduled_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "collection_drive_items" (
	"org_id" uuid NOT NULL,
	"drive_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient_id" uuid,
	CONSTRAINT "collection_drive_items_pk" PRIMARY KEY("drive_id","item_id"),
	CONSTRAINT "collection_drive_items_org_drive_item" UNIQUE("org_id","drive_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "collection_drive_sites" (
	"org_id" uuid NOT NULL,
	"drive_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	CONSTRAINT "collection_drive_sites_pk" PRIMARY KEY("drive_id","site_id"),
	CONSTRAINT "collection_drive_sites_org_drive_site" UNIQUE("org_id","drive_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "collection_drives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_ja" text,
	"title_en" text,
	"fiscal_year" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_drives_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "collection_drives_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "collection_drives_code" CHECK ("collection_drives"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "collection_drives_title" CHECK (coalesce("collection_drives"."title_ja", "collection_drives"."title_en") is not null),
	CONSTRAINT "collection_drives_dates" CHECK ("collection_drives"."ends_on" >= "collection_drives"."starts_on"),
	CONSTRAINT "collection_drives_status" CHECK ("collection_drives"."status" in ('planned', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "collection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"unit" text NOT NULL,
	"yen_per_unit" numeric(14, 4),
	"active" boolean DEFAULT true NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_items_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "collection_items_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "collection_items_code" CHECK ("collection_items"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "collection_items_name" CHECK (coalesce("collection_items"."name_ja", "collection_items"."name_en") is not null),
	CONSTRAINT "collection_items_unit" CHECK ("collection_items"."unit" in ('points', 'count', 'kg')),
	CONSTRAINT "collection_items_rate" CHECK ("collection_items"."yen_per_unit" is null or "collection_items"."yen_per_unit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "collection_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"drive_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"note" text,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_reports_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "collection_reports_drive_site_item" UNIQUE("drive_id","site_id","item_id"),
	CONSTRAINT "collection_reports_quantity" CHECK ("collection_reports"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text,
	"name_en" text,
	"description_ja" text,
	"description_en" text,
	"position" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "evaluation_criteria_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "evaluation_criteria_org_code" UNIQUE("org_id","code"),
	CONSTRAINT "evaluation_criteria_code" CHECK ("evaluation_criteria"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "evaluation_criteria_name" CHECK (coalesce("evaluation_criteria"."name_ja", "evaluation_criteria"."name_en") is not null)
);
--> statement-breakpoint
CREATE TABLE "program_impacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"assessed" integer NOT NULL,
	"connect" integer DEFAULT 0 NOT NULL,
	"improve" integer DEFAULT 0 NOT NULL,
	"transform" integer DEFAULT 0 NOT NULL,
	"behaviour_change" integer DEFAULT 0 NOT NULL,
	"skills_change" integer DEFAULT 0 NOT NULL,
	"quality_of_life_change" integer DEFAULT 0 NOT NULL,
	"method" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_impacts_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_impacts_program_year" UNIQUE("program_id","fiscal_year"),
	CONSTRAINT "program_impacts_non_negative" CHECK ("program_impacts"."assessed" >= 0 and "program_impacts"."connect" >= 0 and "program_impacts"."improve" >= 0 and "program_impacts"."transform" >= 0 and "program_impacts"."behaviour_change" >= 0 and "program_impacts"."skills_change" >= 0 and "program_impacts"."quality_of_life_change" >= 0),
	CONSTRAINT "program_impacts_depth" CHECK ("program_impacts"."connect" + "program_impacts"."improve" + "program_impacts"."transform" <= "program_impacts"."assessed"),
	CONSTRAINT "program_impacts_types" CHECK ("program_impacts"."behaviour_change" <= "program_impacts"."assessed" and "program_impacts"."skills_change" <= "program_impacts"."assessed" and "program_impacts"."quality_of_life_change" <= "program_impacts"."assessed")
);
--> statement-breakpoint
CREATE TABLE "program_review_scores" (
	"org_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	CONSTRAINT "program_review_scores_pk" PRIMARY KEY("review_id","criterion_id"),
	CONSTRAINT "program_review_scores_score" CHECK ("program_review_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "program_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviewed_on" date,
	"reviewer_id" uuid NOT NULL,
	"decision" text,
	"summary_ja" text,
	"summary_en" text,
	"actions_ja" text,
	"actions_en" text,
	"next_review_on" date,
	"evidence" jsonb,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_reviews_org_id" UNIQUE("org_id","id"),
	CONSTRAINT "program_reviews_status" CHECK ("program_reviews"."status" in ('draft', 'final')),
	CONSTRAINT "program_reviews_decision" CHECK ("program_reviews"."decision" is null or "program_reviews"."decision" in ('continue', 'improve', 'revise', 'end')),
	CONSTRAINT "program_reviews_final" CHECK ("program_reviews"."status" = 'draft' or ("program_reviews"."decision" is not null and "program_reviews"."reviewed_on" is not null and "program_reviews"."finalised_at" is not null and "program_reviews"."evidence" is not null and ("program_reviews"."decision" = 'end' or "program_reviews"."next_review_on" is not null))),
	CONSTRAINT "program_reviews_next" CHECK ("program_reviews"."next_review_on" is null or "program_reviews"."reviewed_on" is null or "program_reviews"."next_review_on" > "program_reviews"."reviewed_on")
);
--> statement-breakpoint
ALTER TABLE "stored_files" DROP CONSTRAINT "stored_files_purpose";--> statement-breakpoint
ALTER TABLE "partners" DROP CONSTRAINT "partners_kind";--> statement-breakpoint
ALTER TABLE "partners" DROP CONSTRAINT "partners_corporate_number";--> statement-breakpoint
-- Numbers kept before the check digit was checked: one that fails it was never a 法人番号.
UPDATE "partners" SET "corporate_number" = NULL WHERE NOT kyosei_corporate_number_ok("corporate_number");--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "local_gov_code" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "address_ja" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "address_en" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "description_ja" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "fields" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "eligible_until" date;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screening_answers" ADD CONSTRAINT "partner_screening_answers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screening_answers" ADD CONSTRAINT "partner_screening_answers_screening_fk" FOREIGN KEY ("org_id","guideline_id","screening_id") REFERENCES "public"."partner_screenings"("org_id","guideline_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screening_answers" ADD CONSTRAINT "partner_screening_answers_criterion_fk" FOREIGN KEY ("org_id","guideline_id","criterion_id") REFERENCES "public"."screening_criteria"("org_id","guideline_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screening_answers" ADD CONSTRAINT "partner_screening_answers_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screenings" ADD CONSTRAINT "partner_screenings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screenings" ADD CONSTRAINT "partner_screenings_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screenings" ADD CONSTRAINT "partner_screenings_guideline_fk" FOREIGN KEY ("org_id","guideline_id") REFERENCES "public"."screening_guidelines"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screenings" ADD CONSTRAINT "partner_screenings_started_by_fk" FOREIGN KEY ("org_id","started_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_screenings" ADD CONSTRAINT "partner_screenings_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_criteria" ADD CONSTRAINT "screening_criteria_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_criteria" ADD CONSTRAINT "screening_criteria_guideline_fk" FOREIGN KEY ("org_id","guideline_id") REFERENCES "public"."screening_guidelines"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_guidelines" ADD CONSTRAINT "screening_guidelines_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_guidelines" ADD CONSTRAINT "screening_guidelines_published_by_fk" FOREIGN KEY ("org_id","published_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_documents" ADD CONSTRAINT "partner_agreement_documents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_documents" ADD CONSTRAINT "partner_agreement_documents_agreement_fk" FOREIGN KEY ("org_id","agreement_id") REFERENCES "public"."partner_agreements"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_documents" ADD CONSTRAINT "partner_agreement_documents_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_parties" ADD CONSTRAINT "partner_agreement_parties_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_parties" ADD CONSTRAINT "partner_agreement_parties_agreement_fk" FOREIGN KEY ("org_id","agreement_id") REFERENCES "public"."partner_agreements"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreement_parties" ADD CONSTRAINT "partner_agreement_parties_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partners" ADD CONSTRAINT "program_partners_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partners" ADD CONSTRAINT "program_partners_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partners" ADD CONSTRAINT "program_partners_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_company_field_fk" FOREIGN KEY ("company_field_scheme","company_field") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_vision_layer_fk" FOREIGN KEY ("vision_layer_scheme","vision_layer") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_keidanren_field_fk" FOREIGN KEY ("keidanren_field_scheme","keidanren_field") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_b4si_cause_fk" FOREIGN KEY ("b4si_cause_scheme","b4si_cause") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_b4si_motivation_fk" FOREIGN KEY ("b4si_motivation_scheme","b4si_motivation") REFERENCES "public"."classifications"("scheme","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_graduates" ADD CONSTRAINT "program_graduates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_graduates" ADD CONSTRAINT "program_graduates_cohort_fk" FOREIGN KEY ("org_id","program_id","cohort_id") REFERENCES "public"."program_cohorts"("org_id","program_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_photos" ADD CONSTRAINT "program_photos_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_photos" ADD CONSTRAINT "program_photos_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_photos" ADD CONSTRAINT "program_photos_session_fk" FOREIGN KEY ("org_id","program_id","session_id") REFERENCES "public"."program_sessions"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_photos" ADD CONSTRAINT "program_photos_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_project_items" ADD CONSTRAINT "program_project_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_project_items" ADD CONSTRAINT "program_project_items_project_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."program_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_project_members" ADD CONSTRAINT "program_project_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_project_members" ADD CONSTRAINT "program_project_members_project_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."program_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_project_members" ADD CONSTRAINT "program_project_members_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_projects" ADD CONSTRAINT "program_projects_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_projects" ADD CONSTRAINT "program_projects_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_projects" ADD CONSTRAINT "program_projects_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session_attendees" ADD CONSTRAINT "program_session_attendees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session_attendees" ADD CONSTRAINT "program_session_attendees_session_fk" FOREIGN KEY ("org_id","session_id") REFERENCES "public"."program_sessions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session_attendees" ADD CONSTRAINT "program_session_attendees_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session_counts" ADD CONSTRAINT "program_session_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session_counts" ADD CONSTRAINT "program_session_counts_session_fk" FOREIGN KEY ("org_id","session_id") REFERENCES "public"."program_sessions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_project_fk" FOREIGN KEY ("org_id","program_id","project_id") REFERENCES "public"."program_projects"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_testimonials" ADD CONSTRAINT "program_testimonials_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_testimonials" ADD CONSTRAINT "program_testimonials_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_testimonials" ADD CONSTRAINT "program_testimonials_session_fk" FOREIGN KEY ("org_id","program_id","session_id") REFERENCES "public"."program_sessions"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_testimonials" ADD CONSTRAINT "program_testimonials_file_fk" FOREIGN KEY ("org_id","consent_file_id") REFERENCES "public"."stored_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_fk" FOREIGN KEY ("org_id","survey_id","response_id") REFERENCES "public"."survey_responses"("org_id","survey_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_fk" FOREIGN KEY ("org_id","survey_id","question_id") REFERENCES "public"."survey_questions"("org_id","survey_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_indicators" ADD CONSTRAINT "survey_indicators_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_indicators" ADD CONSTRAINT "survey_indicators_question_fk" FOREIGN KEY ("org_id","survey_id","question_id") REFERENCES "public"."survey_questions"("org_id","survey_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_session_fk" FOREIGN KEY ("org_id","program_id","session_id") REFERENCES "public"."program_sessions"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_holders" ADD CONSTRAINT "certification_holders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_holders" ADD CONSTRAINT "certification_holders_certification_fk" FOREIGN KEY ("org_id","certification_id") REFERENCES "public"."certifications"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_holders" ADD CONSTRAINT "certification_holders_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_holders" ADD CONSTRAINT "certification_holders_renews_fk" FOREIGN KEY ("org_id","renews_id") REFERENCES "public"."certification_holders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_request_instructors" ADD CONSTRAINT "class_request_instructors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_request_instructors" ADD CONSTRAINT "class_request_instructors_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."class_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_request_instructors" ADD CONSTRAINT "class_request_instructors_holder_fk" FOREIGN KEY ("org_id","employee_id","holder_id") REFERENCES "public"."certification_holders"("org_id","employee_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_request_instructors" ADD CONSTRAINT "class_request_instructors_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_requests" ADD CONSTRAINT "class_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_requests" ADD CONSTRAINT "class_requests_certification_fk" FOREIGN KEY ("org_id","program_id","certification_id") REFERENCES "public"."certifications"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_requests" ADD CONSTRAINT "class_requests_partner_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_requests" ADD CONSTRAINT "class_requests_coordinator_fk" FOREIGN KEY ("org_id","coordinator_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_requests" ADD CONSTRAINT "class_requests_session_fk" FOREIGN KEY ("org_id","program_id","session_id") REFERENCES "public"."program_sessions"("org_id","program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD CONSTRAINT "collection_drive_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD CONSTRAINT "collection_drive_items_drive_fk" FOREIGN KEY ("org_id","drive_id") REFERENCES "public"."collection_drives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD CONSTRAINT "collection_drive_items_item_fk" FOREIGN KEY ("org_id","item_id") REFERENCES "public"."collection_items"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_items" ADD CONSTRAINT "collection_drive_items_recipient_fk" FOREIGN KEY ("org_id","recipient_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_sites" ADD CONSTRAINT "collection_drive_sites_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_sites" ADD CONSTRAINT "collection_drive_sites_drive_fk" FOREIGN KEY ("org_id","drive_id") REFERENCES "public"."collection_drives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drive_sites" ADD CONSTRAINT "collection_drive_sites_site_fk" FOREIGN KEY ("org_id","site_id") REFERENCES "public"."sites"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_drives" ADD CONSTRAINT "collection_drives_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reports" ADD CONSTRAINT "collection_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reports" ADD CONSTRAINT "collection_reports_drive_site_fk" FOREIGN KEY ("org_id","drive_id","site_id") REFERENCES "public"."collection_drive_sites"("org_id","drive_id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reports" ADD CONSTRAINT "collection_reports_drive_item_fk" FOREIGN KEY ("org_id","drive_id","item_id") REFERENCES "public"."collection_drive_items"("org_id","drive_id","item_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reports" ADD CONSTRAINT "collection_reports_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reports" ADD CONSTRAINT "collection_reports_reported_by_fk" FOREIGN KEY ("org_id","reported_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "evaluation_criteria_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_impacts" ADD CONSTRAINT "program_impacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_impacts" ADD CONSTRAINT "program_impacts_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_review_scores" ADD CONSTRAINT "program_review_scores_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_review_scores" ADD CONSTRAINT "program_review_scores_review_fk" FOREIGN KEY ("org_id","review_id") REFERENCES "public"."program_reviews"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_review_scores" ADD CONSTRAINT "program_review_scores_criterion_fk" FOREIGN KEY ("org_id","criterion_id") REFERENCES "public"."evaluation_criteria"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reviews" ADD CONSTRAINT "program_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reviews" ADD CONSTRAINT "program_reviews_program_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reviews" ADD CONSTRAINT "program_reviews_reviewer_fk" FOREIGN KEY ("org_id","reviewer_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_contacts_partner_idx" ON "partner_contacts" USING btree ("org_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_screenings_one_draft" ON "partner_screenings" USING btree ("org_id","partner_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "partner_screenings_partner_idx" ON "partner_screenings" USING btree ("org_id","partner_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_guidelines_one_active" ON "screening_guidelines" USING btree ("org_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "partner_agreement_parties_partner_idx" ON "partner_agreement_parties" USING btree ("org_id","partner_id");--> statement-breakpoint
CREATE INDEX "program_partners_partner_idx" ON "program_partners" USING btree ("org_id","partner_id");--> statement-breakpoint
CREATE INDEX "programs_org_company_idx" ON "programs" USING btree ("org_id","company_id");--> statement-breakpoint
CREATE INDEX "program_cohorts_program_year_idx" ON "program_cohorts" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "program_graduates_cohort_idx" ON "program_graduates" USING btree ("org_id","cohort_id");--> statement-breakpoint
CREATE INDEX "program_graduates_program_idx" ON "program_graduates" USING btree ("org_id","program_id","supported_fiscal_year");--> statement-breakpoint
CREATE INDEX "program_photos_program_idx" ON "program_photos" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "program_project_items_project_idx" ON "program_project_items" USING btree ("org_id","project_id");--> statement-breakpoint
CREATE INDEX "program_project_members_employee_idx" ON "program_project_members" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "program_projects_program_year_idx" ON "program_projects" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "program_session_attendees_employee_idx" ON "program_session_attendees" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "program_sessions_program_year_idx" ON "program_sessions" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "program_sessions_project_idx" ON "program_sessions" USING btree ("org_id","project_id");--> statement-breakpoint
CREATE INDEX "program_testimonials_program_idx" ON "program_testimonials" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("org_id","question_id","value_int");--> statement-breakpoint
CREATE INDEX "surveys_program_idx" ON "surveys" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "certification_holders_employee_idx" ON "certification_holders" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "certification_holders_cert_idx" ON "certification_holders" USING btree ("org_id","certification_id","expires_on");--> statement-breakpoint
CREATE INDEX "class_request_instructors_employee_idx" ON "class_request_instructors" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "class_requests_status_idx" ON "class_requests" USING btree ("org_id","status","preferred_on");--> statement-breakpoint
CREATE INDEX "collection_drives_org_year_idx" ON "collection_drives" USING btree ("org_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "collection_reports_drive_idx" ON "collection_reports" USING btree ("org_id","drive_id");--> statement-breakpoint
CREATE INDEX "program_reviews_program_idx" ON "program_reviews" USING btree ("org_id","program_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "program_reviews_one_draft" ON "program_reviews" USING btree ("program_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "program_reviews_next_idx" ON "program_reviews" USING btree ("org_id","next_review_on");--> statement-breakpoint
CREATE INDEX "partners_org_eligible_until_idx" ON "partners" USING btree ("org_id","eligible_until");--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_purpose" CHECK ("stored_files"."purpose" in ('claim_receipt', 'screening_evidence', 'agreement_document', 'program_photo', 'consent_record'));--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_local_gov_code" CHECK ("partners"."local_gov_code" is null or kyosei_local_gov_code_ok("partners"."local_gov_code"));--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_postal_code" CHECK ("partners"."postal_code" is null or "partners"."postal_code" ~ '^[0-9]{3}-?[0-9]{4}$');--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_fields" CHECK ("partners"."fields" <@ array['education_culture_sports', 'welfare_diversity', 'environment', 'regional']::text[]);--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_kind" CHECK ("partners"."kind" in ('npo', 'ngo', 'public_interest', 'municipality', 'prefecture', 'school', 'university', 'foundation', 'company', 'international', 'other'));--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_corporate_number" CHECK ("partners"."corporate_number" is null or kyosei_corporate_number_ok("partners"."corporate_number"));