CREATE TABLE "iwmo_messages" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"kind" text,
	"message_id" text,
	"message_date" date,
	"sequence" integer,
	"provider_agb" text,
	"client_id" uuid,
	"file_name" text NOT NULL,
	"content_sha256" text,
	"outcome" text NOT NULL,
	"error" text,
	"retour_codes" jsonb,
	"assignment_numbers" integer[],
	"reply_to_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iwmo_messages_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "provisions" ADD COLUMN "sent_version" integer;--> statement-breakpoint
ALTER TABLE "iwmo_messages" ADD CONSTRAINT "iwmo_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iwmo_messages" ADD CONSTRAINT "iwmo_messages_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iwmo_messages" ADD CONSTRAINT "iwmo_messages_organisation_id_reply_to_id_iwmo_messages_organisation_id_id_fk" FOREIGN KEY ("organisation_id","reply_to_id") REFERENCES "public"."iwmo_messages"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iwmo_messages_out_sequence_uq" ON "iwmo_messages" USING btree ("organisation_id","kind","sequence") WHERE "iwmo_messages"."direction" = 'out';--> statement-breakpoint
CREATE UNIQUE INDEX "iwmo_messages_in_content_uq" ON "iwmo_messages" USING btree ("organisation_id","content_sha256") WHERE "iwmo_messages"."direction" = 'in';--> statement-breakpoint
CREATE INDEX "iwmo_messages_identification_idx" ON "iwmo_messages" USING btree ("organisation_id","kind","provider_agb","message_id");--> statement-breakpoint
CREATE INDEX "iwmo_messages_client_idx" ON "iwmo_messages" USING btree ("organisation_id","client_id");