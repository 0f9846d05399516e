// Who may read a client's access log. `kwaliteit` reviews the log of every client of the
// organisation; a worker or team leader only as the case's worker (lead worker, see isCaseWorker)
// of a case of that client, within their case scope. Everyone else: not found.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { caseClients, cases } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope, isCaseWorker } from '../../access/access.policy';
import { worksInTeam } from '../../access/permissions';

/** An SQL condition that holds when the actor may read the access log of `clientId`. */
export function accessLogReadable(actor: Actor, clientId: string): SQL {
  if (actor.role === 'kwaliteit') return sql`true`;
  if (!worksInTeam(actor.role)) return sql`false`;
  return sql`exists (${sql`select 1 from ${cases} inner join ${caseClients} on ${and(eq(caseClients.organisationId, cases.organisationId), eq(caseClients.caseId, cases.id))}
    where ${and(eq(caseClients.clientId, clientId), caseScope(actor, 'read'), isCaseWorker(actor, sql`${cases.id}`))}`})`;
}
