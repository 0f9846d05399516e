CREATE TABLE "plan_versions" (
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_on" date,
	"agreed_how" text,
	"agreed_recorded_by" uuid,
	CONSTRAINT "plan_versions_organisation_id_case_id_version_pk" PRIMARY KEY("organisation_id","case_id","version")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"current_version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_organisation_id_case_id_pk" PRIMARY KEY("organisation_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_organisation_id_case_id_plans_organisation_id_case_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."plans"("organisation_id","case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_case_id_cases_organisation_id_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;