DROP INDEX "destructions_pending_uq";--> statement-breakpoint
ALTER TABLE "destructions" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "destructions" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "destructions" ADD COLUMN "proposal_note" text;--> statement-breakpoint
CREATE UNIQUE INDEX "destructions_pending_uq" ON "destructions" USING btree ("organisation_id","client_id") WHERE "destructions"."status" in ('te_beoordelen', 'voorgesteld');