-- Consents and disclosures belong to the team that recorded them (issue 11: a team that shares a
-- client with another team sees only its own team's consents and disclosures). This fills the new
-- team_id columns of the rows that exist already. Hand-written: it must run AFTER the generated
-- migration that adds consents.team_id and disclosures.team_id (0008 on the attach branch).
--
-- The team is taken from the access-log row written in the same transaction as the consent or
-- disclosure: audit_log.actor_team_id is the recording user's team at that moment, so it stays
-- right for a user who moved team since. Only where no such row exists: for a disclosure the team
-- of its case, then the recording user's current team. A row left without a team is shown to no
-- team (only to a break-the-glass reader), never to the wrong one.
UPDATE consents c SET team_id = a.actor_team_id
  FROM (SELECT DISTINCT ON (organisation_id, entity_id) organisation_id, entity_id, actor_team_id
          FROM audit_log
         WHERE entity_type = 'consent' AND action = 'create' AND actor_team_id IS NOT NULL
         ORDER BY organisation_id, entity_id, at, id) a
 WHERE c.team_id IS NULL AND a.organisation_id = c.organisation_id AND a.entity_id = c.id;
--> statement-breakpoint
UPDATE consents c SET team_id = u.team_id
  FROM users u
 WHERE c.team_id IS NULL AND u.organisation_id = c.organisation_id AND u.id = c.recorded_by AND u.team_id IS NOT NULL;
--> statement-breakpoint
UPDATE disclosures d SET team_id = a.actor_team_id
  FROM (SELECT DISTINCT ON (organisation_id, entity_id) organisation_id, entity_id, actor_team_id
          FROM audit_log
         WHERE entity_type = 'disclosure' AND action = 'disclose' AND actor_team_id IS NOT NULL
         ORDER BY organisation_id, entity_id, at, id) a
 WHERE d.team_id IS NULL AND a.organisation_id = d.organisation_id AND a.entity_id = d.id;
--> statement-breakpoint
UPDATE disclosures d SET team_id = k.team_id
  FROM cases k
 WHERE d.team_id IS NULL AND k.organisation_id = d.organisation_id AND k.id = d.case_id;
--> statement-breakpoint
UPDATE disclosures d SET team_id = u.team_id
  FROM users u
 WHERE d.team_id IS NULL AND u.organisation_id = d.organisation_id AND u.id = d.recorded_by AND u.team_id IS NOT NULL;
