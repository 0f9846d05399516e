CREATE TABLE "client_teams" (
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "client_teams_organisation_id_client_id_team_id_pk" PRIMARY KEY("organisation_id","client_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "client_teams" ADD CONSTRAINT "client_teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_teams" ADD CONSTRAINT "client_teams_organisation_id_client_id_clients_organisation_id_id_fk" FOREIGN KEY ("organisation_id","client_id") REFERENCES "public"."clients"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_teams" ADD CONSTRAINT "client_teams_organisation_id_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_teams_team_idx" ON "client_teams" USING btree ("organisation_id","team_id","client_id");--> statement-breakpoint
-- client_teams is derived data: these triggers keep it equal to its definition (see clients.ts in
-- the schema) after every change of case_clients, of a case's team, and of registrations.
-- Inserting a case_clients row needs its case to exist already (the foreign key), so the team is known.
-- refresh_client_teams recomputes one client's teams. It first locks the client's row, so that two
-- transactions changing the same client's links refresh one after the other, each seeing the other's
-- committed links (FOR NO KEY UPDATE does not wait for the key-share locks of foreign-key checks).
CREATE FUNCTION refresh_client_teams(org uuid, client uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM clients WHERE organisation_id = org AND id = client FOR NO KEY UPDATE;
  DELETE FROM client_teams WHERE organisation_id = org AND client_id = client;
  INSERT INTO client_teams (organisation_id, client_id, team_id)
  SELECT org, client, team_id FROM (
    SELECT c.team_id FROM case_clients cc JOIN cases c ON c.organisation_id = cc.organisation_id AND c.id = cc.case_id
     WHERE cc.organisation_id = org AND cc.client_id = client
    UNION
    SELECT r.team_id FROM registrations r WHERE r.organisation_id = org AND r.client_id = client
    UNION
    SELECT r.triage_team_id FROM registrations r WHERE r.organisation_id = org AND r.client_id = client
  ) AS linked
  WHERE team_id IS NOT NULL;
END;
$$;
--> statement-breakpoint
-- New links only add teams: one set-based insert per statement, so that an import of tens of
-- thousands of households stays a bulk insert (per row: 21.7 s for 43,385 case_clients rows).
CREATE FUNCTION client_teams_after_case_clients_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO client_teams (organisation_id, client_id, team_id)
  SELECT DISTINCT n.organisation_id, n.client_id, c.team_id
    FROM inserted n JOIN cases c ON c.organisation_id = n.organisation_id AND c.id = n.case_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_clients_client_teams_insert AFTER INSERT ON "case_clients"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION client_teams_after_case_clients_insert();
--> statement-breakpoint
CREATE FUNCTION client_teams_after_registrations_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO client_teams (organisation_id, client_id, team_id)
  SELECT organisation_id, client_id, team_id FROM inserted
  UNION
  SELECT organisation_id, client_id, triage_team_id FROM inserted WHERE triage_team_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registrations_client_teams_insert AFTER INSERT ON "registrations"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION client_teams_after_registrations_insert();
--> statement-breakpoint
-- A changed or removed link may take a team away: refresh the client it had and the client it has.
CREATE FUNCTION client_teams_after_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_client_teams(OLD.organisation_id, OLD.client_id);
  IF TG_OP = 'UPDATE' AND (NEW.client_id, NEW.organisation_id) IS DISTINCT FROM (OLD.client_id, OLD.organisation_id) THEN
    PERFORM refresh_client_teams(NEW.organisation_id, NEW.client_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_clients_client_teams AFTER UPDATE OR DELETE ON "case_clients"
  FOR EACH ROW EXECUTE FUNCTION client_teams_after_link_change();
--> statement-breakpoint
CREATE TRIGGER registrations_client_teams AFTER UPDATE OF client_id, team_id, triage_team_id OR DELETE ON "registrations"
  FOR EACH ROW EXECUTE FUNCTION client_teams_after_link_change();
--> statement-breakpoint
-- A case moved to another team (a transfer): refresh every client of the case.
CREATE FUNCTION client_teams_after_case_team_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_client_teams(cc.organisation_id, cc.client_id)
     FROM case_clients cc WHERE cc.organisation_id = NEW.organisation_id AND cc.case_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_client_teams AFTER UPDATE OF team_id ON "cases"
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION client_teams_after_case_team_change();
--> statement-breakpoint
-- The links that exist already.
INSERT INTO client_teams (organisation_id, client_id, team_id)
SELECT cc.organisation_id, cc.client_id, c.team_id FROM case_clients cc JOIN cases c ON c.organisation_id = cc.organisation_id AND c.id = cc.case_id
UNION
SELECT organisation_id, client_id, team_id FROM registrations
UNION
SELECT organisation_id, client_id, triage_team_id FROM registrations WHERE triage_team_id IS NOT NULL;
