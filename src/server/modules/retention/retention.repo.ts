// SQL of the retention module: the facts about a client that the retention rules need, and the
// destruction queue with those facts (never the client's name or BSN).
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/database';
import { destructionTurn, type RetentionFacts } from './retention-rules';
import { PENDING_STATUSES, type DestructionItem, type RetentionView } from './retention.schemas';

/** `d.status` is not decided yet (te_beoordelen or voorgesteld). */
const pending = (alias: string) => sql`${sql.raw(alias)}.status in (${sql.join(PENDING_STATUSES.map((s) => sql`${s}`), sql`, `)})`;

export interface ClientFacts extends RetentionFacts {
  clientId: string;
  caseCount: number;
  teams: string[];
  otherPersons: number;
}

interface FactsRow {
  client_id: string;
  open_cases: number;
  untriaged: number;
  last_closed_on: string | null;
  last_registered_on: string | null;
  created_on: string;
  last_declined_on: string | null;
  case_count: number;
  teams: string[] | string | null;
  other_persons: number;
}

/** Dates come back as strings from both drivers (the pg date parser is set in database.ts). */
function toFacts(row: FactsRow): ClientFacts {
  const teams = typeof row.teams === 'string' ? (JSON.parse(row.teams) as string[]) : (row.teams ?? []);
  return {
    clientId: row.client_id,
    openCases: Number(row.open_cases),
    untriagedRegistrations: Number(row.untriaged),
    lastClosedOn: row.last_closed_on,
    lastRegisteredOn: row.last_registered_on,
    createdOn: row.created_on,
    lastDeclinedOn: row.last_declined_on,
    caseCount: Number(row.case_count),
    teams,
    otherPersons: Number(row.other_persons),
  };
}

/**
 * The facts per client, for the clients of `cl` (alias of clients) matching `where`. The case facts
 * count every case the client is in, as main client or household member.
 */
function factsQuery(organisationId: string, where: SQL, extra: SQL = sql``): SQL {
  return sql`
    select cl.id as client_id,
           coalesce(cs.open_cases, 0)::int as open_cases,
           coalesce(rs.untriaged, 0)::int as untriaged,
           cs.last_closed_on::text as last_closed_on,
           rs.last_registered_on::text as last_registered_on,
           (cl.created_at at time zone 'Europe/Amsterdam')::date::text as created_on,
           ds.last_declined_on::text as last_declined_on,
           coalesce(cs.case_count, 0)::int as case_count,
           array_to_json(coalesce(cs.teams, '{}'::text[]))::text as teams,
           coalesce(os.other_persons, 0)::int as other_persons
      from clients cl
      left join lateral (
        select count(*) filter (where c.status <> 'closed') as open_cases, max(c.closed_on) as last_closed_on, count(*) as case_count,
               array_agg(distinct t.name order by t.name) as teams
          from case_clients cc
          join cases c on c.organisation_id = cc.organisation_id and c.id = cc.case_id
          join teams t on t.organisation_id = c.organisation_id and t.id = c.team_id
         where cc.organisation_id = cl.organisation_id and cc.client_id = cl.id) cs on true
      left join lateral (
        select count(*) filter (where r.triage_outcome is null) as untriaged, max(r.registered_on) as last_registered_on
          from registrations r
         where r.organisation_id = cl.organisation_id and r.client_id = cl.id) rs on true
      left join lateral (
        select max((d.decided_at at time zone 'Europe/Amsterdam')::date) as last_declined_on
          from destructions d
         where d.organisation_id = cl.organisation_id and d.client_id = cl.id and d.status = 'afgewezen' and d.reason = 'bewaartermijn') ds on true
      left join lateral (
        select count(distinct other.client_id) as other_persons
          from case_clients mine
          join case_clients other on other.organisation_id = mine.organisation_id and other.case_id = mine.case_id and other.client_id <> mine.client_id
         where mine.organisation_id = cl.organisation_id and mine.client_id = cl.id) os on true
     where cl.organisation_id = ${organisationId} and ${where} ${extra}`;
}

/**
 * Clients not yet destroyed and not already in the queue whose term may have passed: everything
 * closed and the latest closing or registration on or before `startedOnOrBefore` (a coarse
 * filter; the retention rule decides).
 */
