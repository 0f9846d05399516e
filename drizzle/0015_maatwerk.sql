CREATE TABLE "provision_decisions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"decision_number" integer NOT NULL,
	"decided_on" date NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provision_decisions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "provision_requests" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"asked" text NOT NULL,
	"category" text,
	"requested_by" text NOT NULL,
	"provider_agb" text,
	"provider_reference" text,
	"research_reported_on" date,
	"research_report" text,
	"status" text DEFAULT 'open' NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provision_requests_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "assignment_number" integer;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "provider_agb" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "delivery_form" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "volume" integer;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "frequency" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "budget_cents" integer;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "change_reason" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "delivery_started_on" date;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "delivery_ended_on" date;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "delivery_end_reason" text;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_decisions" ADD CONSTRAINT "provision_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_decisions" ADD CONSTRAINT "provision_decisions_organisation_id_request_id_provision_requests_organisation_id_id_fk" FOREIGN KEY ("organisation_id","request_id") REFERENCES "public"."provision_requests"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_decisions" ADD CONSTRAINT "provision_decisions_organisation_id_decided_by_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","decided_by") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_requests" ADD CONSTRAINT "provision_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_requests" ADD CONSTRAINT "provision_requests_organisation_id_case_id_cases_organisation_id_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_requests" ADD CONSTRAINT "provision_requests_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_requests" ADD CONSTRAINT "provision_requests_organisation_id_created_by_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","created_by") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provision_decisions_request_uq" ON "provision_decisions" USING btree ("organisation_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provision_decisions_number_uq" ON "provision_decisions" USING btree ("organisation_id","decision_number");--> statement-breakpoint
CREATE INDEX "provision_requests_case_idx" ON "provision_requests" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "provision_requests_open_idx" ON "provision_requests" USING btree ("organisation_id","status","requested_on");--> statement-breakpoint
CREATE UNIQUE INDEX "provision_requests_provider_ref_uq" ON "provision_requests" USING btree ("organisation_id","provider_agb","provider_reference");--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_organisation_id_decision_id_provision_decisions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","decision_id") REFERENCES "public"."provision_decisions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provisions_assignment_number_uq" ON "provisions" USING btree ("organisation_id","assignment_number");--> statement-breakpoint
CREATE INDEX "provisions_decision_idx" ON "provisions" USING btree ("organisation_id","decision_id");