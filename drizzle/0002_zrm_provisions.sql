CREATE TABLE "provisions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"category" text NOT NULL,
	"product" text NOT NULL,
	"provider" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"extends_provision_id" uuid,
	"voided" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provisions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "zrm_assessments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"type" text NOT NULL,
	"scores" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zrm_assessments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
DROP INDEX "clients_bsn_uq";--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_organisation_id_case_id_cases_organisation_id_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_organisation_id_extends_provision_id_provisions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","extends_provision_id") REFERENCES "public"."provisions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zrm_assessments" ADD CONSTRAINT "zrm_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zrm_assessments" ADD CONSTRAINT "zrm_assessments_organisation_id_case_id_cases_organisation_id_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zrm_assessments" ADD CONSTRAINT "zrm_assessments_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provisions_external_uq" ON "provisions" USING btree ("organisation_id","external_id");--> statement-breakpoint
CREATE INDEX "provisions_case_idx" ON "provisions" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "provisions_start_idx" ON "provisions" USING btree ("organisation_id","start_on");--> statement-breakpoint
CREATE UNIQUE INDEX "zrm_external_uq" ON "zrm_assessments" USING btree ("organisation_id","external_id");--> statement-breakpoint
CREATE INDEX "zrm_case_idx" ON "zrm_assessments" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "zrm_client_idx" ON "zrm_assessments" USING btree ("organisation_id","client_id","assessed_on");--> statement-breakpoint
CREATE INDEX "zrm_date_idx" ON "zrm_assessments" USING btree ("organisation_id","assessed_on");--> statement-breakpoint
CREATE INDEX "clients_bsn_idx" ON "clients" USING btree ("organisation_id","bsn");