export async function candidateFacts(db: DbOrTx, organisationId: string, startedOnOrBefore: string): Promise<ClientFacts[]> {
  const where = sql`cl.destroyed_at is null
    and not exists (select 1 from destructions p where p.organisation_id = cl.organisation_id and p.client_id = cl.id and ${pending('p')})`;
  const coarse = sql`and coalesce(cs.open_cases, 0) = 0 and coalesce(rs.untriaged, 0) = 0
    and coalesce(greatest(cs.last_closed_on, rs.last_registered_on), (cl.created_at at time zone 'Europe/Amsterdam')::date) <= ${startedOnOrBefore}::date
    order by cl.id`;
  return (await rowsOf<FactsRow>(db, factsQuery(organisationId, where, coarse))).map(toFacts);
}

/** The facts of one client (null when the client is not in the organisation). */
export async function clientFacts(db: DbOrTx, organisationId: string, clientId: string): Promise<ClientFacts | null> {
  const [row] = await rowsOf<FactsRow>(db, factsQuery(organisationId, sql`cl.id = ${clientId}::uuid`));
  return row ? toFacts(row) : null;
}

interface QueueRow {
  id: string;
  client_id: string;
  reason: DestructionItem['reason'];
  status: DestructionItem['status'];
  requested_on: string;
  due_on: string;
  request_note: string | null;
  decided_at: string | Date | null;
  decided_by_name: string | null;
  decision_note: string | null;
  proposed_by: string | null;
  proposed_at: string | Date | null;
  proposed_by_name: string | null;
  proposal_note: string | null;
  version: number;
}

const isoOrNull = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The queue rows of a view (or one row by id), each with its client's facts and whose turn it is
 * for `userId`. Open rows: what is due first on top, then by the date received or listed, then by
 * the client's exported id (the same on every installation that holds the same history; never a
 * random id). Decisions: newest first.
 */
export async function selectQueue(
  db: DbOrTx,
  organisationId: string,
  userId: string,
  filter: { view?: RetentionView; id?: string; limit?: number; offset?: number },
  blockedBy: (facts: ClientFacts) => string | null,
): Promise<{ total: number; items: (DestructionItem & { clientId: string })[] }> {
  const view = filter.view ?? 'open';
  const condition = filter.id ? sql`d.id = ${filter.id}::uuid` : view === 'open' ? pending('d') : sql`d.status = ${view}`;
  const order =
    view === 'open' ? sql`d.due_on, d.requested_on, coalesce(cl.external_id, cl.id::text) collate "C", d.id` : sql`d.decided_at desc nulls last, d.id`;
  const rows = await rowsOf<QueueRow & { total: number }>(
    db,
    sql`select d.id, d.client_id, d.reason, d.status, d.requested_on::text as requested_on, d.due_on::text as due_on, d.request_note,
               d.decided_at, u.name as decided_by_name, d.decision_note,
               d.proposed_by, d.proposed_at, p.name as proposed_by_name, d.proposal_note, d.version, count(*) over ()::int as total
          from destructions d
          join clients cl on cl.organisation_id = d.organisation_id and cl.id = d.client_id
          left join users u on u.organisation_id = d.organisation_id and u.id = d.decided_by
          left join users p on p.organisation_id = d.organisation_id and p.id = d.proposed_by
         where d.organisation_id = ${organisationId} and ${condition}
         order by ${order}
         limit ${filter.limit ?? 50} offset ${filter.offset ?? 0}`,
  );
  if (rows.length === 0) return { total: 0, items: [] };
  const ids = rows.map((r) => sql`${r.client_id}::uuid`);
  const facts = (await rowsOf<FactsRow>(db, factsQuery(organisationId, sql`cl.id in (${sql.join(ids, sql`, `)})`))).map(toFacts);
  const byClient = new Map(facts.map((f) => [f.clientId, f]));
  const items = rows.map((r) => {
    const f = byClient.get(r.client_id)!;
    return {
      id: r.id,
      clientId: r.client_id,
      reason: r.reason,
      status: r.status,
      requestedOn: r.requested_on,
      dueOn: r.due_on,
      requestNote: r.request_note,
      teams: f.teams,
      caseCount: f.caseCount,
      lastClosedOn: f.lastClosedOn,
      otherPersons: f.otherPersons,
      blockedBy: r.status === 'te_beoordelen' || r.status === 'voorgesteld' ? blockedBy(f) : null,
      proposedByName: r.proposed_by_name,
      proposedAt: isoOrNull(r.proposed_at),
      proposalNote: r.proposal_note,
      turn: destructionTurn(r.status, r.proposed_by, userId),
      decidedAt: isoOrNull(r.decided_at),
      decidedByName: r.decided_by_name,
      decisionNote: r.decision_note,
      version: Number(r.version),
    };
  });
  return { total: Number(rows[0]!.total), items };
}
