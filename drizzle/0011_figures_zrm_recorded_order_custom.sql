-- Custom migration (figures, hand-written): runs after the generated migration that added
-- zrm_assessments.recorded_order (0010_figures_recorded_order_destruction_proposal), which numbered the rows that
-- were already there in whatever order the table scan gave them.
--
-- Renumbers those rows deterministically, in the order the ZRM report used until now (created_at,
-- then id), so that no figure of an existing installation changes with the upgrade. The order of
-- the file of an earlier import cannot be recovered: every row of one import got the same
-- created_at, and nothing recorded the file order. New rows, entered or imported, are numbered by
-- the identity in the order they are written.
--
-- The new numbers start above every existing one, so the unique index on (organisation_id,
-- recorded_order) holds row by row during the update; the sequence then continues above them.
-- Self-contained: it reads only zrm_assessments and works on an empty table.
with numbered as (
  select organisation_id, id, row_number() over (order by created_at, id) as n from zrm_assessments
), base as (
  select coalesce(max(recorded_order), 0) as top from zrm_assessments
)
update zrm_assessments z
   set recorded_order = base.top + numbered.n
  from numbered, base
 where z.organisation_id = numbered.organisation_id and z.id = numbered.id;
--> statement-breakpoint
select setval(pg_get_serial_sequence('zrm_assessments', 'recorded_order'), coalesce((select max(recorded_order) from zrm_assessments), 0) + 1, false);
