CREATE TABLE "client_attachments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"registration_id" uuid,
	"case_id" uuid,
	"identified_by" text NOT NULL,
	"reason" text NOT NULL,
	"held_elsewhere" boolean NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_outcome" text,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "client_attachments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_user_id_users_organisation_id_id_fk" FOREIGN KEY ("organisation_id","user_id") REFERENCES "public"."users"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_registration_id_registrations_organisation_id_id_fk" FOREIGN KEY ("organisation_id","registration_id") REFERENCES "public"."registrations"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_attachments" ADD CONSTRAINT "client_attachments_organisation_id_case_id_cases_organisation_id_id_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_attachments_client_idx" ON "client_attachments" USING btree ("organisation_id","client_id","team_id");--> statement-breakpoint
CREATE INDEX "client_attachments_review_idx" ON "client_attachments" USING btree ("organisation_id","reviewed_at","attached_at");--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;