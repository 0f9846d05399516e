-- Idempotency keys move from "the key is the new journal entry's id" to the table idempotency_keys
-- (per user and route). Runs AFTER the generated migration that creates idempotency_keys (0013_auditlog_client_ids_idempotency_keys).
--
-- A client that sent a journal entry before the upgrade and retries it after (same Idempotency-Key)
-- must still get that entry back, not a second one. Before, the key became the entry's id, so for the
-- entries of the last seven days (a retry comes within seconds or minutes) each author's entry id is
-- recorded as that author's key on the route. An entry made without a key gets a key nobody sends.
-- Self-contained: only tables of the schema; safe to run on an empty database.
INSERT INTO "idempotency_keys" ("organisation_id", "user_id", "route", "key", "record_id", "created_at")
SELECT c."organisation_id", c."author_id", 'POST /api/cases/:id/contacts', c."id", c."id", c."created_at"
  FROM "contacts" c
  JOIN "users" u ON u."organisation_id" = c."organisation_id" AND u."id" = c."author_id"
 WHERE c."created_at" > now() - interval '7 days'
ON CONFLICT DO NOTHING;
