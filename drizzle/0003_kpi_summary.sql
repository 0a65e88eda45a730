CREATE TABLE "volunteer_activity_totals" (
	"org_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"company_id" uuid NOT NULL,
	"site_id" uuid,
	"field" text NOT NULL,
	"participants" integer NOT NULL,
	"participations" integer NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "volunteer_activity_totals_cell" UNIQUE NULLS NOT DISTINCT("org_id","fiscal_year","company_id","site_id","field"),
	CONSTRAINT "volunteer_activity_totals_field" CHECK (field in ('education_culture_sports', 'welfare_diversity', 'environment', 'regional', 'all')),
	CONSTRAINT "volunteer_activity_totals_counts" CHECK ("volunteer_activity_totals"."participants" >= 0 and "volunteer_activity_totals"."participations" >= "volunteer_activity_totals"."participants" and "volunteer_activity_totals"."minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_activity_years" (
	"org_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"field" text NOT NULL,
	"participations" integer NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "volunteer_activity_years_pk" PRIMARY KEY("org_id","employee_id","fiscal_year","field"),
	CONSTRAINT "volunteer_activity_years_field" CHECK (field in ('education_culture_sports', 'welfare_diversity', 'environment', 'regional', 'all')),
	CONSTRAINT "volunteer_activity_years_counts" CHECK ("volunteer_activity_years"."participations" >= 0 and "volunteer_activity_years"."minutes" >= 0 and ("volunteer_activity_years"."participations" = 0) = ("volunteer_activity_years"."minutes" = 0))
);
--> statement-breakpoint
ALTER TABLE "volunteer_activity_totals" ADD CONSTRAINT "volunteer_activity_totals_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."group_companies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity_totals" ADD CONSTRAINT "volunteer_activity_totals_site_fk" FOREIGN KEY ("org_id","site_id") REFERENCES "public"."sites"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity_years" ADD CONSTRAINT "volunteer_activity_years_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."employees"("org_id","id") ON DELETE cascade ON UPDATE no action;