// The header's search box: the clients the actor may read, found by name, BSN, birth date or
// postcode as on Cliënten zoeken (findClients), each with the cases of theirs that are not closed
// and that the actor may see (caseScope), so the box can open the case as well as the client.
// One access-log row per search names every client shown; the search text is never logged.
import type { Db } from '../../db/database';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../../audit/audit.writer';
import { listOpenCasesOf } from './clients.repo';
import { QUICK_SEARCH_LIMIT, type QuickSearchResult } from './clients.schemas';
import { findClients } from './clients.service';

export async function quickSearch(db: Db, actor: Actor, search: string): Promise<QuickSearchResult> {
  return db.transaction(async (tx) => {
    // One more than shown tells whether there are more, without counting every match.
    const { kind, results } = await findClients(tx, actor, search, QUICK_SEARCH_LIMIT + 1);
    const shown = results.slice(0, QUICK_SEARCH_LIMIT);
    const openCases = await listOpenCasesOf(tx, actor, shown.map((c) => c.id));
    const clients = shown.map(({ id, firstName, lastName, birthDate }) => ({
      id,
      firstName,
      lastName,
      birthDate,
      openCases: openCases.filter((c) => c.clientId === id).map(({ id: caseId, status, teamName }) => ({ id: caseId, status, teamName })),
    }));
    await writeAudit(tx, actor, { action: 'search', entityType: 'client', changes: { kind, results: shown.length, source: 'quick' }, clientIds: shown.map((c) => c.id) });
    return { clients, more: results.length > QUICK_SEARCH_LIMIT };
  });
}
